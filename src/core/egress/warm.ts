import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { ensurePrivateDir, runtimeDir } from '../ipc/paths';
import { EGRESS_CONFIG_FILE } from './hook-wrap';
import { buildConfig, type RunOptions, SANDBOX_MARKER, startGate } from './runner';

/**
 * The warm egress gate: one long-lived process per user, folder and agent that holds the
 * sandbox runtime initialised (proxy, TLS termination, the request filter that asks the editor)
 * so `airlock run` does not pay that start-up for every command. It answers one thing: the
 * sandboxed (bwrap) line for a shell line, which the caller then runs itself. It approves
 * nothing: every request the command makes is still judged by the same filter, and a held one
 * still goes to the editor over the signed IPC, whose answer only the editor can give.
 *
 * Why per folder and agent: the runtime's `filterRequest` is told nothing about which command
 * a request came from, and the gate's judgement depends on the folder (its env files, its log)
 * and on who is asking. One gate per (folder, agent, settings) keeps that exact.
 *
 * The socket is 0600 in Airlock's private runtime folder (0700), which sandboxed commands can
 * neither write nor reach (no new Unix socket inside the sandbox). The gate unlinks its socket
 * and leaves when its settings change (the protected paths, trusted CA files, allowed addresses,
 * the CLI itself or egress.json), or after `WARM_IDLE_MS` without a command; it stays up, not
 * listening, while commands it wrapped still run. Whatever goes wrong, the caller falls back to
 * the cold path, which sandboxes the command itself.
 */
export const WARM_IDLE_MS = 15 * 60_000;
/** How long a caller waits for a gate it just started before it sandboxes the command itself. */
export const WARM_START_MS = 8_000;
const MAX_LINE = 1024 * 1024;

/**
 * Environment that shapes the gate (config, paths, trust, where the editor is), and what node
 * loads into it: a gate someone started with a preload of their own (NODE_OPTIONS; node flags
 * are in `relaunch`) has another name, so `airlock run` never asks it.
 */
function shapingEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const names = Object.keys(env)
    .filter(
      (n) =>
        n !== SANDBOX_MARKER &&
        (/^(AIRLOCK_|XDG_)/.test(n) ||
          [
            'HOME',
            'PATH',
            'TMPDIR',
            'NODE_EXTRA_CA_CERTS',
            'SSL_CERT_FILE',
            'REQUESTS_CA_BUNDLE',
            'CURL_CA_BUNDLE',
            'ELECTRON_RUN_AS_NODE',
            'NODE_OPTIONS',
          ].includes(n)),
    )
    .sort();
  return Object.fromEntries(names.map((n) => [n, env[n] ?? '']));
}

export function warmSocketPath(options: Pick<RunOptions, 'cwd' | 'env' | 'requester' | 'relaunch'>): string {
  const key = createHash('sha256')
    .update(JSON.stringify([resolve(options.cwd), options.requester, options.relaunch ?? null, shapingEnv(options.env)]))
    .digest('hex')
    .slice(0, 20);
  return join(runtimeDir(options.env), `egress-${key}.sock`);
}

/** What the gate was started with; a request under other settings makes it leave. */
function fingerprint(options: Omit<RunOptions, 'line'>): string {
  const config = buildConfig(options, async () => ({ action: 'deny' }));
  const file = (path: string | undefined) => {
    try {
      const s = statSync(path!);
      return `${s.size}:${s.mtimeMs}`;
    } catch {
      return 'none';
    }
  };
  const egressJson = options.cliPath
    ? (() => {
        try {
          return readFileSync(join(dirname(options.cliPath!), EGRESS_CONFIG_FILE), 'utf8');
        } catch {
          return 'none';
        }
      })()
    : 'none';
  return JSON.stringify([
    config.network.allowedDomains,
    config.network.tlsTerminate?.extraCaCertPaths,
    config.filesystem,
    file(options.relaunch?.args.at(-1)),
    file(options.cliPath),
    egressJson,
  ]);
}

type Reply = { wrapped: string } | { error: string } | { restart: true };

