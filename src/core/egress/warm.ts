import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { ensurePrivateDir, runtimeDir } from '../ipc/paths';
import { SANDBOX_MARKER, sandboxedCommandEnv } from './command-env';
import { folderSnapshot } from './folder-snapshot';
import { EGRESS_CONFIG_FILE } from './hook-wrap';
import { buildConfig, type RunOptions, startGate } from './runner';
import { cliKey, readGateRequest, type ShRunRequest, shRunReply, watchProcess } from './sh-run';

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
/**
 * Every command the warm gate hands out is wrapped as this one line, and the command itself
 * travels in `RUN_LINE_VARIABLE` (bubblewrap passes the environment through). So the gate can
 * wrap ahead of time, while the previous command runs, and answer the next caller at once:
 * wrapping costs ~16 ms (the runtime searches the folder for files to protect), which was most
 * of the start-up a caller could not avoid. Inside, the runtime's bash takes the line out of the
 * environment and evaluates it: the same bash that `bash -c LINE` (the cold path) would be,
 * without starting a second one.
 */
export const RUN_LINE_VARIABLE = 'AIRLOCK_RUN_LINE';
export const RUN_FROM_ENV = `airlock_run_line=$${RUN_LINE_VARIABLE}; unset ${RUN_LINE_VARIABLE}; eval "unset airlock_run_line; $airlock_run_line"`;
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

/**
 * The same gate's second socket, for the shell launcher (src/launcher/airlock.sh), which cannot
 * hash the settings: keyed by folder, agent and the CLI the gate runs (the launcher's own
 * AIRLOCK_CLI), so gates started through another copy of Airlock never take it. The gate checks
 * the caller's settings itself (`sh-run.ts` requests carry the caller's environment) and answers
 * nothing to a caller whose settings differ, who then goes through the CLI.
 */
export function shRunSocketPath(options: Pick<RunOptions, 'cwd' | 'env' | 'requester'> & { cli: string }): string {
  const key = createHash('sha256')
    .update(`${resolve(options.cwd)}\0${options.requester}\0${options.cli}`)
    .digest('hex')
    .slice(0, 20);
  return join(runtimeDir(options.env), `egress-run-${key}.sock`);
}

/**
 * Where the launcher finds that socket without starting a process to hash anything: a file
 * named by the CLI's key, the agent and the folder's own path, holding the socket's path. The
 * launcher reads it with the shell's `read` (~2 ms less than `sha256sum` per command).
 */
export function shRunIndexPath(options: Pick<RunOptions, 'cwd' | 'env' | 'requester'> & { cli: string }): string {
  return join(runtimeDir(options.env), 'egress-run-index', cliKey(options.cli), options.requester, resolve(options.cwd), 'gate');
}

