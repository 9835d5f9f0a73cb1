import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { type LogKey, macOf } from './key';

/**
 * The log's latest head, kept OUTSIDE the log folder (a sibling file, `<log folder>.head.json`):
 * cutting lines from the end, or replacing the tail, leaves the log behind its head, which
 * `verify` reports. Written by every appender; the editor's carries a MAC under the log key.
 */
export interface HeadRecord {
  seq: number;
  hash: string;
  mac?: string;
}

export function headPath(dir: string): string {
  return `${dir.replace(/[\\/]+$/, '')}.head.json`;
}

export function headMessage(dir: string, seq: number, hash: string): string {
  return JSON.stringify(['airlock-log-head/v1', basename(dir.replace(/[\\/]+$/, '')), seq, hash]);
}

export function readHeadRecord(dir: string): HeadRecord | undefined {
  try {
    const value = JSON.parse(readFileSync(headPath(dir), 'utf8')) as Partial<HeadRecord>;
    if (typeof value.seq !== 'number' || !Number.isSafeInteger(value.seq) || typeof value.hash !== 'string' || !/^[0-9a-f]{64}$/.test(value.hash))
      return undefined;
    return { seq: value.seq, hash: value.hash, ...(typeof value.mac === 'string' ? { mac: value.mac } : {}) };
  } catch {
    return undefined;
  }
}

/** Every head record is this long, so each write overwrites the whole previous one in place. */
const RECORD_BYTES = 255;

/**
 * Records the head; never throws (the line itself is already durable, which is what matters).
 * One small write at offset 0 of a fixed-length record: no temp file, no rename, no fsync (after
 * a crash the head may lag the log by a line, which verify accepts: a log may run ahead of its
 * head record, never behind it).
 */
export function writeHeadRecord(dir: string, seq: number, hash: string, key?: LogKey): void {
  const record: HeadRecord = { seq, hash, ...(key ? { mac: macOf(key, headMessage(dir, seq, hash)) } : {}) };
  const text = JSON.stringify(record).padEnd(RECORD_BYTES, ' ') + '\n';
  let fd: number | undefined;
  try {
    // In place, never truncated: ext4 flushes a file truncated to zero when it is closed.
    try {
      fd = openSync(headPath(dir), 'r+');
    } catch {
      fd = openSync(headPath(dir), 'w', 0o600);
    }
    writeSync(fd, text, 0, 'utf8');
  } catch {
    /* read-only parent: verify then says the head is missing */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
