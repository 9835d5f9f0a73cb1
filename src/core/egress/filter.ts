import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { confirmationFor } from '../environment/classify';
import type { Target } from '../environment/target';
import type { ActivityEvent } from '../events';
import type { CheckResult } from '../findings';
import type { ConfirmRequest, ConfirmResponse } from '../ipc/protocol';
import type { EditorAnswer } from '../ipc-client';
import type { Requester } from '../types';
import { sentCredentials } from './credentials';
import { type EgressWorkspace, requestTarget } from './environment';
import { type EgressJudgement, type EgressRequest, judgeRequest } from './judge';
import { type Refusal, refusalText } from './message';

/**
 * The egress gate's decision for one decrypted request, as the sandbox runtime's
 * `network.filterRequest` callback. Benign requests go out at once. A destructive one is held
 * while the person is asked in the editor, through the same IPC as commands: allowed, this one
 * request goes out (once: nothing is remembered for the next); blocked, timed out or with no
 * editor to ask, the client gets a 403 whose body says what was stopped and why. A refusal the
 * gate settles itself is logged before it is answered; the editor logs what the person decides.
 */
export interface EgressGateDeps {
  cwd: string;
  requester: Requester;
  workspace: () => EgressWorkspace;
  askEditor: (request: ConfirmRequest, paths: string[]) => Promise<EditorAnswer<ConfirmResponse>>;
  record: (event: Omit<ActivityEvent, 'id' | 'time'>) => Promise<void>;
  redact: (text: string) => string;
  /** How long a person has to answer. */
  timeoutMs: number;
}

/** The shapes of the runtime's callback, kept structural so this module needs no runtime import. */
export interface FilterInfo {
  sni?: string;
  target?: { host: string; port: number };
  unshownBody?: () => Promise<boolean>;
}
export type FilterDecision = { action: 'allow' } | { action: 'deny'; status: number; reason: string };

/** Bodies above this are judged on their method, URL and headers alone. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export function createEgressFilter(deps: EgressGateDeps): (request: Request, info?: FilterInfo) => Promise<FilterDecision> {
  return async (request, info) => {
    let judgement: EgressJudgement;
    let egress: EgressRequest;
    try {
      egress = await readRequest(request, info);
      judgement = judgeRequest(egress);
    } catch {
      // What Airlock cannot see is never waved through.
      egress = { method: request.method, url: request.url, headers: {} };
      judgement = {
        decision: 'ask',
        summary: `${request.method} ${safeOrigin(request.url)}`,
        findings: [{ rule: 'egress.unreadable', severity: 'high', reason: 'Airlock could not read this request to a provider API.' }],
      };
    }
    if (judgement.decision === 'allow') return { action: 'allow' };
    let target: Target | undefined;
    try {
      const host = hostOf(egress.url);
      target = requestTarget(deps.workspace(), host, sentCredentials(egress.headers, egress.url), egress.body, egress.url);
    } catch {
      target = { name: null, resource: null, environment: 'unknown', evidence: [{ source: 'environment', value: 'could not be read' }], sharedWith: [] };
    }
    const check: CheckResult = {
      decision: 'ask',
      environment: target.environment,
      target,
      confirmation: confirmationFor(target.environment),
      findings: judgement.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        decision: 'ask',
        reason: deps.redact(f.reason),
        segment: deps.redact(judgement.summary),
        ...(f.resource ? { resource: deps.redact(f.resource) } : {}),
      })),
    };
    const first = judgement.findings[0]!;
    const command = deps.redact(`${judgement.summary} (request held by the egress gate)`);
    const deny = async (refusal: Refusal, log: 'no-editor' | 'rules' | undefined): Promise<FilterDecision> => {
      if (log) {
        try {
          await deps.record({
            kind: 'decision',
            actor: deps.requester,
            command,
            cwd: deps.cwd,
            decision: 'deny',
            decidedBy: log,
            reason: deps.redact(first.reason),
            environment: target!.environment,
            rule: first.rule,
            severity: first.severity,
            evidence: target!.evidence.map((e) => deps.redact(`${e.source}: ${e.value}`)),
            details: { gate: 'egress', refusal: refusal.kind },
          });
        } catch {
          /* still refused: a log that cannot be written never turns a refusal into a request */
        }
      }
      return { action: 'deny', status: 403, reason: deps.redact(refusalText(judgement, target, refusal)) };
    };
    const answer = await deps.askEditor(
      { kind: 'tool', requester: deps.requester, command, cwd: deps.cwd, reason: deps.redact(first.reason), check, timeoutMs: deps.timeoutMs },
      [deps.cwd],
    );
    if ('unreachable' in answer) return deny({ kind: 'no-editor', why: answer.unreachable }, 'no-editor');
    if (answer.decision === 'allow') return { action: 'allow' };
    return deny(answer.decidedBy === 'timeout' ? { kind: 'timeout' } : { kind: 'blocked' }, undefined);
  };
}

async function readRequest(request: Request, info: FilterInfo | undefined): Promise<EgressRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const out: EgressRequest = { method: request.method, url: request.url, headers };
  if (request.body) {
    const bytes = await readCapped(request.body, MAX_BODY_BYTES);
    if (bytes === undefined) out.bodyUnseen = `larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`;
    else {
      const decoded = decode(bytes, headers['content-encoding']);
      if (decoded === undefined) out.bodyUnseen = `encoded as ${headers['content-encoding']}`;
      else out.body = decoded;
    }
  } else if (info?.unshownBody && (await info.unshownBody())) {
    out.bodyUnseen = `a ${request.method} carrying a body`;
    out.method = request.method === 'GET' ? 'POST' : request.method; // judged as the write it may be
  }
  return out;
}

async function readCapped(stream: ReadableStream<Uint8Array>, max: number): Promise<Buffer | undefined> {
  const reader = stream.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

function decode(bytes: Buffer, encoding: string | undefined): string | undefined {
  const enc = (encoding ?? 'identity').trim().toLowerCase();
  const limit = { maxOutputLength: MAX_BODY_BYTES };
  try {
    if (enc === '' || enc === 'identity') return bytes.toString('utf8');
    if (enc === 'gzip' || enc === 'x-gzip') return gunzipSync(bytes, limit).toString('utf8');
    if (enc === 'deflate') return inflateSync(bytes, limit).toString('utf8');
    if (enc === 'br') return brotliDecompressSync(bytes, limit).toString('utf8');
  } catch {
    return undefined;
  }
  return undefined;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return 'unknown host';
  }
}

function safeOrigin(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return 'an unreadable URL';
  }
}
