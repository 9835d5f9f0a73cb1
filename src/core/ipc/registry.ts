import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, lstatSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { trustedKeys, verifyRegistration } from './auth';
import { candidateRuntimeDirs, ensurePrivateDir, registryDir, rootKey, windowsDir } from './paths';
import { PROTOCOL_VERSION, type WindowRegistration } from './protocol';

/** Writes a file readable only by us, atomically (temp file + rename), so a reader never sees half of it. */
export function writePrivateFile(path: string, text: string): void {
  ensurePrivateDir(dirname(path));
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

export function registrationPathForRoot(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(registryDir(env), `${rootKey(root)}.json`);
}

export function registrationPathForWindow(window: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(windowsDir(env), `${window.replace(/[^A-Za-z0-9_-]/g, '')}.json`);
}

export function readRegistration(path: string): WindowRegistration | undefined {
  try {
    if (process.platform !== 'win32') {
      const stat = lstatSync(path);
      // A registry entry anyone else could have written is not one we trust.
      if (!stat.isFile() || (stat.mode & 0o022) !== 0) return undefined;
      if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return undefined;
    }
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<WindowRegistration>;
    if (value.protocol !== PROTOCOL_VERSION || typeof value.socket !== 'string' || typeof value.secret !== 'string' || typeof value.pid !== 'number')
      return undefined;
    if (typeof value.publicKey !== 'string' || typeof value.signature !== 'string') return undefined;
    return value as WindowRegistration;
  } catch {
    return undefined;
  }
}

function alive(registration: WindowRegistration): boolean {
  try {
    process.kill(registration.pid, 0);
  } catch (error) {
    // EPERM: the process exists but is not ours, which means the pid was reused: stale.
    return false;
  }
  return process.platform === 'win32' || existsSync(registration.socket);
}

/**
 * Finds the editor window that owns a path: the registration of the nearest ancestor folder
 * that is a workspace root of a live window, signed by a pinned editor key. Costs one stat per
 * ancestor.
 */
export function findWindowFor(paths: string[], env: NodeJS.ProcessEnv = process.env): WindowRegistration | undefined {
  // Only entries a pinned editor key signed: an impostor can write a file here, not sign one.
  const keys = trustedKeys(env);
  if (keys.size === 0) return undefined;
  const readTrusted = (path: string) => {
    const registration = readRegistration(path);
    return registration && verifyRegistration(registration, keys) ? registration : undefined;
  };
  const direct = env.AIRLOCK_WINDOW ? readTrusted(env.AIRLOCK_WINDOW) : undefined;
  if (direct && alive(direct)) return direct;
  const registries = candidateRuntimeDirs(env)
    .filter((dir) => existsSync(dir))
    .map((dir) => ({ ...env, AIRLOCK_RUNTIME_DIR: dir }));
  for (const start of paths) {
    if (!start) continue;
    let dir = start;
    for (let depth = 0; depth < 64; depth++) {
      for (const registryEnv of registries) {
        const registration = readTrusted(registrationPathForRoot(dir, registryEnv));
        if (registration && alive(registration)) return registration;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}

/** Removes a registration only when it is still ours (another window may own the root now). */
export function removeRegistration(path: string, window: string): void {
  const current = readRegistration(path);
  if (current && current.window !== window) return;
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}
