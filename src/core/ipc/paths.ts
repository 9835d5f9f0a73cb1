import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { tempOf } from '../protection/fixed-locations';

/**
 * Where a window's IPC socket and the registry that lets hook processes find it live.
 * Per user, never shared: `$XDG_RUNTIME_DIR/airlock` (already private to the user) or a 0700
 * folder under the temp dir whose owner and mode we check, so another local user cannot plant
 * a fake registry entry or socket and impersonate the editor.
 */
export function runtimeDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AIRLOCK_RUNTIME_DIR) return env.AIRLOCK_RUNTIME_DIR;
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? tmpdir(), 'airlock', 'run');
  if (env.XDG_RUNTIME_DIR) return join(env.XDG_RUNTIME_DIR, 'airlock');
  return join(tempOf(env), `airlock-${uid()}`);
}

/**
 * Every folder a window of this user may have registered in: the hook's own runtime folder
 * first, then the usual others, because a hook started outside the editor (an agent in another
 * terminal, over ssh, in tmux) may not share the editor's XDG_RUNTIME_DIR.
 */
export function candidateRuntimeDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.AIRLOCK_RUNTIME_DIR) return [env.AIRLOCK_RUNTIME_DIR];
  const dirs = [runtimeDir(env)];
  if (process.platform !== 'win32') {
    dirs.push(join('/run/user', uid(), 'airlock'), join(tempOf(env), `airlock-${uid()}`), join('/tmp', `airlock-${uid()}`));
  }
  return [...new Set(dirs)];
}

function uid(): string {
  try {
    return String(userInfo().uid);
  } catch {
    return 'user';
  }
}

export function registryDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(runtimeDir(env), 'roots');
}

export function windowsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(runtimeDir(env), 'windows');
}

/** Creates (or checks) a private folder: owned by us, no access for group or others. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return;
  const stat = lstatSync(dir);
  if (!stat.isDirectory()) throw new Error(`${dir} is not a folder`);
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) {
    throw new Error(`${dir} belongs to another user; refusing to use it`);
  }
  if ((stat.mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

/** Registry key of a workspace root: a hash, so folder names never become file names. */
export function rootKey(root: string): string {
  return createHash('sha256').update(normalizeRoot(root)).digest('hex').slice(0, 24);
}

export function normalizeRoot(root: string): string {
  let path = resolve(root);
  if (path.length > 1 && /[\\/]$/.test(path)) path = path.slice(0, -1);
  return process.platform === 'win32' || process.platform === 'darwin' ? path.toLowerCase() : path;
}

/** A socket path for a new window. Unix socket paths are limited to ~104 bytes: keep it short. */
export function socketPath(id: string, env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32') return `\\\\.\\pipe\\airlock-${id}-sock`;
  return join(runtimeDir(env), `w-${id}.sock`);
}
