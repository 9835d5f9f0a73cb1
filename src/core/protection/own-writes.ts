import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * What this process (the editor) last wrote to Airlock's own files (hook files, policy), by
 * content hash: the watcher of those files (src/extension/protection/airlock-file-watcher.ts)
 * does not alert on Airlock's own writes. Only a hash of the bytes: nothing else to forge.
 */
const written = new Map<string, string>();

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Called by Airlock's writers right before they write `text` (or delete: `undefined`) at `path`. */
export function noteOwnWrite(path: string, text: string | undefined): void {
  written.set(resolve(path), text === undefined ? 'deleted' : hash(text));
}

/** True when `text` (undefined: the file is gone) is what Airlock itself last left at `path`. */
export function isOwnWrite(path: string, text: string | undefined): boolean {
  const last = written.get(resolve(path));
  return last !== undefined && last === (text === undefined ? 'deleted' : hash(text));
}
