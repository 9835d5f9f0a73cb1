import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, runtimeDir } from '../ipc/paths';
import type { ConfirmRequest, ConfirmResponse } from '../ipc/protocol';
import type { EditorAnswer } from '../ipc-client';

/**
 * One decision when the same tool call comes through two hook files (VS Code and Copilot CLI
 * also run `.claude/settings.json`; Cursor may too). The first hook process to see a call
 * claims it in the private runtime folder and asks the editor; a duplicate waits for that
 * answer instead of opening a second modal.
 *
 * What a duplicate may take from the record is limited, because the agent can write files as
 * this user: a deny (or a timeout) is reused as it is, which can only ever block. An allow is
 * reused only when the activity log holds that person's allow, and then the duplicate only
 * abstains (prints no decision, so the agent's own permission flow applies): a forged record
 * can never turn into an allow from Airlock.
 */
export const CALL_RECORD_TTL_MS = 2 * 60_000;
const POLL_MS = 100;

export interface CallRecord {
  state: 'pending' | 'done';
  pid: number;
  time: number;
  decision?: ConfirmResponse['decision'];
  decidedBy?: ConfirmResponse['decidedBy'];
}

/** The key of one tool call: the agent's own call id when it sends one, else the payload's bytes. */
export function callKey(callId: string | undefined, payload: string): string {
  return createHash('sha256')
    .update(callId ? `id\0${callId}` : `payload\0${payload}`)
    .digest('hex')
    .slice(0, 40);
}

export interface CallOnceOptions {
  dir?: string;
  env?: NodeJS.ProcessEnv;
  /** True when the activity log holds a person's allow of this request since `since` (ms). */
  loggedAllow: (request: ConfirmRequest, since: number) => Promise<boolean>;
  /** True when the agent can hear "no opinion" (the agent's own flow then applies): only then is an allow reused. */
  canAbstain: boolean;
  now?: () => number;
  alive?: (pid: number) => boolean;
  sleep?: (ms: number) => Promise<void>;
}

/** An editor answer with decidedBy 'rules' and allow: the duplicate abstains. */
export const ABSTAIN: ConfirmResponse = {
  decision: 'allow',
  decidedBy: 'rules',
  message: 'The same call was already allowed by a person through another hook.',
};

function alivePid(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Wraps the editor question so each call is asked once across hook processes. */
export function askOnce(key: string, ask: (request: ConfirmRequest, paths: string[]) => Promise<EditorAnswer<ConfirmResponse>>, options: CallOnceOptions) {
  const now = options.now ?? Date.now;
  const alive = options.alive ?? alivePid;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return async (request: ConfirmRequest, paths: string[]): Promise<EditorAnswer<ConfirmResponse>> => {
    let dir: string;
    try {
      dir = options.dir ?? join(runtimeDir(options.env), 'hook-calls');
      ensurePrivateDir(dir);
      prune(dir, now());
    } catch {
      return ask(request, paths);
    }
    const file = join(dir, `${key}.json`);
    const deadline = now() + request.timeoutMs;
    for (;;) {
      if (claim(file, { state: 'pending', pid: process.pid, time: now() })) {
        let answer: EditorAnswer<ConfirmResponse> | undefined;
        try {
          answer = await ask(request, paths);
          return answer;
        } finally {
          // Only a person's (or the timeout's) answer is worth sharing; anything else lets a duplicate ask itself.
          if (answer && !('unreachable' in answer))
            writeRecord(file, { state: 'done', pid: process.pid, time: now(), decision: answer.decision, decidedBy: answer.decidedBy });
          else safeUnlink(file);
        }
      }
      const found = readRecord(file);
      if (!found || now() - found.time > CALL_RECORD_TTL_MS || (found.state === 'pending' && !alive(found.pid))) {
        // Unreadable, stale or abandoned: start over and ask ourselves.
        safeUnlink(file);
        continue;
      }
      if (found.state === 'done') {
        if (found.decision === 'deny')
          return {
            decision: 'deny',
            decidedBy: found.decidedBy === 'timeout' ? 'timeout' : 'person',
            message: 'The same call was already blocked through another hook.',
          };
        if (found.decision === 'allow' && options.canAbstain && (await options.loggedAllow(request, found.time - CALL_RECORD_TTL_MS))) return ABSTAIN;
        // An allow the log does not confirm, or one this agent would read as its own allow: ask again.
        return ask(request, paths);
      }
      if (now() >= deadline) return { decision: 'deny', decidedBy: 'timeout', message: 'The same call is still waiting for a person through another hook.' };
      await sleep(POLL_MS);
    }
  };
}

function claim(file: string, record: CallRecord): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch {
    return false;
  }
  try {
    writeSync(fd, JSON.stringify(record));
  } finally {
    closeSync(fd);
  }
  return true;
}

function writeRecord(file: string, record: CallRecord): void {
  try {
    writeFileSync(file, JSON.stringify(record), { mode: 0o600 });
  } catch {
    /* the next duplicate asks itself */
  }
}

function readRecord(file: string): CallRecord | undefined {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as CallRecord;
    return v && (v.state === 'pending' || v.state === 'done') && typeof v.time === 'number' && typeof v.pid === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}

function safeUnlink(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* gone already */
  }
}

/** Records live briefly: older ones are removed whenever a hook passes by. */
function prune(dir: string, at: number): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (at - statSync(path).mtimeMs > CALL_RECORD_TTL_MS) unlinkSync(path);
    } catch {
      /* raced */
    }
  }
}
