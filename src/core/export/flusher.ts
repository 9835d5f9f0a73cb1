/**
 * Drains one log's export queue: batches of queued events go to the collector; accepted ones
 * leave the queue; a failure keeps them, records "failing since", and backs off (1 s doubling to
 * 5 min, with jitter) before the next attempt. One flusher per queue at a time (a lock file
 * whose mtime is its heartbeat). Runs in the editor, or in a detached worker a hook starts: a hook
 * itself never waits on the network.
 */
import { closeSync, mkdirSync, openSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportSettings } from '../policy/types';
import { readLogLines } from './log-lines';
import type { Shipper } from './otlp';
import { clearOverflow, type ExportState, listQueued, type QueuedEvent, queueDir, readItem, readOverflow, readState, removeItems, writeState } from './queue';

export const BATCH = 512;
const LOCK_STALE_MS = 30_000;
const BACKOFF_START_MS = 1000;
const BACKOFF_MAX_MS = 5 * 60_000;

export function backoffMs(failures: number, random = Math.random()): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random));
}

export interface FlushResult {
  shipped: number;
  pending: number;
  /** Set when the collector refused or could not be reached. */
  error?: string;
  /** Set when another flusher holds the queue, or the back-off says not yet. */
  skipped?: 'busy' | 'backoff';
}

/** Takes the queue's lock; undefined when another live flusher has it. */
export function takeLock(logDir: string, now = Date.now()): { refresh: () => void; release: () => void } | undefined {
  const dir = queueDir(logDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, 'flusher.lock');
  const tryCreate = () => {
    closeSync(openSync(path, 'wx', 0o600));
  };
  try {
    tryCreate();
  } catch {
    try {
      if (now - statSync(path).mtimeMs < LOCK_STALE_MS) return undefined;
      rmSync(path, { force: true });
      tryCreate();
    } catch {
      return undefined;
    }
  }
  return {
    refresh: () => {
      try {
        const t = new Date();
        utimesSync(path, t, t);
      } catch {
        /* gone: the next take recreates it */
      }
    },
    release: () => {
      rmSync(path, { force: true });
    },
  };
}

/** The next batch: queued items, with any gap before them (or an overflow) read back from the log. */
function nextBatch(logDir: string, state: ExportState): { items: QueuedEvent[]; names: string[]; backfilled: boolean } {
  const queued = listQueued(logDir);
  const last = state.lastExportedSeq;
  const overflow = readOverflow(logDir);
  const firstQueued = queued[0]?.seq;
  // Events between the last shipped one and the first queued one (a lost queue file, an overflow) come from the log.
  if (last !== undefined && (overflow !== undefined || (firstQueued !== undefined && firstQueued > last + 1))) {
    const to = firstQueued !== undefined ? firstQueued - 1 : Number.MAX_SAFE_INTEGER;
    const lines = readLogLines(logDir, last + 1, to, BATCH);
    if (lines.length) return { items: lines, names: [], backfilled: true };
    if (firstQueued === undefined) clearOverflow(logDir);
  }
  const names: string[] = [];
  const items: QueuedEvent[] = [];
  for (const q of queued.slice(0, BATCH)) {
    const item = readItem(logDir, q.name);
    names.push(q.name);
    if (item && (last === undefined || item.seq > last)) items.push(item);
  }
  return { items, names, backfilled: false };
}

/**
 * Ships until the queue is empty or the collector fails. `force` ignores the back-off (the
 * editor's "retry now"; tests). Never throws.
 */
export async function flushQueue(
  logDir: string,
  shipper: Shipper,
  options: { workspace?: string; force?: boolean; now?: () => number } = {},
): Promise<FlushResult> {
  const now = options.now ?? Date.now;
  const lock = takeLock(logDir, now());
  if (!lock) return { shipped: 0, pending: listQueued(logDir).length, skipped: 'busy' };
  let shipped = 0;
  try {
    let state = readState(logDir);
    if (!options.force && state.nextAttemptAt && now() < state.nextAttemptAt) return { shipped, pending: listQueued(logDir).length, skipped: 'backoff' };
    for (let round = 0; round < 10_000; round++) {
      const { items, names, backfilled } = nextBatch(logDir, state);
      if (!items.length && !names.length) break;
      if (items.length) {
        const result = await shipper.ship(items, options.workspace);
        lock.refresh();
        if (!result.ok) {
          const failures = (state.failures ?? 0) + 1;
          state = {
            ...state,
            failures,
            lastError: result.error,
            failingSince: state.failingSince ?? new Date(now()).toISOString(),
            nextAttemptAt: now() + backoffMs(failures),
          };
          writeState(logDir, state);
          return { shipped, pending: listQueued(logDir).length, error: result.error };
        }
        const highest = Math.max(...items.map((i) => i.seq));
        shipped += items.length;
        state = {
          lastExportedSeq: Math.max(highest, state.lastExportedSeq ?? 0),
          lastSuccessAt: new Date(now()).toISOString(),
          exported: (state.exported ?? 0) + items.length,
        };
        writeState(logDir, state);
      }
      if (!backfilled) removeItems(logDir, names);
    }
    if (state.failures || state.failingSince) writeState(logDir, { ...state, failures: 0, failingSince: undefined, nextAttemptAt: undefined });
    return { shipped, pending: listQueued(logDir).length };
  } catch (error) {
    return { shipped, pending: listQueued(logDir).length, error: error instanceof Error ? error.name : 'error' };
  } finally {
    lock.release();
  }
}

/** Export settings that can ship: an endpoint, and not switched off. */
export function canExport(settings: ExportSettings | undefined): settings is ExportSettings & { endpoint: string } {
  return !!settings?.endpoint && settings.enabled !== false;
}
