import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';

/** Scripts, SQL files and bodies larger than this are not read: the check answers `ask`. */
export const MAX_READ_BYTES = 1024 * 1024;

/** Resolves `path` as the command would: `~` is home, relative paths against `cwd`. */
export function resolveFrom(cwd: string, path: string): string {
  const expanded = path === '~' || path.startsWith('~/') ? homedir() + path.slice(1) : path;
  return isAbsolute(expanded) ? expanded : resolve(cwd, expanded);
}

/** Reads a text file for a rule, bounded; undefined when missing, too large, binary or unreadable. */
export function readTextFile(path: string, cwd: string): string | undefined {
  try {
    const full = resolveFrom(cwd, path);
    const stat = statSync(full);
    if (!stat.isFile() || stat.size > MAX_READ_BYTES) return undefined;
    const buffer = Buffer.alloc(stat.size);
    const fd = openSync(full, 'r');
    try {
      readSync(fd, buffer, 0, stat.size, 0);
    } finally {
      closeSync(fd);
    }
    if (buffer.includes(0)) return undefined;
    return buffer.toString('utf8');
  } catch {
    return undefined;
  }
}
