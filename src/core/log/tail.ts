import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeLine } from './line';

/** Where a new line chains to: the last valid line of a file, and what lies after it. */
export interface ChainHead {
  seq: number;
  hash: string;
  /** Bytes after the last valid line that are not a valid line (a torn write, a corrupt line). */
  damagedBytes: number;
  /** The file does not end with a newline: the next line must start on a fresh one. */
  needsNewline: boolean;
}

const CHUNK = 64 * 1024;

/**
 * Finds the last valid line of one file by reading it backwards in chunks, so opening a large
 * log costs one small read, not a parse of everything. Undefined when the file holds no valid
 * line (missing, empty, or nothing but damage).
 */
export function readHead(path: string): ChainHead | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return undefined;
    // `pending` holds file bytes [position, regionEnd): lines not yet checked, the first possibly partial.
    let position = size;
    let pending = Buffer.alloc(0);
    let needsNewline: boolean | undefined;
    while (position > 0) {
      const length = Math.min(CHUNK, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      readSync(fd, chunk, 0, length, position);
      pending = Buffer.concat([chunk, pending]);
      needsNewline ??= pending[pending.length - 1] !== 0x0a;
      let lineEnd = pending.length; // exclusive
      for (;;) {
        const newline = pending.lastIndexOf(0x0a, lineEnd - 1);
        const lineStart = newline + 1;
        if (newline === -1 && position > 0) break; // may be partial: read further back
        if (lineEnd > lineStart) {
          const decoded = decodeLine(pending.subarray(lineStart, lineEnd).toString('utf8'));
          if ('line' in decoded) {
            // Every line end but the file's own is a newline, which belongs to the valid line.
            const lineEndInFile = position + lineEnd;
            const validEnd = lineEndInFile < size ? lineEndInFile + 1 : size;
            return { seq: decoded.line.seq, hash: decoded.line.hash, damagedBytes: size - validEnd, needsNewline };
          }
        }
        if (newline === -1) return undefined;
        lineEnd = newline;
      }
      pending = pending.subarray(0, lineEnd);
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}
