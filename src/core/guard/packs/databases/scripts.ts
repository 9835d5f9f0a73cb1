import { parseOptions } from '../../../argv';
import type { SimpleCommand } from '../../../shell/command';
import { analyseSql, type SqlHazard } from '../../../sql/analyse';
import { analyseMongoScript, type MongoHazard } from '../../../sql/mongo';
import { analyseRedisCommands, type RedisHazard } from '../../../sql/redis';
import type { RuleContext } from '../../rule';
import { isRuntimeText } from '../../runtime-text';
import { type ClientShape, clientOf, type ScriptOrigin } from './clients';

/** What one database client command would run, read once and shared by every rule of the pack. */
export interface ClientScripts {
  sql: Array<SqlHazard & { from: string }>;
  mongo: Array<MongoHazard & { from: string }>;
  redis: Array<RedisHazard & { from: string }>;
  /** Scripts Airlock could not read: an unreadable `-f` file, stdin from a pipe it cannot see through. */
  unreadable: string[];
  /** Shell command lines the client would run (`\!`, `.shell`, `COPY ... PROGRAM`). */
  shellCommands: string[];
}

/** psql `\i` inside an included file is followed this many levels. */
const MAX_INCLUDE_DEPTH = 3;
/** Included files read per command, in all. */
const MAX_INCLUDES = 32;
const cache = new WeakMap<SimpleCommand, ClientScripts | null>();

export function clientScripts(command: SimpleCommand, context: RuleContext): ClientScripts | undefined {
  const cached = cache.get(command);
  if (cached !== undefined) return cached ?? undefined;
  const client = clientOf(command);
  const result = client ? read(command, context, client.shape.dialect, client.shape.origins(parseOptions(client.args, client.shape.spec), command)) : undefined;
  cache.set(command, result ?? null);
  return result;
}

function read(command: SimpleCommand, context: RuleContext, dialect: ClientShape['dialect'], origins: ScriptOrigin[]): ClientScripts {
  const out: ClientScripts = { sql: [], mongo: [], redis: [], unreadable: [], shellCommands: [] };
  const readFile = (path: string) => context.readFile(path, command.cwd);
  let includes = 0;
  const analyse = (text: string, from: string, depth: number): void => {
    if (dialect === 'mongo') {
      out.mongo.push(...analyseMongoScript(text).map((h) => ({ ...h, from })));
      return;
    }
    if (dialect === 'redis') {
      out.redis.push(...analyseRedisCommands(text).map((h) => ({ ...h, from })));
      return;
    }
    const analysis = analyseSql(text, dialect);
    out.sql.push(...analysis.hazards.map((h) => ({ ...h, from })));
    out.shellCommands.push(...analysis.shellCommands);
    for (const include of analysis.includes) {
      if (depth >= MAX_INCLUDE_DEPTH) {
        out.unreadable.push(`${include} (included too deep)`);
        continue;
      }
      if (++includes > MAX_INCLUDES) {
        out.unreadable.push(`${include} (more than ${MAX_INCLUDES} included files)`);
        break;
      }
      const included = readFile(include);
      if (included === undefined) out.unreadable.push(`${include} (included by ${from}, unreadable)`);
      else analyse(included, include, depth + 1);
    }
  };
  for (const origin of origins) {
    if (origin.kind === 'inline') {
      if (isRuntimeText(origin.text, command)) out.unreadable.push(`${origin.from} ${origin.text.slice(0, 40)} (only known when the line runs)`);
      else analyse(origin.text, origin.from, 0);
      continue;
    }
    if (origin.kind === 'file') {
      const text = readFile(origin.path);
      if (text === undefined) out.unreadable.push(`${origin.from} (cannot be read)`);
      else analyse(text, origin.path, 0);
      continue;
    }
    const stdin = command.stdin;
    if (stdin?.kind === 'text') analyse(stdin.text, stdin.from, 0);
    else if (stdin?.kind === 'file') {
      const text = readFile(stdin.path);
      if (text === undefined) out.unreadable.push(`< ${stdin.path} (cannot be read)`);
      else analyse(text, `< ${stdin.path}`, 0);
    } else if (stdin?.kind === 'opaque') out.unreadable.push(`standard input piped from ${stdin.from}`);
  }
  return out;
}
