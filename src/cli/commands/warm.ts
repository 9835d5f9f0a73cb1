import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, lstatSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { Socket } from 'node:net';
import { isAbsolute, join } from 'node:path';
import { parseEnvZero } from '../../core/env-zero';
import { foldReadSpool } from '../../core/hooks/read-index';
import { runAgentHook } from '../hook/agent-hook';
import { assessWithPolicy } from '../hook/assess-with-policy';
import { type CliCommand, type CliIO, UsageError } from '../io';

/**
 * `airlock warm DIR`: a per-user process the launcher starts beside itself and talks to through
 * FIFOs, so hook calls that need the engine (an everyday `git push`, `terraform plan`) skip
 * Node's start-up. It answers only what the rules settle. A call that needs a person is handed
 * back ("slow") and the launcher runs a fresh CLI, which asks the editor: the warm process can
 * never approve anything, so talking to it cannot pose as the editor. Requests come through a
 * FIFO in a folder only this user can open (0700); each names the caller's own private folder
 * (0700, owned by this user) holding the payload, the caller's environment and the answer FIFO.
 * A request whose environment differs from the process's own is handed back, since the
 * environment decides policy and targets. Idle for IDLE_MS, it exits.
 */
export const WARM_USAGE = `Usage: airlock warm DIR

Started by the launcher: serves its hook calls from FIFOs in DIR until idle. Not for people.`;

const IDLE_MS = 10 * 60_000;
const SPOOL_FOLD_MS = 1000;
/**
 * Lines across the busiest packs, assessed once at start with no side effects: the first calls
 * after start-up otherwise pay the parser's set-up and V8's first compiles of each pack (a
 * `git push` took 60-240 ms on its first two calls, then 17 ms), which showed as the hooks' p99.
 */
const WARM_UP_LINES = [
  'git push origin feature/x',
  'git status && npm run build',
  'terraform plan -out plan.tfplan',
  'kubectl get pods -n default',
  'docker compose up -d',
  "psql -c 'select 1'",
  'curl -s https://example.com | jq .',
  'rm -rf ./build && railway volume list',
];
const MAX_PAYLOAD = 1024 * 1024;
/** Differ per process, not per user: ignored when comparing environments. */
const VOLATILE = new Set(['_', 'SHLVL', 'PWD', 'OLDPWD']);

export function environmentKey(env: NodeJS.ProcessEnv): string {
  return Object.keys(env)
    .filter((k) => !VOLATILE.has(k) && env[k] !== undefined)
    .sort()
    .map((k) => `${k}=${env[k]}`)
    .join('\n');
}

/** A folder this user owns and only this user can enter, not a symlink. */
function privateDir(path: string): boolean {
  if (!isAbsolute(path)) return false;
  try {
    const info = lstatSync(path);
    return info.isDirectory() && info.uid === process.getuid?.() && (info.mode & 0o077) === 0;
  } catch {
    return false;
  }
}

