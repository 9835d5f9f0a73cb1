import { request } from 'node:http';
import { NONCE_HEADER, newNonce, SIGNATURE_HEADER, verifyAnswer } from './ipc/auth';
import {
  type AlertRequest,
  type ConfirmRequest,
  type ConfirmResponse,
  type ReportRequest,
  ROUTES,
  SECRET_HEADER,
  type WindowRegistration,
} from './ipc/protocol';
import { findWindowFor } from './ipc/registry';

/** Why the editor could not answer: said plainly to the person, never a stack trace. */
export interface Unreachable {
  unreachable: string;
}

export type EditorAnswer<T> = T | Unreachable;

export function isUnreachable<T>(answer: EditorAnswer<T>): answer is Unreachable {
  return typeof answer === 'object' && answer !== null && 'unreachable' in answer;
}

/** Sends one JSON request over the window's socket; resolves to the parsed answer or a reason. */
export function callWindow<T>(window: WindowRegistration, route: string, body: unknown, timeoutMs: number): Promise<EditorAnswer<T>> {
  return new Promise((resolvePromise) => {
    let settled = false;
    const settle = (value: EditorAnswer<T>) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolvePromise(value);
      }
    };
    const payload = Buffer.from(JSON.stringify(body ?? {}), 'utf8');
    const nonce = newNonce();
    const req = request(
      {
        socketPath: window.socket,
        path: route,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': payload.length, [SECRET_HEADER]: window.secret, [NONCE_HEADER]: nonce },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 200) return settle({ unreachable: `the editor refused the request (HTTP ${res.statusCode})` });
          const answer = Buffer.concat(chunks);
          // Only the editor holding the pinned key can sign this nonce and this request: anything else is no answer.
          if (!verifyAnswer(window.publicKey, nonce, route, payload, answer, res.headers[SIGNATURE_HEADER])) {
            return settle({ unreachable: "the answer was not signed by the editor's key (an impostor, or an editor from before this version)" });
          }
          try {
            settle(JSON.parse(answer.toString('utf8')) as T);
          } catch {
            settle({ unreachable: 'the editor sent an unreadable answer' });
          }
        });
        res.on('error', () => settle({ unreachable: 'the connection to the editor broke' }));
      },
    );
    const timer = setTimeout(
      () => {
        req.destroy();
        settle({ unreachable: `no answer from the editor within ${Math.round(timeoutMs / 1000)} s` });
      },
      Math.max(1, timeoutMs),
    );
    req.on('error', () => settle({ unreachable: 'the editor window is not listening (closed or restarted)' }));
    req.end(payload);
  });
}

/** Finds the window owning these paths (cwd first, then workspace roots). */
export function locateEditor(paths: string[], env: NodeJS.ProcessEnv = process.env): WindowRegistration | Unreachable {
  const window = findWindowFor(paths, env);
  return window ?? { unreachable: 'no editor window with Airlock has this folder open' };
}

/** Asks the person in the editor. Resolves with their answer, or why no one could be asked. */
export async function askEditor(question: ConfirmRequest, paths: string[], env: NodeJS.ProcessEnv = process.env): Promise<EditorAnswer<ConfirmResponse>> {
  const window = locateEditor(paths, env);
  if ('unreachable' in window) return window;
  // The editor times the modal out itself a little before our own limit, so it can say so.
  const answer = await callWindow<ConfirmResponse>(window, ROUTES.confirm, question, question.timeoutMs + 1500);
  if (isUnreachable(answer)) return answer;
  if (answer.decision !== 'allow' && answer.decision !== 'deny') return { unreachable: 'the editor sent an unknown decision' };
  return answer;
}

/** Tells the editor what a gate settled on its own, for the log. Best effort, short timeout. */
export async function reportToEditor(report: ReportRequest, paths: string[], env: NodeJS.ProcessEnv = process.env, timeoutMs = 500): Promise<boolean> {
  const window = locateEditor(paths, env);
  if ('unreachable' in window) return false;
  const answer = await callWindow<{ ok: boolean }>(window, ROUTES.report, report, timeoutMs);
  return !isUnreachable(answer) && answer.ok === true;
}

/**
 * Tells the editor an agent changed one of Airlock's own files where no hook could stop it. The
 * editor answers at once (it warns the person without waiting for them): false when no editor took it.
 */
export async function alertEditor(alert: AlertRequest, paths: string[], env: NodeJS.ProcessEnv = process.env, timeoutMs = 1500): Promise<boolean> {
  const window = locateEditor(paths, env);
  if ('unreachable' in window) return false;
  const answer = await callWindow<{ ok: boolean }>(window, ROUTES.alert, alert, timeoutMs);
  return !isUnreachable(answer) && answer.ok === true;
}