/** Reads one newline-ended JSON message; undefined on anything else. */
function readMessage(socket: Socket, timeoutMs: number): Promise<unknown> {
  return new Promise((resolvePromise) => {
    let buffer = '';
    const finish = (value: unknown) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.off('error', onClose);
      resolvePromise(value);
    };
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const end = buffer.indexOf('\n');
      if (end >= 0) {
        try {
          finish(JSON.parse(buffer.slice(0, end)));
        } catch {
          finish(undefined);
        }
      } else if (buffer.length > MAX_LINE) finish(undefined);
    };
    const onClose = () => finish(undefined);
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.once('error', onClose);
  });
}

function connectTo(path: string): Promise<Socket | undefined> {
  return new Promise((resolvePromise) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.off('error', fail);
      resolvePromise(socket);
    });
    const fail = () => {
      socket.destroy();
      resolvePromise(undefined);
    };
    socket.once('error', fail);
  });
}

async function ask(path: string, line: string): Promise<{ reply: Reply; socket: Socket } | undefined> {
  const socket = await connectTo(path);
  if (!socket) return undefined;
  socket.write(`${JSON.stringify({ line })}\n`);
  const reply = (await readMessage(socket, 30_000)) as Reply | undefined;
  if (!reply || typeof reply !== 'object') {
    socket.destroy();
    return undefined;
  }
  return { reply, socket };
}

/**
 * Starts a gate for these settings in the background; it outlives this command. The returned
 * flag turns true when that process has already left (it could not start, or another gate
 * holds the socket): the caller then stops waiting for it.
 */
function startWarmGate(options: RunOptions): { exited: boolean } {
  const state = { exited: true };
  if (!options.relaunch) return state;
  try {
    const { [SANDBOX_MARKER]: _marker, ...env } = options.env;
    const child = spawn(options.relaunch.execPath, [...options.relaunch.args, 'run', '--warm-gate', '--requester', options.requester], {
      cwd: options.cwd,
      env,
      detached: true,
      stdio: 'ignore',
    });
    state.exited = false;
    child.on('error', () => {
      state.exited = true;
    });
    child.on('exit', () => {
      state.exited = true;
    });
    child.unref();
  } catch {
    /* the cold path runs the command */
  }
  return state;
}

/**
 * The sandboxed line for `options.line` from the warm gate, starting one when there is none.
 * Undefined when none answers in time, or it answers anything but a wrapped line: the caller
 * then sandboxes the command itself. `done()` tells the gate the command has ended.
 */
export async function warmWrap(options: RunOptions): Promise<{ wrapped: string; done: () => Promise<void> } | undefined> {
  const path = warmSocketPath(options);
  let answer = await ask(path, options.line);
  if (!answer || 'restart' in answer.reply) {
    answer?.socket.destroy();
    const started = startWarmGate(options);
    const until = Date.now() + (Number(options.env.AIRLOCK_EGRESS_WARM_START_MS) || WARM_START_MS);
    answer = undefined;
    // Until it answers, or has left without answering (then one last try: another gate may hold the socket).
    for (let last = false; !answer && !last && Date.now() < until; ) {
      last = started.exited;
      await new Promise((r) => setTimeout(r, 40));
      answer = await ask(path, options.line);
      if (answer && 'restart' in answer.reply) {
        answer.socket.destroy();
        answer = undefined;
      }
    }
  }
  if (!answer) return undefined;
  const { reply, socket } = answer;
  if (!('wrapped' in reply) || typeof reply.wrapped !== 'string' || reply.wrapped === '') {
    socket.destroy();
    return undefined;
  }
  // The gate sees the connection end when the command does, and cleans up after it.
  socket.on('error', () => {});
  return {
    wrapped: reply.wrapped,
    // Waits (briefly) for the gate to have cleaned up after the command.
    done: () =>
      new Promise<void>((resolvePromise) => {
        const timer = setTimeout(resolvePromise, 2000);
        timer.unref();
        socket.once('close', () => {
          clearTimeout(timer);
          resolvePromise();
        });
        socket.end();
      }),
  };
}