function answer(dir: string, line: string): void {
  const fifo = join(dir, 'answer');
  try {
    if (!lstatSync(fifo).isFIFO()) return;
    // Non-blocking: a caller that gave up (no reader) must not stall the process.
    const fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    try {
      writeSync(fd, `${line.replace(/\n/g, ' ')}\n`);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* the caller is gone */
  }
}

async function serve(line: string, baseEnv: string, io: CliIO): Promise<void> {
  const [dir = '', ...args] = line.split(' ');
  if (!privateDir(dir)) return;
  let payload: string;
  let env: NodeJS.ProcessEnv;
  try {
    payload = readFileSync(join(dir, 'payload'), 'utf8');
    env = parseEnvZero(readFileSync(join(dir, 'env'), 'utf8'));
  } catch {
    answer(dir, 'slow');
    return;
  }
  if (payload.length > MAX_PAYLOAD || environmentKey(env) !== baseEnv || args[0] !== 'hook') {
    answer(dir, 'slow');
    return;
  }
  let out = '';
  let escalate = false;
  const callIO: CliIO = {
    stdout: (t) => {
      out += t;
    },
    stderr: () => undefined,
    readStdin: async () => payload,
    env: io.env,
    cwd: env.PWD && isAbsolute(env.PWD) ? env.PWD : io.cwd,
  };
  let code: number;
  try {
    code = await runAgentHook(args.slice(1), callIO, {
      ask: async () => {
        escalate = true;
        return { unreachable: 'handed to a fresh CLI' };
      },
      mayRecord: () => !escalate,
    });
  } catch {
    answer(dir, 'slow');
    return;
  }
  // Only a rules answer on one line goes back; anything else, the fresh CLI answers.
  if (escalate || out.split('\n').filter(Boolean).length > 1) {
    answer(dir, 'slow');
    return;
  }
  answer(dir, `${code} ${out.trim()}`);
}

export async function runWarm(args: string[], io: CliIO): Promise<number> {
  const dir = args[0];
  if (!dir || !isAbsolute(dir) || args.length !== 1) throw new UsageError('give the absolute path of the folder to serve from');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!privateDir(dir)) throw new UsageError('the folder must be private to this user (0700)');
  const fifo = join(dir, 'requests');
  const pidFile = join(dir, 'pid');
  rmSync(fifo, { force: true });
  execFileSync('mkfifo', ['-m', '600', fifo]);
  // Read-write: the FIFO never reports end-of-file when a caller closes it, and open never blocks.
  const fd = openSync(fifo, constants.O_RDWR);
  writeFileSync(pidFile, `${process.pid}\n`, { mode: 0o600 });
  const baseEnv = environmentKey(io.env);
  const unlink = () => {
    try {
      if (readFileSync(pidFile, 'utf8').trim() === String(process.pid)) {
        rmSync(fifo, { force: true });
        rmSync(pidFile, { force: true });
      }
    } catch {
      /* replaced by another */
    }
  };
  let timer: NodeJS.Timeout | undefined;
  // Requests that arrive meanwhile wait behind the warm-up rather than paying it themselves.
  let queue = warmUp(dir, io.env);
  // The reads the launcher answered itself are folded into the log between calls, in order with
  // them (the same queue), rather than all at once by the next call an agent waits for: after a
  // few hundred reads that call took 150 ms. Each call still folds what is left first.
  const spool = io.env.AIRLOCK_READ_SPOOL;
  const folding = setInterval(() => {
    if (!spool || !existsSync(spool)) return;
    queue = queue
      .then(() =>
        foldReadSpool(spool, async (cwd, event) => {
          await (await import('../../core/log/index.js')).appendToWorkspaceLog(cwd, event, io.env);
        }),
      )
      .then(
        () => undefined,
        () => undefined,
      );
  }, SPOOL_FOLD_MS);
  folding.unref();
  // A socket over the FIFO (libuv's pipe handle) reads without tying up a thread, so the process
  // can leave while nothing is being written.
  const stream = new Socket({ fd, readable: true, writable: false });
  const done = new Promise<void>((resolve) => {
    // Idle: the FIFO goes first, so a launcher sees no process rather than one that stops reading.
    const idle = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        unlink();
        stream.destroy();
        resolve();
      }, IDLE_MS);
    };
    idle();
    // Another process took the folder over (a second launcher started one at the same moment,
    // or the folder was cleared): this one is no longer reachable, so it leaves.
    const owner = setInterval(() => {
      let current = '';
      try {
        current = readFileSync(pidFile, 'utf8').trim();
      } catch {
        /* removed */
      }
      if (current !== String(process.pid)) {
        clearInterval(owner);
        clearTimeout(timer);
        stream.destroy();
        resolve();
      }
    }, 1000);
    owner.unref();
    let pending = '';
    stream.on('data', (chunk: string | Buffer) => {
      pending += chunk.toString();
      for (let at = pending.indexOf('\n'); at >= 0; at = pending.indexOf('\n')) {
        const line = pending.slice(0, at);
        pending = pending.slice(at + 1);
        idle();
        // One at a time, in order: each call is milliseconds once warm.
        queue = queue.then(() => serve(line, baseEnv, io)).catch(() => undefined);
      }
    });
    stream.on('error', () => resolve());
    stream.on('close', () => resolve());
  });
  await done;
  clearInterval(folding);
  unlink();
  return 0;
}

async function warmUp(cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  for (const line of WARM_UP_LINES) {
    try {
      await assessWithPolicy(line, cwd, env);
    } catch {
      /* a warm-up only */
    }
  }
}

export const warmCommand: CliCommand = {
  name: 'warm',
  summary: "serve the launcher's hook calls from a warm process (started by the launcher)",
  usage: WARM_USAGE,
  run: runWarm,
};
