/**
 * The on-disk export queue of one activity log: `<log dir>/export-queue/`, one small file per
 * logged event (`<seq>-<hash>.json`, written to a temp name and renamed, so a reader never sees
 * half a file and any number of processes may add at once), plus `state.json` (what was shipped,
 * whether the collector is failing and since when).
 *
 * The queue is bounded: once it holds MAX_QUEUED events beyond the last shipped one, new events
 * are not written; an `overflow` marker makes the flusher read them back from the log itself,
 * which holds every event durably. So a collector that is down for days costs bounded disk and
 * loses nothing.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ActivityEvent } from '../events';

export const QUEUE_DIR = 'export-queue';
export const MAX_QUEUED = 20_000;

/** One event waiting to be shipped: where it sits in the local chain, and the event as logged. */
export interface QueuedEvent {
  seq: number;
  /** The chain hash of its log line: the collector's copy proves whether the line was later rewritten. */
  hash: string;
  event: ActivityEvent;
}

/** What the flusher knows about shipping this log; shown in the Protection view. */
export interface ExportState {
  /** Highest seq the collector accepted. */
  lastExportedSeq?: number;
  lastSuccessAt?: string;
  /** Set while exports fail: when the first failure of the current run happened. */
  failingSince?: string;
  lastError?: string;
  /** Consecutive failures, for the back-off. */
  failures?: number;
  /** No attempt before this time (ms since epoch): the back-off. */
  nextAttemptAt?: number;
  /** Events accepted by the collector since the state was created. */
  exported?: number;
}

export function queueDir(logDir: string): string {
  return join(logDir, QUEUE_DIR);
}

const ITEM = /^(\d{12})-([0-9a-f]{8,64})\.json$/;

function itemName(seq: number, hash: string): string {
  return `${String(seq).padStart(12, '0')}-${hash.slice(0, 16).toLowerCase()}.json`;
}

export function readState(logDir: string): ExportState {
  try {
    const value = JSON.parse(readFileSync(join(queueDir(logDir), 'state.json'), 'utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as ExportState) : {};
  } catch {
    return {};
  }
}

export function writeState(logDir: string, state: ExportState): void {
  const dir = queueDir(logDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `state.${process.pid}.${Date.now()}.tmp`);
  writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
  renameSync(tmp, join(dir, 'state.json'));
}

/**
 * Adds one event to the queue. Synchronous and local (no network, no fsync: the log line itself
 * is already durable and the flusher can read it back). Never throws.
 */
/** Queue folders this process already made: an append then costs no mkdir. */
const made = new Set<string>();

export function enqueue(logDir: string, item: QueuedEvent, max = MAX_QUEUED): 'queued' | 'overflow' | 'failed' {
  try {
    const dir = queueDir(logDir);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      made.add(dir);
    }
    const last = readState(logDir).lastExportedSeq;
    if (last !== undefined && item.seq - last > max) {
      markOverflow(logDir, item.seq);
      return 'overflow';
    }
    const name = itemName(item.seq, item.hash);
    const tmp = join(dir, `.${name}.${process.pid}.tmp`);
    let fd: number;
    try {
      fd = openSync(tmp, 'w', 0o600);
    } catch {
      mkdirSync(dir, { recursive: true, mode: 0o700 }); // the folder went away since: make it again
      fd = openSync(tmp, 'w', 0o600);
    }
    try {
      writeSync(fd, JSON.stringify(item));
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(dir, name));
    return 'queued';
  } catch {
    return 'failed';
  }
}

/** Remembers that events from `seq` on were not queued: the flusher reads them from the log. */
export function markOverflow(logDir: string, seq: number): void {
  const path = join(queueDir(logDir), 'overflow');
  try {
    const existing = Number(readFileSync(path, 'utf8'));
    if (Number.isSafeInteger(existing) && existing <= seq) return;
  } catch {
    /* none yet */
  }
  writeFileSync(path, String(seq), { mode: 0o600 });
}

export function readOverflow(logDir: string): number | undefined {
  try {
    const n = Number(readFileSync(join(queueDir(logDir), 'overflow'), 'utf8'));
    return Number.isSafeInteger(n) ? n : undefined;
  } catch {
    return undefined;
  }
}

export function clearOverflow(logDir: string): void {
  rmSync(join(queueDir(logDir), 'overflow'), { force: true });
}

/** Queued items in chain order (names only; read with `readItem`). */
export function listQueued(logDir: string): Array<{ name: string; seq: number }> {
  let names: string[];
  try {
    names = readdirSync(queueDir(logDir));
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const m = ITEM.exec(name);
      return m ? [{ name, seq: Number(m[1]) }] : [];
    })
    .sort((a, b) => a.seq - b.seq || a.name.localeCompare(b.name));
}

export function readItem(logDir: string, name: string): QueuedEvent | undefined {
  try {
    const item = JSON.parse(readFileSync(join(queueDir(logDir), name), 'utf8')) as QueuedEvent;
    return Number.isSafeInteger(item.seq) && typeof item.hash === 'string' && item.event && typeof item.event === 'object' ? item : undefined;
  } catch {
    return undefined;
  }
}

export function removeItems(logDir: string, names: string[]): void {
  for (const name of names) rmSync(join(queueDir(logDir), name), { force: true });
}

/** How many events wait, for status lines (bounded listing). */
export function pendingCount(logDir: string): number {
  return listQueued(logDir).length;
}

/** True when a flusher looks after the queue: one holds its lock, or an editor ships it (fresh heartbeat). */
export function flusherActive(logDir: string, staleMs = 30_000, now = Date.now()): boolean {
  for (const name of ['flusher.lock', 'editor.heartbeat']) {
    try {
      if (now - statSync(join(queueDir(logDir), name)).mtimeMs < staleMs) return true;
    } catch {
      /* absent */
    }
  }
  return false;
}

/** The editor says it ships this queue (every few seconds while open), so hooks start no worker. */
export function touchEditorHeartbeat(logDir: string): void {
  try {
    mkdirSync(queueDir(logDir), { recursive: true, mode: 0o700 });
    writeFileSync(join(queueDir(logDir), 'editor.heartbeat'), String(process.pid), { mode: 0o600 });
  } catch {
    /* best effort: without it a hook starts a worker, which is only slower */
  }
}
