import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { EGRESS_PRELOAD_FILE } from './preload-files';

/** Set in every sandboxed command's environment; believed only where there is no network to escape to. */
export const SANDBOX_MARKER = 'AIRLOCK_EGRESS_SANDBOX';

/**
 * Where the preload is: beside this bundle (dist/, or the launcher storage the editor copies the
 * CLI and its assets into), else the repository's dist/ when running from the sources.
 */
export function locateEgressPreload(here: string = __dirname): string | undefined {
  const candidates = [join(here, EGRESS_PRELOAD_FILE)];
  if (basename(here) === 'egress' && basename(resolve(here, '..')) === 'core') candidates.push(resolve(here, '../../../dist', EGRESS_PRELOAD_FILE));
  return candidates.find((p) => existsSync(p));
}

/** One NODE_OPTIONS word: Node splits the variable on spaces, except inside double quotes. */
function nodeOptionsWord(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/** NODE_OPTIONS with `--require preload` appended, once; the person's own options stay first. */
export function withPreload(nodeOptions: string | undefined, preload: string): string {
  const require = `--require ${nodeOptionsWord(preload)}`;
  const existing = (nodeOptions ?? '').trim();
  if (existing.includes(require)) return existing;
  return existing ? `${existing} ${require}` : require;
}

/**
 * The environment a sandboxed command starts with. ELECTRON_RUN_AS_NODE goes: the editor starts
 * Airlock on its own runtime with it, which is not for the command's programs. Node releases
 * that know NODE_USE_ENV_PROXY send fetch() through the gate; for Node 20, whose fetch ignores
 * proxy variables and could not connect at all, the preload gives fetch a proxy agent. The
 * marker tells a nested `airlock run` it is already inside. `preload` null: none was found.
 */
export function sandboxedCommandEnv(env: NodeJS.ProcessEnv, preload: string | null = locateEgressPreload() ?? null): NodeJS.ProcessEnv {
  const { ELECTRON_RUN_AS_NODE: _electron, ...rest } = env;
  return {
    NODE_USE_ENV_PROXY: '1',
    ...rest,
    ...(preload ? { NODE_OPTIONS: withPreload(rest.NODE_OPTIONS, preload) } : {}),
    [SANDBOX_MARKER]: '1',
  };
}
