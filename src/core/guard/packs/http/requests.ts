import { analyseGraphqlBody } from '../../../http/graphql';
import { isGraphqlPath, isLoopback, providerOf, urlTarget } from '../../../http/hosts';
import { HTTP_TOOLS, type HttpBody, type HttpRequest, readRequests } from '../../../http/index';
import { sqlHazardsInBody, sqlHazardsInParams } from '../../../http/sql-body';
import type { SimpleCommand } from '../../../shell/command';
import type { SqlHazard } from '../../../sql/analyse';
import type { RuleContext } from '../../rule';
import { isRuntimeText } from '../../runtime-text';
import { whyUnreadable } from '../../unreadable-file';

export const HTTP_KEYWORDS = ['curl', 'wget', 'http', 'https', 'xh', 'xhs', 'gh', 'invoke-restmethod', 'invoke-webrequest', 'irm', 'iwr'];
export { HTTP_TOOLS };

/** One request with what the rules need to know about it, worked out once per command. */
export interface AssessedRequest {
  request: HttpRequest;
  targets: Array<{ url: string; host?: string; path: string; provider?: string; loopback: boolean }>;
  destructiveMutations: string[];
  /** Destructive SQL in a body or a `?query=` parameter (SQL-over-HTTP APIs). */
  sqlHazards: SqlHazard[];
  /** GraphQL-shaped text that did not parse. */
  unparsedGraphql: boolean;
  /** Sent to a GraphQL endpoint (by path, by tool, or by the shape of its body). */
  graphql: boolean;
  unseenBodies: string[];
  /** Bodies from named files Airlock could not read, each with why (worded to follow the path). */
  unreadableFiles: Array<{ path: string; from: string; why: string }>;
}

const cache = new WeakMap<SimpleCommand, AssessedRequest[]>();

export function assessedRequests(command: SimpleCommand, context: RuleContext): AssessedRequest[] {
  const cached = cache.get(command);
  if (cached) return cached;
  const requests = readRequests(command.argv[0]!, {
    args: command.argv.slice(1),
    ...(command.stdin ? { stdin: command.stdin } : {}),
    read: (path) => context.readFile(path, command.cwd),
  });
  const assessed = requests.map((request) => {
    const result = assess(withRuntimeBodiesUnseen(request, command));
    result.unreadableFiles = request.bodies.flatMap((b) =>
      b.kind === 'unseen' && b.file !== undefined ? [{ path: b.file, from: b.from, why: whyUnreadable(b.file, command.cwd) }] : [],
    );
    return result;
  });
  cache.set(command, assessed);
  return assessed;
}

/** A body that is itself a `$VAR` or `$(...)` is one Airlock cannot see. */
function withRuntimeBodiesUnseen(request: HttpRequest, command: SimpleCommand): HttpRequest {
  const bodies = request.bodies.map(
    (b): HttpBody =>
      b.kind === 'text' && isRuntimeText(b.text, command) ? { kind: 'unseen', from: `${b.from} ${b.text.slice(0, 40)} (only known when the line runs)` } : b,
  );
  return { ...request, bodies };
}

function assess(request: HttpRequest): AssessedRequest {
  const targets = request.urls.map((url) => {
    const { host, path } = urlTarget(url);
    const provider = providerOf(host);
    return { url, ...(host ? { host } : {}), path, ...(provider ? { provider } : {}), loopback: isLoopback(host) };
  });
  const destructiveMutations: string[] = [];
  let unparsedGraphql = false;
  let documents = 0;
  let graphql = request.graphql === true || targets.some((t) => isGraphqlPath(t.path));
  const texts = request.bodies.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
  // GraphQL over GET puts the document in the query string.
  for (const t of targets) {
    const query = t.path.indexOf('?');
    if (query >= 0 && /(^|&)query=/.test(t.path.slice(query + 1))) texts.push(t.path.slice(query + 1));
  }
  for (const text of texts) {
    const finding = analyseGraphqlBody(text);
    destructiveMutations.push(...finding.destructiveFields);
    documents += finding.documents;
    if (finding.documents > 0 || finding.unparsed.length > 0) graphql = true;
    if (finding.unparsed.length > 0) unparsedGraphql = true;
  }
  if (graphql && !unparsedGraphql) {
    // A body sent to a GraphQL endpoint that holds no GraphQL at all is not something Airlock can read.
    unparsedGraphql = texts.length > 0 && documents === 0;
  }
  const unseenBodies = request.bodies.flatMap((b) => (b.kind === 'unseen' ? [b.from] : []));
  const sqlHazards = [
    ...request.bodies.flatMap((b) => (b.kind === 'text' ? sqlHazardsInBody(b.text) : [])),
    ...targets.flatMap((t) => (t.path.includes('?') ? sqlHazardsInParams(t.path.slice(t.path.indexOf('?') + 1)) : [])),
  ];
  return { request, targets, destructiveMutations, sqlHazards, unparsedGraphql, graphql, unseenBodies, unreadableFiles: [] };
}

export function describeTarget(assessed: AssessedRequest): string {
  const t = assessed.targets[0];
  if (!t) return 'an unknown URL';
  return t.host ? `${t.host}${t.provider ? ` (${t.provider})` : ''}` : `${t.url} (host not known until it runs)`;
}
