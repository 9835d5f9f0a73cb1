import { type CodeCall, findCalls } from '../code/calls';
import { type CodeToken, scanCode } from '../code/scanner';

/**
 * What a mongosh script would destroy: `dropDatabase()`, a collection's `drop()`,
 * `deleteMany({})` / `remove({})` with an empty filter, `updateMany({}, ...)` over every
 * document, and the same through `db.runCommand({ dropDatabase: 1 })`. Strings and comments
 * that only mention them do not count.
 */

export type MongoHazardKind = 'drop-database' | 'drop-collection' | 'delete-all' | 'update-all';

export interface MongoHazard {
  kind: MongoHazardKind;
  /** The call as a person would read it, e.g. `db.users.drop()`. */
  call: string;
}

export function analyseMongoScript(source: string): MongoHazard[] {
  const tokens = scanCode(source, 'javascript');
  const hazards: MongoHazard[] = [];
  for (const call of findCalls(tokens)) {
    const name = call.path[call.path.length - 1]!;
    const text = `${call.path.join('.')}(${call.args.length ? '...' : ''})`;
    if (name === 'dropDatabase') hazards.push({ kind: 'drop-database', call: text });
    else if (name === 'drop' && call.path.length >= 2 && (call.path[0] === 'db' || call.args.length === 0))
      hazards.push({ kind: 'drop-collection', call: text });
    else if ((name === 'deleteMany' || name === 'remove') && call.path.length >= 2 && emptyFilter(call))
      hazards.push({ kind: 'delete-all', call: `${call.path.join('.')}(${call.args.length ? '{}' : ''})` });
    else if (name === 'updateMany' && call.path.length >= 2 && emptyFilter(call)) hazards.push({ kind: 'update-all', call: `${call.path.join('.')}({}, ...)` });
    else if ((name === 'runCommand' || name === 'adminCommand') && call.args[0]) {
      const key = commandKey(call.args[0]);
      if (key === 'dropDatabase') hazards.push({ kind: 'drop-database', call: `${call.path.join('.')}({ dropDatabase: 1 })` });
      if (key === 'drop') hazards.push({ kind: 'drop-collection', call: `${call.path.join('.')}({ drop: ... })` });
    }
  }
  return hazards;
}

/** No filter, or `{}`: every document matches. */
function emptyFilter(call: CodeCall): boolean {
  const first = call.args[0];
  if (!first || first.length === 0) return true;
  return first.length === 2 && first[0]!.value === '{' && first[1]!.value === '}';
}

/** The first key of a command document: `{ dropDatabase: 1 }` gives `dropDatabase`. */
function commandKey(arg: CodeToken[]): string | undefined {
  if (arg[0]?.value !== '{') return undefined;
  const key = arg[1];
  return key && (key.kind === 'ident' || key.kind === 'string') && arg[2]?.value === ':' ? key.value : undefined;
}
