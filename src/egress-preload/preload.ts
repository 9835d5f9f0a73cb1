import { join } from 'node:path';
import { EGRESS_PROXY_AGENT_FILE } from '../core/egress/preload-files';

/**
 * Loaded with `--require` (NODE_OPTIONS) into every Node process `airlock run` starts in its
 * sandbox, whose only way out is the proxy named in HTTPS_PROXY. Node 20's built-in `fetch`
 * ignores proxy variables, so there it could not connect at all: a destructive request failed
 * instead of being held and asked. This gives `fetch` undici's EnvHttpProxyAgent through the
 * global dispatcher slot Node's fetch reads.
 *
 * Harmless elsewhere: nothing happens without a proxy variable, on Node releases that honour
 * NODE_USE_ENV_PROXY themselves (which `airlock run` sets), or when the slot is already filled
 * (an earlier preload). The agent is loaded on the first read of the slot (the first `fetch`), so
 * Node programs that never fetch parse this small file only. Any failure leaves the slot empty,
 * and Node puts its own direct agent there, which cannot connect from the sandbox: closed.
 */

/** The slot undici, and so Node's built-in fetch, reads its global dispatcher from. */
export const DISPATCHER_SLOT = Symbol.for('undici.globalDispatcher.1');

function proxyAnnounced(env: NodeJS.ProcessEnv): boolean {
  return !!(env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy);
}

/**
 * Node releases that know `--use-env-proxy` honour NODE_USE_ENV_PROXY themselves: they fill the
 * slot after preloads run, and would first read ours, loading the agent for nothing.
 */
function nodeProxiesItself(env: NodeJS.ProcessEnv): boolean {
  const asked = env.NODE_USE_ENV_PROXY === '1' || process.execArgv.includes('--use-env-proxy') || /(^|\s)--use-env-proxy(\s|$)/.test(env.NODE_OPTIONS ?? '');
  return asked && process.allowedNodeEnvironmentFlags.has('--use-env-proxy');
}

/** As undici's own setGlobalDispatcher defines it, so a program that sets its own still can. */
function settle(value: unknown): void {
  Object.defineProperty(globalThis, DISPATCHER_SLOT, { value, writable: true, enumerable: false, configurable: false });
}

function loadProxyAgent(dir: string): unknown {
  try {
    const { createProxyAgent } = require(join(dir, EGRESS_PROXY_AGENT_FILE)) as { createProxyAgent: () => unknown };
    return createProxyAgent();
  } catch {
    return undefined;
  }
}

/** True when the slot now makes a proxy agent on first use. */
export function installProxyDispatcher(env: NodeJS.ProcessEnv = process.env, dir: string = __dirname): boolean {
  if (!proxyAnnounced(env) || nodeProxiesItself(env) || Object.getOwnPropertyDescriptor(globalThis, DISPATCHER_SLOT)) return false;
  Object.defineProperty(globalThis, DISPATCHER_SLOT, {
    configurable: true,
    enumerable: false,
    get() {
      // A plain, empty slot first: whatever reads it while the agent loads does not come back here.
      settle(undefined);
      const agent = loadProxyAgent(dir);
      if (agent !== undefined) settle(agent);
      return (globalThis as Record<symbol, unknown>)[DISPATCHER_SLOT];
    },
    set(value: unknown) {
      settle(value);
    },
  });
  return true;
}

try {
  installProxyDispatcher();
} catch {
  // Never break the program it was loaded into.
}
