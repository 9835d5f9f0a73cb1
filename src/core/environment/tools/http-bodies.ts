import { isAbsolute, join, resolve } from 'node:path';
import { analyseGraphqlBody } from '../../http/graphql';
import { type HttpRequest, readRequests } from '../../http/index';
import { redactText } from '../../redact';
import type { CommandContext, Evidence } from '../context';
import { evidence } from '../resolution';
import { type ResourceKind, type ResourceRef, simpleRef } from '../resources';

/**
 * What an HTTP request's bodies say it acts on. The body is often not in the command's own
 * words (`-d @body.json`, a heredoc, `echo … |`, `gh api -F query=@file`, `xh url query=…`), so
 * the requests are read with the HTTP packs' own reader, the same one the guard used to stop
 * the command: the target then names the same body the guard judged.
 */
export interface BodyFacts {
  /** Railway ids named in the bodies (volume, project, service), for the shared-resource check. */
  resources: ResourceRef[];
  evidence: Evidence[];
}

/** Railway's GraphQL arguments that name a resource, and the kind each one is. */
const RAILWAY_ID_ARGUMENTS: ReadonlyArray<readonly [string, ResourceKind]> = [
  ['volumeId', 'volume'],
  ['volumeInstanceId', 'volume'],
  ['environmentId', 'project'],
  ['projectId', 'project'],
  ['serviceId', 'app'],
];
const ID_PATTERNS = RAILWAY_ID_ARGUMENTS.map(([name, kind]) => ({
  name,
  kind,
  // Matches `volumeId: "x"` in a described field and `\"volumeId\": \"x\"` in raw or escaped JSON.
  pattern: new RegExp(`\\b${name}\\\\?["']?\\s*:\\s*\\\\?["']([\\w-]{3,80})`, 'g'),
}));

/** The requests the command would send; empty when the tool sends none or its words cannot be read. */
export function requestsOf(ctx: CommandContext, args: readonly string[]): HttpRequest[] {
  try {
    return readRequests(ctx.argv[0] ?? '', {
      args,
      ...(ctx.command.stdin ? { stdin: ctx.command.stdin } : {}),
      read: (path) => readBodyFile(ctx, path),
    });
  } catch {
    return []; // a reader bug must not cost the target: the guard already decided on the command
  }
}

/**
 * Destructive GraphQL fields in each readable body (with variables filled in) as evidence
 * naming where the body came from, and, for Railway's API, the ids those fields name. Bodies
 * Airlock cannot see add nothing here: the guard has already asked about them.
 */
export function bodyFacts(requests: HttpRequest[], args: readonly string[], railway: boolean): BodyFacts {
  const facts: BodyFacts = { resources: [], evidence: [] };
  const seen = new Set<string>();
  for (const request of requests) {
    for (const body of request.bodies) {
      if (body.kind !== 'text') continue;
      const fields = analyseGraphqlBody(body.text).destructiveFields;
      const source = `GraphQL body ${bodyPlace(body.from, args)}`;
      for (const field of fields) facts.evidence.push(evidence(source, redactText(field)));
      if (!railway) continue;
      // Ids from the parsed fields when there are any (variables resolved); else from the text as written.
      const text = fields.length ? fields.join('\n') : body.text;
      for (const { name, kind, pattern } of ID_PATTERNS) {
        for (const match of text.matchAll(pattern)) {
          const id = match[1]!;
          if (seen.has(`${name}\0${id}`)) continue;
          seen.add(`${name}\0${id}`);
          facts.resources.push(simpleRef(kind, id));
          facts.evidence.push(evidence(`GraphQL ${name}`, id));
        }
      }
    }
  }
  return facts;
}

/** Where a body came from, for a person: `in body.json`, `in the heredoc`, `piped from echo`. */
function bodyPlace(from: string, args: readonly string[]): string {
  const redirected = /\(< ([^,)]+)/.exec(from)?.[1];
  if (redirected) return `in ${redirected} (standard input)`;
  const file = /@([^\s()]+)/.exec(from)?.[1];
  if (file && file !== '-') return `in ${file}`;
  if (/\(heredoc\)/.test(from)) return 'in the heredoc on standard input';
  if (/\(herestring\)/.test(from)) return 'in the here-string on standard input';
  const piped = /\((echo|printf)\)/.exec(from)?.[1];
  if (piped) return `piped from ${piped}`;
  if (from === 'fields' || from === 'request items') {
    // `gh api -F query=@q.graphql`, `xh url query=@q.graphql`: the readers fold files into the fields.
    const files = args.flatMap((a) => /^[\w.-]+:?=@(.+)$/.exec(a)?.[1] ?? []);
    const what = from === 'fields' ? 'the -f/-F fields' : 'the request items';
    return files.length ? `in ${files.join(', ')} (${what})` : `in ${what}`;
  }
  return `in ${from}`;
}

/** A body file as the command would open it: relative to its cwd, `~` being the (possibly fake) HOME; bounded and cached. */
function readBodyFile(ctx: CommandContext, path: string): string | undefined {
  let full: string;
  if (path === '~' || path.startsWith('~/')) {
    if (!ctx.home) return undefined;
    full = join(ctx.home, path.slice(1));
  } else full = isAbsolute(path) ? path : resolve(ctx.cwd, path);
  const result = ctx.cache.text(full);
  return result.ok ? result.value : undefined;
}