/** Settings that must match for one gate to judge for another caller. */
export function sameShapingEnv(a: NodeJS.ProcessEnv, b: NodeJS.ProcessEnv): boolean {
  return JSON.stringify(shapingEnv(a)) === JSON.stringify(shapingEnv(b));
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
 * The sandboxed line from the warm gate, starting one when there is none. It runs whatever
 * `RUN_LINE_VARIABLE` holds in its environment: the caller puts `options.line` there.
 * Undefined when none answers in time, or it answers anything but a wrapped line: the caller
 * then sandboxes the command itself. `done()` tells the gate the command has ended.
 */
export async function warmWrap(options: RunOptions): Promise<{ wrapped: string; done: () => Promise<void> } | undefined> {
  const path = warmSocketPath(options);
  let answer = await ask(path, RUN_FROM_ENV);
  if (!answer || 'restart' in answer.reply) {
    answer?.socket.destroy();
    const started = startWarmGate(options);
    const until = Date.now() + (Number(options.env.AIRLOCK_EGRESS_WARM_START_MS) || WARM_START_MS);
    answer = undefined;
    // Until it answers, or has left without answering (then one last try: another gate may hold the socket).
    for (let last = false; !answer && !last && Date.now() < until; ) {
      last = started.exited;
      await new Promise((r) => setTimeout(r, 40));
      answer = await ask(path, RUN_FROM_ENV);
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

function pidFileOf(socketPath: string): string {
  return socketPath.replace(/\.sock$/, '.pid');
}

/** Listens on a 0600 socket; false when a live gate answers there already. A dead one's socket is replaced. */
function bindSocket(server: Server, path: string): Promise<boolean> {
  return new Promise<boolean>((resolvePromise) => {
    const listen = (retry: boolean) => {
      const mask = process.umask(0o177);
      server.once('error', async (error: NodeJS.ErrnoException) => {
        process.umask(mask);
        if (error.code !== 'EADDRINUSE' || !retry) return resolvePromise(false);
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
}

/** `airlock run --warm-gate`: the gate process itself. Resolves when it leaves. */
export async function serveWarmGate(options: Omit<RunOptions, 'line'>): Promise<number> {
  // The runtime resolves the folder's protected files (.git/hooks, .bashrc, .vscode...) against
  // this process's working directory at each wrap: the gate lives in the folder it serves.
  if (resolve(process.cwd()) !== resolve(options.cwd)) process.chdir(options.cwd);
  const path = warmSocketPath(options);
  const pidFile = pidFileOf(path);
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
  // Half-open: the launcher closes its side once it has sent its request, then reads the answer.
  const server = createServer({ allowHalfOpen: true });
  const shServer = createServer({ allowHalfOpen: true });
  // The CLI as its caller named it (not resolved through links), as the launcher names it.
  const cli = options.relaunch?.args.at(-1);
  const shPath = cli ? shRunSocketPath({ ...options, cli }) : undefined;
  const shIndex = cli ? shRunIndexPath({ ...options, cli }) : undefined;
  let shBound = false;
  const stopListening = () => {
    if (!listening) return;
    listening = false;
    server.close();
    const owned = [path, pidFile, ...(shBound && shPath && shIndex ? [shPath, pidFileOf(shPath), shIndex] : [])];
    if (shBound) shServer.close();
    for (const file of owned) {
      try {
        unlinkSync(file);
      } catch {
        /* already gone */
      }
    }
    if (active === 0) leave();
  };
  const armIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(stopListening, Number(options.env.AIRLOCK_EGRESS_WARM_IDLE_MS) || WARM_IDLE_MS);
    idle.unref();
  };
  // A line wrapped ahead of time (RUN_FROM_ENV), with the folder as it was when wrapped.
  let ready: { wrapped: string; snapshot: string } | undefined;
  // The line being wrapped ahead, if any: it counts in the runtime's count from its start.
  let preparation: Promise<void> | undefined;
  const depth = buildConfig(options, async () => ({ action: 'deny' })).mandatoryDenySearchDepth ?? 3;
  const snapshot = () => {
    const folder = folderSnapshot(options.cwd, depth);
    if (folder === undefined) return undefined;
    // A protected path that appears or goes changes the wrap too (a placeholder or a bind).
    const paths = buildConfig(options, async () => ({ action: 'deny' }))
      .filesystem.denyWrite.map((p) => (existsSync(typeof p === 'string' ? p : p.path) ? 1 : 0))
      .join('');
    return `${folder}\n${paths}`;
  };
  // Each wrap the runtime makes counts as one command until `cleanupAfterCommand`; it removes
  // the mount points commands left behind only when that count is back to zero.
  const release = () => {
    try {
      gate.cleanupAfterCommand();
    } catch {
      /* nothing to clean */
    }
  };
  const prepare = () => {
    if (preparation || ready || !listening) return;
    preparation = (async () => {
      try {
        const before = snapshot();
        if (before === undefined) return;
        const wrapped = await gate.wrapWithSandbox(RUN_FROM_ENV);
        if (ready || !listening) release();
        else ready = { wrapped, snapshot: before };
      } catch {
        /* the next caller wraps afresh */
      } finally {
        preparation = undefined;
      }
    })();
  };
  const discardReady = () => {
    if (!ready) return;
    ready = undefined;
    release();
  };
  const wrapFor = async (line: string): Promise<string> => {
    if (line === RUN_FROM_ENV && ready) {
      const taken = ready;
      ready = undefined;
      if (snapshot() === taken.snapshot) {
        prepare();
        return taken.wrapped;
      }
      release();
    }
    const wrapped = await gate.wrapWithSandbox(line);
    if (line === RUN_FROM_ENV) prepare();
    return wrapped;
  };
  /** Counts a handed-out line as running; the returned function ends it once. */
  /** Counts a handed-out line as running; the returned function ends it once. */
  const begin = (): (() => Promise<void>) => {
    active++;
    let ended = false;
    return async () => {
      if (ended) return;
      ended = true;
      active--;
      release();
      // Nothing runs: the line waiting for the next caller goes too (once it is wrapped), so the
      // runtime's count reaches zero and the mount points of missing protected paths are removed
      // now, before the caller hears that its command is over. A fresh one is wrapped for the next.
      if (active === 0) {
        await preparation;
        if (active === 0) {
          discardReady();
          if (!listening) leave();
        }
        prepare();
      }
      armIdle();
    };
  };
  const settingsChanged = (): boolean => {
    let now: string;
    try {
      now = fingerprint(options);
    } catch {
      now = '';
    }
    if (now === started && listening) return false;
    // Settings changed (a new protected path, a new CLI...): a fresh gate takes over.
    stopListening();
    discardReady();
    return true;
  };
  const onConnection = async (socket: Socket) => {
    socket.on('error', () => {});
    armIdle();
    const request = await readGateRequest(socket, 10_000);
    const send = (reply: Reply) => {
      if (!socket.destroyed) socket.write(`${JSON.stringify(reply)}\n`);
    };
    if (request && 'sh' in request) {
      // The launcher: a line to exec, or nothing (it then runs the CLI, which sandboxes the command).
      const answer = await shAnswer(request.sh);
      if (!socket.destroyed) socket.end(answer);
      return;
    }
    const message = request?.json as { line?: unknown } | undefined;
    if (!message || typeof message !== 'object' || typeof message.line !== 'string' || message.line === '' || Object.keys(message).length !== 1) {
      send({ error: 'the warm gate answers only {"line": "<shell line>"} with the sandboxed line for it' });
      socket.end();
      return;
    }
    if (settingsChanged()) {
      send({ restart: true });
      socket.end();
      return;
    }
    let wrapped: string;
    try {
      wrapped = await wrapFor(message.line);
    } catch (error) {
      send({ error: options.redact(error instanceof Error ? error.message.split('\n')[0]! : 'could not wrap the command') });
      socket.end();
      return;
    }
    const end = begin();
    const close = () => {
      void end().then(() => socket.end());
    };
    socket.once('end', close);
    socket.once('close', close);
    send({ wrapped });
  };
  server.on('connection', onConnection);
  shServer.on('connection', onConnection);
  const shAnswer = async (request: ShRunRequest): Promise<string> => {
    if (!sameShapingEnv(request.env, options.env) || request.env[SANDBOX_MARKER] !== undefined || settingsChanged()) return '';
    let wrapped: string;
    try {
      wrapped = await wrapFor(RUN_FROM_ENV);
    } catch {
      return '';
    }
    const end = begin();
    watchProcess(request.pid, () => void end());
    return shRunReply(wrapped, request.env, sandboxedCommandEnv(request.env));
  };
  const bound = await bindSocket(server, path);
  if (!bound) {
    await gate.reset().catch(() => {});
    return 0;
  }
  // The launcher's socket: another gate of this folder and agent, under other settings, may
  // hold it; the launcher's callers with these settings then come through the CLI.
  shBound = shPath !== undefined && (await bindSocket(shServer, shPath));
  // Who answers on each socket: the launcher checks it is this CLI (`kill` and the tests use it too).
  for (const file of [pidFile, ...(shBound && shPath ? [pidFileOf(shPath)] : [])]) {
    try {
      writeFileSync(file, `${process.pid}\n`, { mode: 0o600 });
    } catch {
      /* the launcher then uses the CLI */
    }
  }
  if (shBound && shPath && shIndex) {
    try {
      mkdirSync(dirname(shIndex), { recursive: true, mode: 0o700 });
      writeFileSync(shIndex, `${shPath}\n`, { mode: 0o600 });
    } catch {
      /* the launcher then uses the CLI */
    }
  }
  prepare();
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
