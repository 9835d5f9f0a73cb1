/**
 * Reads the local log's lines as `{ seq, hash, event }`, for the flusher's backfill (events the
 * bounded queue did not hold) and for `airlock log --verify --against`. It reads the field names
 * the log writes (`seq`, `hash`, `event`) and checks nothing: `airlock log --verify` checks the chain.
 */
import { readFileSync } from 'node:fs';
import type { ActivityEvent } from '../events';
import { chainFiles } from '../log/files';

export interface LocalLine {
  seq: number;
  hash: string;
  event: ActivityEvent;
}

/** Lines with `from <= seq <= to`, in chain order, at most `limit`. Unreadable lines are skipped. */
export function readLogLines(logDir: string, from = 0, to = Number.MAX_SAFE_INTEGER, limit = Number.MAX_SAFE_INTEGER): LocalLine[] {
  const out: LocalLine[] = [];
  for (const path of chainFiles(logDir)) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (!line) continue;
      // Cheap skip before parsing: the seq is at the start of every line.
      const seq = Number(/^\{"seq":(\d{1,15}),/.exec(line)?.[1] ?? NaN);
      if (!Number.isSafeInteger(seq) || seq < from || seq > to) continue;
      try {
        const parsed = JSON.parse(line) as { seq?: unknown; hash?: unknown; event?: unknown };
        if (typeof parsed.hash === 'string' && parsed.event && typeof parsed.event === 'object')
          out.push({ seq, hash: parsed.hash, event: parsed.event as ActivityEvent });
      } catch {
        /* a torn or damaged line: --verify reports it */
      }
      if (out.length >= limit) return out;
    }
  }
  return out;
}
