import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { parseEnvZero } from '../env-zero';
import { quoteWord } from '../shell/quote';

/**
 * The warm gate's protocol for the shell launcher, which starts `airlock run` without Node
 * (src/launcher/airlock.sh, `airlock_run_fast`). The launcher sends, through socat, then closes
 * its side:
 *
 *     airlock-run-1 NUL <its pid> NUL <its environment as `env -0` prints it>
 *
 * and gets back one shell line to `exec` (the sandboxed command, with the environment the
 * command must have), or nothing: then it runs the CLI, which sandboxes the command itself. The
 * command itself never reaches the gate: it travels in the environment (see RUN_FROM_ENV). The
 * launcher `exec`s the line, so its pid is the command's for as long as it runs: the gate
 * watches that pid to know when to clean up after it.
 */
export const SH_RUN_MAGIC = 'airlock-run-1';

/** The launcher's name for its CLI: the first 20 hex digits of its path's SHA-256, written into the installed launcher. */
export function cliKey(cli: string): string {
  return createHash('sha256').update(cli).digest('hex').slice(0, 20);
}
const MAX_REQUEST = 1024 * 1024;

export interface ShRunRequest {
  pid: number;
  env: NodeJS.ProcessEnv;
}

/** Parses a whole request (the launcher has closed its side); undefined for anything else. */
export function parseShRunRequest(text: string): ShRunRequest | undefined {
  const [magic, pidText] = text.split('\0', 2);
  if (magic !== SH_RUN_MAGIC || !pidText || !/^[1-9]\d{0,9}$/.test(pidText)) return undefined;
  return { pid: Number(pidText), env: parseEnvZero(text.slice(magic.length + pidText.length + 2)) };
}

/**
 * The first message on a gate connection: a JSON line from the CLI (`{"line": ...}`, the
 * connection then stays open while the command runs), or a launcher request (read to its end).
 * Undefined on anything else, on more than a megabyte, or after `timeoutMs`.
 */
export function readGateRequest(socket: Socket, timeoutMs: number): Promise<{ json: unknown } | { sh: ShRunRequest } | undefined> {
  return new Promise((resolvePromise) => {
    let buffer = '';
    const finish = (value: { json: unknown } | { sh: ShRunRequest } | undefined) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onClose);
      socket.off('error', onClose);
      resolvePromise(value);
    };
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      if (buffer.length > MAX_REQUEST) return finish(undefined);
      if (buffer.startsWith('{')) {
        const end = buffer.indexOf('\n');
        if (end < 0) return;
        try {
          finish({ json: JSON.parse(buffer.slice(0, end)) });
        } catch {
          finish(undefined);
        }
      } else if (!SH_RUN_MAGIC.startsWith(buffer.slice(0, SH_RUN_MAGIC.length))) finish(undefined);
    };
    const onEnd = () => {
      const request = parseShRunRequest(buffer);
      finish(request ? { sh: request } : undefined);
    };
    const onClose = () => finish(undefined);
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('close', onClose);
    socket.once('error', onClose);
  });
}

/**
 * The line the launcher evaluates in its own shell: the caller's environment becomes the one the
 * CLI's cold and warm paths give a sandboxed command (`wanted`), with `unset` and `export` (no
 * process started for it), then `exec` runs the sandboxed line. The runtime's line is one simple
 * command, so the prefix composes. A name the shell could not take (env carries any) falls back
 * to `env`, which takes every name.
 */
export function shRunReply(wrapped: string, callerEnv: NodeJS.ProcessEnv, wanted: NodeJS.ProcessEnv): string {
  const unset = Object.keys(callerEnv)
    .filter((k) => wanted[k] === undefined)
    .sort();
  const set = Object.keys(wanted)
    .filter((k) => wanted[k] !== undefined && wanted[k] !== callerEnv[k])
    .sort();
  if (![...unset, ...set].every((k) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k))) {
    const words = ['exec', 'env', ...unset.flatMap((k) => ['-u', quoteWord(k)]), ...set.map((k) => quoteWord(`${k}=${wanted[k]}`))];
    return `${words.join(' ')} ${wrapped}`;
  }
  const steps = [
    ...(unset.length ? [`unset -v ${unset.join(' ')}`] : []),
    ...(set.length ? [`export ${set.map((k) => quoteWord(`${k}=${wanted[k]}`)).join(' ')}`] : []),
  ];
  return [...steps, `exec ${wrapped}`].join('; ');
}

/**
 * When the process started, in clock ticks since boot (field 22 of /proc/PID/stat); undefined
 * once it has ended, a zombie included (its parent has not collected it yet).
 */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' || fields[0] === 'X' ? undefined : fields[19];
  } catch {
    return undefined;
  }
}

/**
 * Calls `gone` once the process has ended (or, should its pid be reused, once it is another
 * process). Polls: a pid cannot be waited on by a process that is not its parent.
 */
export function watchProcess(pid: number, gone: () => void, everyMs = 100): () => void {
  const started = startTime(pid);
  const check = () => {
    if (started === undefined || startTime(pid) !== started) {
      clearInterval(timer);
      gone();
    }
  };
  const timer = setInterval(check, everyMs);
  check();
  return () => clearInterval(timer);
}
