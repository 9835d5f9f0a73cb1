import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ActivityEvent } from '../events';
import type { ConfirmRequest, ConfirmResponse } from '../ipc/protocol';
import type { EditorAnswer } from '../ipc-client';
import { shellLine } from '../shell/quote';
import type { Requester } from '../types';
import { insideForeignSandbox, OWN_SANDBOX_APPLIES } from './agent-sandbox';
import { checkSandbox, type SandboxAvailability } from './availability';
import { type CaFiles, ensureEgressCa } from './ca';
import { SANDBOX_MARKER, sandboxedCommandEnv } from './command-env';
import { type EgressWorkspace, loadEgressWorkspace } from './environment';
import { createEgressFilter } from './filter';
import { EGRESS_CONFIG_FILE } from './hook-wrap';
import { currentProxySide, hostVerdict } from './host-policy';
import { protectedWritePaths } from './protected-paths';

type Runtime = typeof import('@anthropic-ai/sandbox-runtime', { with: { 'resolution-mode': 'import' }});
type RuntimeConfig = import('@anthropic-ai/sandbox-runtime', { with: { 'resolution-mode': 'import' }}).SandboxRuntimeConfig;

export { SANDBOX_MARKER } from './command-env';

export interface RunOptions {
  /** The command as a shell line (`-c`), run by bash inside the sandbox. */
  line: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  requester: Requester;
  stderr: (text: string) => void;
  askEditor: (request: ConfirmRequest, paths: string[]) => Promise<EditorAnswer<ConfirmResponse>>;
  record: (event: Omit<ActivityEvent, 'id' | 'time'>) => Promise<void>;
  redact: (text: string) => string;
  timeoutMs: number;
  /** The running CLI's path, to protect the installed launcher storage. */
  cliPath?: string;
  /** For tests: a precomputed availability. */
  availability?: SandboxAvailability;
  /** False: never use (or start) the warm gate; the command pays the sandbox's whole start-up. */
  warm?: boolean;
  /** How to start this CLI again (the warm gate): node's own flags and the entry script. */
  relaunch?: { execPath: string; args: string[] };
}

/** Exit status when Airlock refuses to run the command (the same as the terminal shims). */
export const EXIT_NOT_RUN = 126;

/**
 * Loads the sandbox runtime (an ES module) from a CommonJS bundle: `import()` kept as is, from
 * the resolved file, so the runtime finds its own helper binaries beside itself.
 */
export async function loadRuntime(cliPath?: string): Promise<Runtime> {
  const load = new Function('url', 'return import(url)') as (url: string) => Promise<Runtime>;
  return load(pathToFileURL(runtimeEntry(cliPath)).href);
}

/**
 * Where the runtime is: beside this CLI's own node_modules (development, tests), else where the
 * editor found it (`runtime` in egress.json, written by the extension into launcher storage,
 * beside the installed copy of the CLI, which has no node_modules of its own).
 */
function runtimeEntry(cliPath: string | undefined): string {
  try {
    return require.resolve('@anthropic-ai/sandbox-runtime');
  } catch (error) {
    if (!cliPath) throw error;
    const config = JSON.parse(readFileSync(join(dirname(cliPath), EGRESS_CONFIG_FILE), 'utf8')) as { runtime?: unknown };
    if (typeof config.runtime !== 'string' || !isAbsolute(config.runtime) || !existsSync(config.runtime)) throw error;
    return config.runtime;
  }
}

/** True inside a network namespace with nothing but loopback: no way out except the proxy that made it. */
export function onlyLoopback(): boolean {
  try {
    // This process's own namespace: /sys/class/net shows the one sysfs was mounted in, and bubblewrap binds the host's.
    const names = readFileSync('/proc/net/dev', 'utf8')
      .split('\n')
      .slice(2)
      .map((line) => line.split(':')[0]!.trim())
      .filter(Boolean);
    return names.length > 0 && names.every((n) => n === 'lo');
  } catch {
    return false;
  }
}

/**
 * Site-local roots the user's own TLS setup trusts, so hosts that are not decrypted still verify
 * inside. Whole system bundles are left out: the runtime adds the host's roots already, and every
 * duplicate certificate is parsed again by each client process (a 600-certificate bundle made
 * each Python request ~300 ms slower on a loaded machine).
 */
