import { analyseGraphqlBody, isDestructiveFieldName } from '../http/graphql';
import { isGraphqlPath } from '../http/hosts';
import { sqlHazardsInBody, sqlHazardsInParams } from '../http/sql-body';
import type { Severity } from '../types';

/**
 * Judges one decrypted request to a provider API on what it really is: its method, URL,
 * headers and body, read with the same classifiers the text gate uses on command lines
 * (src/core/http). Pure: no I/O, so every shape can be tested without a network.
 */
export interface EgressRequest {
  method: string;
  /** Absolute https URL as the client sent it (path and query as spelled). */
  url: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The body as text, when there is one Airlock could read. */
  body?: string;
  /** Why the body could not be read (too large, an unknown encoding); set instead of `body`. */
  bodyUnseen?: string;
}

export interface EgressFinding {
  rule: string;
  severity: Severity;
  /** One plain sentence: what the request does. */
  reason: string;
  /** What it would destroy, when that can be named. */
  resource?: string;
}

export interface EgressJudgement {
  decision: 'allow' | 'ask';
  findings: EgressFinding[];
  /** `POST https://host/path`: how the request is named to a person. */
  summary: string;
}

/** POST endpoints whose path says they delete (Elasticsearch `_delete_by_query`, `/v1/items/7/delete`). */
const DELETING_PATH = /\/(_delete_by_query|doDelete|_delete|delete|destroy|purge|wipe)(\/|\?|$)/i;
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function judgeRequest(request: EgressRequest): EgressJudgement {
  const method = request.method.toUpperCase();
  let url: URL | undefined;
  try {
    url = new URL(request.url);
  } catch {
    url = undefined;
  }
  const path = url ? url.pathname : request.url;
  const query = url ? url.search.replace(/^\?/, '') : '';
  const where = url ? url.host : 'an unreadable URL';
  const summary = `${method} ${url ? `${url.origin}${url.pathname}` : request.url}`;
  const findings: EgressFinding[] = [];

  // GraphQL: the body, or the query string for GraphQL over GET.
  const texts: string[] = [];
  if (request.body !== undefined && request.body.trim() !== '') texts.push(request.body);
  if (/(^|&)query=/.test(query)) texts.push(query);
  const graphqlPath = isGraphqlPath(path);
  let unparsed = false;
  let documents = 0;
  for (const text of texts) {
    const finding = analyseGraphqlBody(text);
    documents += finding.documents;
    if (finding.unparsed.length) unparsed = true;
    if (finding.destructiveFields.length) {
      const fields = finding.destructiveFields.join(', ');
      findings.push({
        rule: 'egress.graphql-destructive-mutation',
        severity: 'critical',
        reason: `Sends the GraphQL mutation ${fields} to ${where}: it deletes or destroys data.`,
        resource: `what ${fields} deletes on ${where}`,
      });
    }
  }
  if (graphqlPath && !BODYLESS.has(method) && (unparsed || (request.body !== undefined && request.body.trim() !== '' && documents === 0))) {
    findings.push({
      rule: 'egress.graphql-unreadable',
      severity: 'high',
      reason: `Sends a body to the GraphQL endpoint ${where}${path} that Airlock cannot read as GraphQL, so it cannot tell what it changes.`,
    });
  }

  // SQL over HTTP (Supabase, Neon, PlanetScale, ClickHouse...).
  const hazards = [...(request.body !== undefined ? sqlHazardsInBody(request.body) : []), ...(query ? sqlHazardsInParams(query) : [])];
  const hazard = hazards[0];
  if (hazard)
    findings.push({
      rule: 'egress.destructive-sql',
      severity: 'critical',
      reason: `Sends \`${hazard.statement}\` to ${where}: it ${hazard.kind === 'drop' || hazard.kind === 'replace' || hazard.kind === 'alter-drop' ? 'drops' : hazard.kind === 'update-all' ? 'overwrites' : 'empties'} ${hazard.object}.`,
      resource: hazard.object,
    });

  // REST: DELETE, and POSTs to deleting endpoints or custom verbs (`...:delete`, `...:purge`).
  if (method === 'DELETE')
    findings.push({
      rule: 'egress.rest-delete',
      severity: 'high',
      reason: `Sends an HTTP DELETE to ${where}: the resource at ${path} is removed.`,
      resource: `${where}${path}`,
    });
  else if (method === 'POST' && DELETING_PATH.test(path))
    findings.push({
      rule: 'egress.rest-delete',
      severity: 'high',
      reason: `Sends a POST to ${where} at ${path}, an endpoint that deletes.`,
      resource: `${where}${path}`,
    });
  else {
    const verb = /:([A-Za-z][\w-]*)$/.exec(decodeSafe(path.split('/').pop() ?? ''))?.[1];
    if (verb && !BODYLESS.has(method) && isDestructiveFieldName(verb))
      findings.push({
        rule: 'egress.rest-delete',
        severity: 'high',
        reason: `Calls the custom method :${verb} on ${where}${path}.`,
        resource: `${where}${path}`,
      });
  }

  // AWS: JSON protocol (`X-Amz-Target: DynamoDB_20120810.DeleteTable`), query protocol
  // (`Action=TerminateInstances` in the body or the URL), and S3's multi-object delete (`POST /?delete`).
  const target = request.headers['x-amz-target'];
  const targetAction = target?.split('.').pop();
  const formAction = actionParam(query) ?? (request.body !== undefined && /(^|&)Action=/.test(request.body) ? actionParam(request.body) : undefined);
  for (const action of [targetAction, formAction]) {
    if (action && isDestructiveFieldName(action))
      findings.push({
        rule: 'egress.aws-destructive-action',
        severity: 'critical',
        reason: `Calls the AWS action ${action} on ${where}.`,
        resource: `what ${action} acts on`,
      });
  }
  if (method === 'POST' && /(^|&)delete(=|&|$)/.test(query))
    findings.push({
      rule: 'egress.aws-destructive-action',
      severity: 'critical',
      reason: `Sends an S3 DeleteObjects request to ${where}${path}.`,
      resource: `objects in ${where}${path}`,
    });

  if (request.bodyUnseen && !BODYLESS.has(method) && findings.length === 0 && (method === 'POST' || method === 'PATCH' || graphqlPath)) {
    findings.push({
      rule: 'egress.unseen-body',
      severity: 'high',
      reason: `Sends a body to ${where}${path} that Airlock cannot read (${request.bodyUnseen}), so it cannot tell what it changes.`,
    });
  }
  return { decision: findings.length ? 'ask' : 'allow', findings: dedupe(findings), summary };
}

function actionParam(text: string): string | undefined {
  try {
    return new URLSearchParams(text).get('Action') ?? undefined;
  } catch {
    return undefined;
  }
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function dedupe(findings: EgressFinding[]): EgressFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.reason) ? false : (seen.add(f.reason), true)));
}
