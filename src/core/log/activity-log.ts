import { closeSync, fstatSync, fsync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ActivityEvent } from '../events';
import { afterAppend } from '../export/after-append';
import { completeEvent, type RecoveryDetails } from './event-factory';
import { ACTIVE_FILE, chainFiles, LOCK_FILE, rotatedName, rotatedNumbers } from './files';
import { writeHeadRecord } from './head';
import { type LogKey, macOf } from './key';
import { encodeLine, GENESIS, parseLineUnchecked } from './line';
import { withFileLock } from './lock';
import { readHead } from './tail';

export interface ActivityLogOptions {
  /** Rotate the active file once a line would take it past this size. Default 10 MiB. */
  maxFileBytes?: number;
  /** How long an append waits for another process holding the log. Default 5 s. */
  lockTimeoutMs?: number;
  /** The editor's log key (from SecretStorage): lines and the head record get its MAC. Absent in hook processes. */
  key?: LogKey;
}

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A line as a reader gets it: where it is, and the event. */
export interface StoredEvent {
  seq: number;
  event: ActivityEvent;
}

/** What `append` wrote: the new head of the chain, which a caller may keep as an anchor (see verify.ts). */
export interface AppendedEvent extends StoredEvent {
  hash: string;
}

/** Where a reader stopped in the active file, to read only what was appended since. */
export interface ReadCursor {
  ino: number;
  offset: number;
}

export interface ReadResult {
  events: StoredEvent[];
  /** Lines that could not be read (a torn last line, damage); `airlock log --verify` says more. */
  unreadableLines: number;
  cursor: ReadCursor;
}

interface Head {
  seq: number;
  hash: string;
}

/**
 * The append-only, hash-chained activity log of one workspace (see line.ts for the line format).
 * `append` resolves only once the line is on disk (fsync), so a decision can be logged before it
 * is answered. Any number of processes may append at once (see lock.ts).
 */
export class ActivityLog {
  readonly dir: string;
  private readonly maxFileBytes: number;
  private readonly lockTimeoutMs: number;
  private readonly mac: ((body: string) => string) | undefined;
  private readonly key: LogKey | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** The active file as we last left it, so an append usually needs no read: valid while ino and size match. */
  private cached: { ino: number; size: number; head: Head } | undefined;
  private dirReady = false;