function trustedCaFiles(env: NodeJS.ProcessEnv): string[] {
  const files = [env.NODE_EXTRA_CA_CERTS, env.SSL_CERT_FILE, env.REQUESTS_CA_BUNDLE, env.CURL_CA_BUNDLE].filter((p): p is string => !!p);
  return [...new Set(files.map((p) => resolve(p)))].filter((p) => {
    try {
      return statSync(p).isFile() && statSync(p).size < 64 * 1024;
    } catch {
      return false;
    }
  });
}

/** `AIRLOCK_EGRESS_ALLOW_ADDRESSES=127.0.0.1:4873,[::1]:8443`: address literals with a port, nothing else. */
export function allowedAddresses(env: NodeJS.ProcessEnv): string[] {
  return (env.AIRLOCK_EGRESS_ALLOW_ADDRESSES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\]):\d{1,5}$/i.test(s));
}

export function buildConfig(
  options: Pick<RunOptions, 'cwd' | 'env' | 'cliPath'>,
  filterRequest: NonNullable<RuntimeConfig['network']['filterRequest']>,
  ca?: CaFiles,
): RuntimeConfig {
  const home = options.env.HOME ?? homedir();
  const writable = [...new Set([resolve(options.cwd), home, tmpdir(), '/tmp'].filter((p) => existsSync(p)))];
  return {
    network: {
      // No host is listed: every connection reaches the ask callback, which sees the proxy side.
      // Only address literals may be (a local mirror, the tests' fake API): a name may then
      // resolve to that address, which the runtime otherwise refuses for loopback and this host.
      allowedDomains: allowedAddresses(options.env),
      deniedDomains: [],
      tlsTerminate: { excludeDomains: [], extraCaCertPaths: trustedCaFiles(options.env), ...(ca ? { caCertPath: ca.cert, caKeyPath: ca.key } : {}) },
      filterRequest,
      requireHostMatch: true,
    },
    filesystem: {
      // The gate's CA key: nothing inside may read it.
      denyRead: ca ? [ca.dir] : [],
      allowWrite: writable,
      denyWrite: protectedWritePaths(options.cwd, options.env, options.cliPath),
    },
    // The deny scan walks every writable folder; HOME is one, so keep it shallow.
    mandatoryDenySearchDepth: 2,
  } as RuntimeConfig;
}

/** `airlock run`: the command inside the sandbox, with the egress gate on its provider API requests. */
export async function runInSandbox(options: RunOptions): Promise<number> {
  if (options.env[SANDBOX_MARKER] === '1' && onlyLoopback()) {
    // Already inside Airlock's sandbox (a wrapped command run by a sandboxed agent): the outer
    // gate sees every request this command makes. A second sandbox could not start here anyway.
    return runDirect(options);
  }
  if (insideForeignSandbox(options.env)) {
    options.stderr(
      `airlock run: this shell is already inside another sandbox (Claude Code's, or another sandbox-runtime's), where a second one cannot start. There, ${OWN_SANDBOX_APPLIES}. Nothing was run.\n`,
    );
    return EXIT_NOT_RUN;
  }
  if (options.warm !== false && process.platform === 'linux') {
    // A warm gate already holds an initialised sandbox for this folder: ask it for the wrapped
    // line and run it here. Unreachable or unsure, it answers nothing and the cold path below
    // sandboxes the command itself: never unsandboxed.
    const { warmWrap, RUN_LINE_VARIABLE } = await import('./warm.js');
    const warm = await warmWrap(options);
    if (warm) {
      try {
        return await spawnAndWait(warm.wrapped, options, true, { [RUN_LINE_VARIABLE]: options.line });
      } finally {
        await warm.done();
      }
    }
  }
  const availability = options.availability ?? checkSandbox();
  if (!availability.available) {
    options.stderr(
      `airlock run: the egress sandbox cannot start: ${availability.problem}.\nFix: ${availability.fix}.\nNothing was run: Airlock does not run a command unprotected when you asked for the sandbox.\n`,
    );
    return EXIT_NOT_RUN;
  }
  const gate = await startGate(options);
  if (typeof gate === 'number') return gate;
  try {
    const wrapped = await gate.wrapWithSandbox(options.line);
    return await spawnAndWait(wrapped, options, true);
  } finally {
    await gate.reset().catch(() => {});
  }
}