/** `airlock run --warm-gate`: the gate process itself. Resolves when it leaves. */
export async function serveWarmGate(options: Omit<RunOptions, 'line'>): Promise<number> {
  // The runtime resolves the folder's protected files (.git/hooks, .bashrc, .vscode...) against
  // this process's working directory at each wrap: the gate lives in the folder it serves.
  if (resolve(process.cwd()) !== resolve(options.cwd)) process.chdir(options.cwd);
  const path = warmSocketPath(options);
  const pidFile = path.replace(/\.sock$/, '.pid');
  ensurePrivateDir(dirname(path));
  const gate = await startGate(options);
  if (typeof gate === 'number') return gate;
  const started = fingerprint(options);
  let active = 0;
  let listening = true;
  let idle: NodeJS.Timeout | undefined;
  let leave: () => void = () => {};
  const left = new Promise<void>((r) => {
    leave = r;
  });
  const server = createServer();
  const stopListening = () => {
    if (!listening) return;
    listening = false;
    server.close();
    try {
      unlinkSync(path);
    } catch {
      /* already gone */
    }
    try {
      unlinkSync(pidFile);
    } catch {
      /* already gone */
    }
    if (active === 0) leave();
  };
  const armIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(stopListening, Number(options.env.AIRLOCK_EGRESS_WARM_IDLE_MS) || WARM_IDLE_MS);
    idle.unref();
  };
  server.on('connection', async (socket) => {
    socket.on('error', () => {});
    armIdle();
    const message = (await readMessage(socket, 10_000)) as { line?: unknown } | undefined;
    const send = (reply: Reply) => {
      if (!socket.destroyed) socket.write(`${JSON.stringify(reply)}\n`);
    };
    if (!message || typeof message !== 'object' || typeof message.line !== 'string' || message.line === '' || Object.keys(message).length !== 1) {
      send({ error: 'the warm gate answers only {"line": "<shell line>"} with the sandboxed line for it' });
      socket.end();
      return;
    }
    let now: string;
    try {
      now = fingerprint(options);
    } catch {
      now = '';
    }
    if (now !== started || !listening) {
      // Settings changed (a new protected path, a new CLI...): a fresh gate takes over.
      stopListening();
      send({ restart: true });
      socket.end();
      return;
    }
    let wrapped: string;
    try {
      wrapped = await gate.wrapWithSandbox(message.line);
    } catch (error) {
      send({ error: options.redact(error instanceof Error ? error.message.split('\n')[0]! : 'could not wrap the command') });
      socket.end();
      return;
    }
    active++;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      active--;
      // Mount points of missing protected paths go once no command of this gate still runs,
      // before the caller hears that its command is over (so it leaves none behind).
      if (active === 0) {
        try {
          gate.cleanupAfterCommand();
        } catch {
          /* nothing to clean */
        }
        if (!listening) leave();
      }
      socket.end();
      armIdle();
    };
    socket.once('end', end);
    socket.once('close', end);
    send({ wrapped });
  });
  const bound = await new Promise<boolean>((resolvePromise) => {
    const listen = (retry: boolean) => {
      const mask = process.umask(0o177);
      server.once('error', async (error: NodeJS.ErrnoException) => {
        process.umask(mask);
        if (error.code !== 'EADDRINUSE' || !retry) return resolvePromise(false);
        // Another gate answers there already, or a dead one left its socket behind.
        const live = await connectTo(path);
        if (live) {
          live.destroy();
          return resolvePromise(false);
        }
        try {
          unlinkSync(path);
        } catch {
          /* raced */
        }
        listen(false);
      });
      server.listen(path, () => {
        process.umask(mask);
        try {
          chmodSync(path, 0o600);
        } catch {
          /* umask made it 0600 */
        }
        resolvePromise(true);
      });
    };
    listen(true);
  });
  if (!bound) {
    await gate.reset().catch(() => {});
    return 0;
  }
  // Who answers on this socket, for `kill` (and the tests' clean-up).
  try {
    writeFileSync(pidFile, `${process.pid}\n`, { mode: 0o600 });
  } catch {
    /* only a convenience */
  }
  armIdle();
  const onSignal = () => stopListening();
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  process.on('SIGHUP', onSignal);
  await left;
  clearTimeout(idle);
  await gate.reset().catch(() => {});
  return 0;
}
