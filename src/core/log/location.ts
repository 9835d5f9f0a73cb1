import { existsSync, readFileSync } from 'node:fs';

import { basename, dirname, join } from 'node:path';
import { ensurePrivateDir, normalizeRoot, rootKey } from '../ipc/paths';
import { writePrivateFile } from '../ipc/registry';
import { homeOf } from '../protection/fixed-locations';
import { chainFiles } from './files';
import { withFileLock } from './lock';

/**
 * Where each workspace's log lives. The extension keeps logs in its global storage, which the
 * CLI cannot know, so a small per-user index maps workspace roots to log folders:
 *   $AIRLOCK_STATE_DIR/workspaces.json, else $XDG_STATE_HOME/airlock/..., else ~/.airlock/...
 * A `airlock hook` process that runs before the extension ever did logs to a default folder
 * under the same state folder and records it; the extension then keeps using that folder, so a
 * chain is never split between two places.
 */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AIRLOCK_STATE_DIR) return env.AIRLOCK_STATE_DIR;
  if (env.XDG_STATE_HOME) return join(env.XDG_STATE_HOME, 'airlock');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'airlock', 'state');
  return join(homeOf(env), '.airlock');
}

export function indexPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(stateDir(env), 'workspaces.json');
}

interface IndexEntry {
  logDir: string;
  updated: string;
  /** The user's rotation size (`airlock.log.maxFileSizeMB`), so hook processes rotate alike. */
  maxFileBytes?: number;
}

interface IndexFile {
  version: 1;
  workspaces: Record<string, IndexEntry>;
}

function readIndex(env: NodeJS.ProcessEnv): IndexFile {
  try {
    const value = JSON.parse(readFileSync(indexPath(env), 'utf8')) as Partial<IndexFile>;
    if (value && typeof value.workspaces === 'object' && value.workspaces !== null) return { version: 1, workspaces: value.workspaces };
  } catch {
    /* missing or broken: start a fresh index (the logs themselves are untouched) */
  }
  return { version: 1, workspaces: {} };
}

/** A readable folder name for a root, plus a hash so two folders with one name never share a log. */
export function logFolderName(root: string): string {
  const name =
    basename(normalizeRoot(root))
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .slice(0, 40) || 'root';
  return `${name}-${rootKey(root).slice(0, 12)}`;
}

/** The log folder a hook process uses when the extension has registered none. */
export function defaultLogDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(stateDir(env), 'logs', logFolderName(root));
}

/**
 * The log folder of the workspace containing `path` (the folder itself or any folder inside
 * it): the registered root nearest to it, else the default folder for `path` itself.
 */
export function logDirFor(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return registeredLogDir(path, env)?.logDir ?? defaultLogDir(path, env);
}

export function registeredLogDir(path: string, env: NodeJS.ProcessEnv = process.env): (IndexEntry & { root: string }) | undefined {
  const { workspaces } = readIndex(env);
  let current = normalizeRoot(path);
  for (;;) {
    const entry = workspaces[current];
    if (entry && typeof entry.logDir === 'string') return { ...entry, root: current };
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * Records the log folder of a workspace root and returns the one to use: `preferred`, unless a
 * log already exists for this root elsewhere (then that one: a chain never moves).
 */
export async function registerLogDir(root: string, preferred: string, env: NodeJS.ProcessEnv = process.env, maxFileBytes?: number): Promise<string> {
  const dir = stateDir(env);
  ensurePrivateDir(dir);
  const key = normalizeRoot(root);
  return withFileLock(join(dir, 'workspaces.lock'), async () => {
    const index = readIndex(env);
    const existing = index.workspaces[key]?.logDir;
    if (existing === preferred && index.workspaces[key]?.maxFileBytes === maxFileBytes) return existing;
    const existingHasLog = existing !== undefined && chainFiles(existing).some((file) => existsSync(file));
    const chosen = existingHasLog ? existing : (logWithContent(defaultLogDir(root, env)) ?? preferred);
    index.workspaces[key] = { logDir: chosen, updated: new Date().toISOString(), ...(maxFileBytes ? { maxFileBytes } : {}) };
    // Forget folders that are gone along with their logs (temporary workspaces), so the index stays small.
    for (const [root, entry] of Object.entries(index.workspaces)) {
      if (root !== key && !existsSync(root) && !existsSync(entry.logDir)) delete index.workspaces[root];
    }
    writePrivateFile(indexPath(env), `${JSON.stringify(index, null, 2)}\n`);
    return chosen;
  });
}

function logWithContent(dir: string): string | undefined {
  return chainFiles(dir).some((file) => existsSync(file)) ? dir : undefined;
}
