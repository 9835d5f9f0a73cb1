import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';

/**
 * Bounded, cached file access for environment resolution. Every read is capped in size, every
 * failure becomes a plain-language reason (never an exception), and parsed results are cached
 * by modification time so a long-lived process (the extension, a hook server) re-reads a
 * config file only when it changes.
 */

/** Config and env files larger than this are not read: a kubeconfig or .env is a few KB. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

interface CacheEntry {
  stamp: string;
  value: ReadResult<unknown>;
}

export class FileCache {
  private readonly entries = new Map<string, CacheEntry>();
  constructor(private readonly maxEntries = 2000) {}

  /** Reads `path` as UTF-8 text and parses it with `parse`, cached by (path, kind, mtime, size). */
  parsed<T>(path: string, kind: string, parse: (text: string) => T): ReadResult<T> {
    const stamp = fileStamp(path);
    if (!stamp.ok) return stamp;
    const key = `${kind}\0${path}`;
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp.value) return hit.value as ReadResult<T>;
    const text = readBoundedText(path);
    let value: ReadResult<T>;
    if (!text.ok) value = text;
    else {
      try {
        value = { ok: true, value: parse(text.value) };
      } catch (error) {
        value = { ok: false, reason: `cannot be parsed (${describeError(error)})` };
      }
    }
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { stamp: stamp.value, value });
    return value;
  }

  text(path: string): ReadResult<string> {
    return this.parsed(path, 'text', (t) => t);
  }

  /** Names in a directory, cached by the directory's mtime; empty when it cannot be listed. */
  list(dir: string): string[] {
    const stamp = fileStamp(dir, true);
    if (!stamp.ok) return [];
    const key = `dir\0${dir}`;
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp.value && hit.value.ok) return hit.value.value as string[];
    let names: string[] = [];
    try {
      names = readdirSync(dir).slice(0, 5000);
    } catch {
      names = [];
    }
    this.entries.set(key, { stamp: stamp.value, value: { ok: true, value: names } });
    return names;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** True when `path` exists and is a regular file (following symlinks; a loop is just "no"). */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function fileStamp(path: string, directory = false): ReadResult<string> {
  try {
    const s = statSync(path);
    if (directory ? !s.isDirectory() : !s.isFile()) {
      return { ok: false, reason: directory ? 'is not a directory' : 'is not a regular file' };
    }
    if (!directory && s.size > MAX_FILE_BYTES) {
      return { ok: false, reason: `is too large to read (${s.size} bytes, limit ${MAX_FILE_BYTES})` };
    }
    return { ok: true, value: `${s.mtimeMs}:${s.size}:${s.ino}` };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  }
}

/** Reads at most MAX_FILE_BYTES (the file may grow between stat and read); rejects binary data. */
function readBoundedText(path: string): ReadResult<string> {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = Math.min(fstatSync(fd).size, MAX_FILE_BYTES);
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    const bytes = buffer.subarray(0, read);
    if (bytes.includes(0)) return { ok: false, reason: 'is not a text file (contains NUL bytes)' };
    return { ok: true, value: bytes.toString('utf8').replace(/^\uFEFF/, '') };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  } finally {
    if (fd !== undefined)
      try {
        closeSync(fd);
      } catch {
        /* already closed */
      }
  }
}

/** A short reason from a filesystem or parser error, without echoing file contents. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'is not readable (permission denied)';
    case 'ELOOP':
      return 'is a symlink loop';
    case 'ENOTDIR':
      return 'has a path component that is not a directory';
    case 'EISDIR':
      return 'is a directory';
    case 'ENAMETOOLONG':
      return 'has a name that is too long';
  }
  if (error instanceof Error) {
    // Parser messages can quote the offending line, which may hold a secret: keep the first clause, cut short.
    const first = error.message.split('\n')[0] ?? '';
    return (
      first
        .replace(/["'`].*$/, '')
        .slice(0, 80)
        .trim() || error.name
    );
  }
  return 'unreadable';
}