  constructor(dir: string, options: ActivityLogOptions = {}) {
    this.dir = dir;
    this.maxFileBytes = Math.max(1024, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    this.lockTimeoutMs = options.lockTimeoutMs ?? 5000;
    this.key = options.key;
    const key = options.key;
    this.mac = key ? (body) => macOf(key, body) : undefined;
  }

  get activePath(): string {
    return join(this.dir, ACTIVE_FILE);
  }

  /** Appends one event; resolves once it is durable. Events are written as given: redact first. */
  append(event: ActivityEvent): Promise<AppendedEvent> {
    const run = this.queue.then(() => this.appendNow(event));
    this.queue = run.catch(() => undefined);
    // Once durable, the event joins the export queue (a local write; see src/core/export/after-append.ts).
    return run.then((appended) => {
      afterAppend(this.dir, appended);
      return appended;
    });
  }

  private async appendNow(event: ActivityEvent): Promise<AppendedEvent> {
    if (!this.dirReady) {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      this.dirReady = true;
    }
    return withFileLock(
      join(this.dir, LOCK_FILE),
      async () => {
        const fd = openSync(this.activePath, 'a', 0o600);
        try {
          let stat = fstatSync(fd);
          let head = this.cached && this.cached.ino === stat.ino && this.cached.size === stat.size ? this.cached.head : undefined;
          let size = stat.size;
          if (size === 0) syncDir(this.dir); // the new file's name must survive a crash too
          if (!head) {
            const found = this.findHead(size);
            head = found.head;
            if (found.damagedBytes > 0 || found.needsNewline) {
              head = await this.writeRecovery(fd, head, found.damagedBytes, found.needsNewline);
              size = fstatSync(fd).size;
            }
          }
          const line = encodeLine(head.seq + 1, head.hash, event, this.mac);
          const bytes = Buffer.from(`${line.text}\n`, 'utf8');
          let target = fd;
          if (size > 0 && size + bytes.length > this.maxFileBytes) {
            target = this.rotate(fd);
            stat = fstatSync(target);
            size = 0;
          }
          try {
            writeAll(target, bytes);
            await fsyncAsync(target);
            this.cached = { ino: fstatSync(target).ino, size: size + bytes.length, head: { seq: head.seq + 1, hash: line.hash } };
            // Outside the log folder: cutting lines from the end leaves the log behind this record.
            writeHeadRecord(this.dir, head.seq + 1, line.hash, this.key);
          } finally {
            if (target !== fd) closeSync(target);
          }
          return { seq: head.seq + 1, hash: line.hash, event };
        } finally {
          closeSync(fd);
        }
      },
      { timeoutMs: this.lockTimeoutMs },
    );
  }

  /** The line a new one chains to: the last valid line of the active file, else of the newest rotated file, else genesis. */
  private findHead(activeSize: number): { head: Head; damagedBytes: number; needsNewline: boolean } {
    const active = readHead(this.activePath);
    if (active) return { head: active, damagedBytes: active.damagedBytes, needsNewline: active.needsNewline };
    // No valid line in the active file: whatever is in it is damage.
    const needsNewline = activeSize > 0 && lastByte(this.activePath, activeSize) !== 0x0a;
    for (const number of rotatedNumbers(this.dir).reverse()) {
      const rotated = readHead(join(this.dir, rotatedName(number)));
      if (rotated) return { head: rotated, damagedBytes: activeSize, needsNewline };
    }
    return { head: { seq: 0, hash: GENESIS }, damagedBytes: activeSize, needsNewline };
  }

  /**
   * Damage at the end of the log (a torn write after a crash or power loss) stays where it is:
   * nothing is silently dropped. A recovery event chained to the last valid line says how many
   * bytes were skipped, so `verify` can tell this from an inserted line.
   */
  private async writeRecovery(fd: number, head: Head, damagedBytes: number, needsNewline: boolean): Promise<Head> {
    const details: RecoveryDetails = { logRecovery: { damagedBytes, addedNewline: needsNewline } };
    const event = completeEvent({
      kind: 'airlock',
      actor: 'unknown',
      severity: 'medium',
      reason: needsNewline
        ? `The activity log ended with ${damagedBytes} bytes that are not a complete line (a crash or power loss while writing). They are kept as they are and the log continues after them.`
        : `The activity log ended with ${damagedBytes} bytes of complete lines that are not valid log lines: no crash leaves a newline, so 'airlock log --verify' reports them as a break. They are kept as they are and the log continues after them.`,
      details: details as unknown as Record<string, unknown>,
    });
    const line = encodeLine(head.seq + 1, head.hash, event, this.mac);
    writeAll(fd, Buffer.from(`${needsNewline ? '\n' : ''}${line.text}\n`, 'utf8'));
    await fsyncAsync(fd);
    return { seq: head.seq + 1, hash: line.hash };
  }

  /** Moves the full active file aside and opens a fresh one; the chain continues into it. */
  private rotate(fd: number): number {
    fsyncSync(fd);
    const numbers = rotatedNumbers(this.dir);
    const next = (numbers.at(-1) ?? 0) + 1;
    renameSync(this.activePath, join(this.dir, rotatedName(next)));
    const fresh = openSync(this.activePath, 'a', 0o600);
    syncDir(this.dir);
    return fresh;
  }

  /**
   * Reads every event in chain order. Lines are parsed but their hashes are not checked (that is
   * `verify`'s job), which keeps loading 100,000 events fast. Unreadable lines are counted, not thrown.
   */
  read(): ReadResult {
    const events: StoredEvent[] = [];
    let unreadableLines = 0;
    let cursor: ReadCursor = { ino: 0, offset: 0 };
    for (const path of chainFiles(this.dir)) {
      let buffer: Buffer;
      let ino: number;
      try {
        const fd = openSync(path, 'r');
        try {
          ino = fstatSync(fd).ino;
          buffer = readFileSync(fd);
        } finally {
          closeSync(fd);
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      const parsed = parseLines(buffer);
      for (const event of parsed.events) events.push(event); // no spread: 100,000 arguments overflow the stack
      unreadableLines += parsed.unreadableLines;
      cursor = { ino, offset: parsed.consumed };
    }
    return { events, unreadableLines, cursor };
  }

  /**
   * Reads what was appended to the active file since `cursor` (by this or any other process).
   * Returns undefined when the file was rotated or replaced meanwhile: read everything again.
   */
  readSince(cursor: ReadCursor): ReadResult | undefined {
    let fd: number;
    try {
      fd = openSync(this.activePath, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return cursor.offset === 0 ? { events: [], unreadableLines: 0, cursor } : undefined;
      throw error;
    }
    try {
      const stat = fstatSync(fd);
      if ((cursor.ino !== 0 && stat.ino !== cursor.ino) || stat.size < cursor.offset) return undefined;
      if (stat.size === cursor.offset) return { events: [], unreadableLines: 0, cursor: { ino: stat.ino, offset: cursor.offset } };
      const buffer = Buffer.alloc(stat.size - cursor.offset);
      readAll(fd, buffer, cursor.offset);
      const parsed = parseLines(buffer);
      return { events: parsed.events, unreadableLines: parsed.unreadableLines, cursor: { ino: stat.ino, offset: cursor.offset + parsed.consumed } };
    } finally {
      closeSync(fd);
    }
  }
}

/** Complete lines only: a trailing line without its newline may still be being written. */
function parseLines(buffer: Buffer): { events: StoredEvent[]; unreadableLines: number; consumed: number } {
  const end = buffer.lastIndexOf(0x0a) + 1;
  const text = buffer.toString('utf8', 0, end);
  const events: StoredEvent[] = [];
  let unreadableLines = 0;
  let start = 0;
  while (start < text.length) {
    let stop = text.indexOf('\n', start);
    if (stop === -1) stop = text.length;
    if (stop > start) {
      const line = parseLineUnchecked(text.slice(start, stop));
      if (line) events.push(line);
      else unreadableLines++;
    }
    start = stop + 1;
  }
  return { events, unreadableLines, consumed: end };
}

function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

function readAll(fd: number, buffer: Buffer, position: number): void {
  let offset = 0;
  while (offset < buffer.length) {
    const read = readSync(fd, buffer, offset, buffer.length - offset, position + offset);
    if (read === 0) break;
    offset += read;
  }
}

function fsyncAsync(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));
}

function lastByte(path: string, size: number): number {
  const fd = openSync(path, 'r');
  try {
    const one = Buffer.alloc(1);
    readSync(fd, one, 0, 1, size - 1);
    return one[0]!;
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename or a new file durable (a no-op where folders cannot be opened, i.e. Windows). */
function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort: the data itself is already synced */
  }
}