export type SandboxManagerApi = Runtime['SandboxManager'];

/**
 * The sandbox runtime initialised with the egress gate for `options.cwd`: its proxy, TLS
 * termination, host verdicts and the request filter that asks the editor. Used once per command
 * by the cold path and once per lifetime by the warm gate (`warm.ts`). A number is the exit
 * status when it cannot start (the reason already written to stderr).
 */
export async function startGate(options: Omit<RunOptions, 'line'>): Promise<SandboxManagerApi | number> {
  let runtime: Runtime;
  try {
    runtime = await loadRuntime(options.cliPath);
  } catch {
    options.stderr('airlock run: the sandbox runtime (@anthropic-ai/sandbox-runtime) is not installed beside Airlock; nothing was run.\n');
    return EXIT_NOT_RUN;
  }
  const { SandboxManager } = runtime;
  let workspace: EgressWorkspace | undefined;
  const filter = createEgressFilter({
    cwd: options.cwd,
    requester: options.requester,
    workspace: () => (workspace ??= loadEgressWorkspace(options.cwd, { env: options.env, home: options.env.HOME ?? homedir() })),
    askEditor: options.askEditor,
    record: options.record,
    redact: options.redact,
    timeoutMs: options.timeoutMs,
  });
  const excluded = new Set<string>();
  const ask = async ({ host, port }: { host: string; port: number | undefined }) => {
    const verdict = hostVerdict(host, port ?? 443, currentProxySide());
    if (!verdict.allow) return SandboxManager.askCallbackDenyReason ? { allow: false as const, reason: verdict.reason } : false;
    if (!verdict.terminate && !excluded.has(host)) {
      // Read at each CONNECT, after this callback: this host's tunnels stay opaque from now on.
      excluded.add(host);
      const config = SandboxManager.getConfig();
      if (config?.network.tlsTerminate)
        SandboxManager.updateConfig({
          ...config,
          network: { ...config.network, tlsTerminate: { ...config.network.tlsTerminate, excludeDomains: [...excluded] } },
        });
    }
    return true;
  };
  try {
    let ca: CaFiles | undefined;
    try {
      ca = ensureEgressCa(options.env, runtime);
    } catch {
      ca = undefined; /* the runtime makes a throwaway one */
    }
    await SandboxManager.initialize(buildConfig(options, filter as unknown as NonNullable<RuntimeConfig['network']['filterRequest']>, ca), ask);
  } catch (error) {
    options.stderr(
      `airlock run: the egress sandbox could not start (${options.redact(error instanceof Error ? error.message.split('\n')[0]! : 'unknown error')}); nothing was run.\n`,
    );
    await SandboxManager.reset().catch(() => {});
    return EXIT_NOT_RUN;
  }
  return SandboxManager;
}

function runDirect(options: RunOptions): Promise<number> {
  return spawnAndWait(`exec bash -c ${shellLine([options.line])}`, options, true);
}

/** Runs a shell string with the terminal handed over; resolves with its exit status. */
export function spawnAndWait(line: string, options: RunOptions, shell: boolean, extraEnv: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolvePromise) => {
    const child = spawn(line, {
      shell: shell ? '/bin/sh' : false,
      stdio: 'inherit',
      cwd: options.cwd,
      env: { ...sandboxedCommandEnv(options.env), ...extraEnv },
    });
    // The terminal sends Ctrl-C to the whole foreground group; the command decides what it means.
    const ignore = () => {};
    const forward = (signal: NodeJS.Signals) => () => {
      child.kill(signal);
    };
    const onTerm = forward('SIGTERM');
    const onHup = forward('SIGHUP');
    process.on('SIGINT', ignore);
    process.on('SIGTERM', onTerm);
    process.on('SIGHUP', onHup);
    const done = (code: number) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', onTerm);
      process.off('SIGHUP', onHup);
      resolvePromise(code);
    };
    child.on('error', () => done(EXIT_NOT_RUN));
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 + (signalNumber(signal) ?? 1) : 1)));
  });
}

function signalNumber(signal: NodeJS.Signals): number | undefined {
  return ({ SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15, SIGPIPE: 13 } as Record<string, number>)[signal];
}
