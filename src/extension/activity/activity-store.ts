import type { ActivityEvent } from '../../core/events';
import type { ActivityLog, ReadCursor } from '../../core/log/activity-log';

/** An event as the sidebar holds it: the event, where it is in its log, and cached keys. */
export interface StoredActivity {
  event: ActivityEvent;
  seq: number;
  /** Index of the log (workspace folder) it came from. */
  source: number;
  /** Milliseconds since the epoch (NaN-safe: unparsable times sort as 0). */
  at: number;
  /** The agent session (or actor) the sidebar groups it under. */
  group: string;
}

interface Source {
  log: ActivityLog;
  cursor: ReadCursor;
}

/**
 * Every event of the workspace's logs in memory, oldest first, kept current with appends from
 * any process (hooks answering without the editor write to the same files). No vscode import:
 * the unit tests drive it directly.
 */
export class ActivityStore {
  private sources: Source[];
  private events: StoredActivity[] = [];
  /** Built on first use: loading 100,000 events should not pay for a map nobody asked for yet. */
  private byIdIndex: Map<string, StoredActivity> | undefined;
  private readonly listeners = new Set<() => void>();
  private version = 0;
  unreadableLines = 0;

  constructor(logs: ActivityLog[]) {
    this.sources = logs.map((log) => ({ log, cursor: { ino: 0, offset: 0 } }));
  }

  get logs(): ActivityLog[] {
    return this.sources.map((s) => s.log);
  }

  /** Bumped on every change: views cache what they computed per version. */
  get changeVersion(): number {
    return this.version;
  }

  get size(): number {
    return this.events.length;
  }

  /** Oldest first. Do not mutate. */
  all(): readonly StoredActivity[] {
    return this.events;
  }

  get(id: string): StoredActivity | undefined {
    return this.byId().get(id);
  }

  private byId(): Map<string, StoredActivity> {
    if (!this.byIdIndex) {
      this.byIdIndex = new Map();
      for (const stored of this.events) this.byIdIndex.set(stored.event.id, stored);
    }
    return this.byIdIndex;
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Blocked actions since local midnight: a walk back from the newest event. */
  blockedToday(now = new Date()): number {
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
    let count = 0;
    // One event per blocked action: the gate's own decision, or the person's (or timeout's) answer.
    for (let i = this.events.length - 1; i >= 0 && this.events[i]!.at >= midnight; i--) if (this.events[i]!.event.decision === 'deny') count++;
    return count;
  }

  /** Whether the logs were read since the last `setLogs`. */
  get loaded(): boolean {
    return this.isLoaded;
  }

  private isLoaded = false;

  /** Switches to another set of logs (workspace folders changed); read them with `load` (or the next `refresh`). */
  setLogs(logs: ActivityLog[]): void {
    this.sources = logs.map((log) => ({ log, cursor: { ino: 0, offset: 0 } }));
    this.events = [];
    this.byIdIndex = undefined;
    this.isLoaded = false;
    this.changed();
  }

  /** Reads every log from the start. */
  load(): void {
    this.events = [];
    this.byIdIndex = undefined;
    this.unreadableLines = 0;
    this.isLoaded = true;
    for (const [index, source] of this.sources.entries()) this.loadSource(source, index);
    this.events.sort(byTime);
    this.changed();
  }

  private loadSource(source: Source, index: number): void {
    const result = source.log.read();
    source.cursor = result.cursor;
    this.unreadableLines += result.unreadableLines;
    for (const stored of result.events) this.events.push(this.wrap(stored.event, stored.seq, index));
  }

  /**
   * Picks up lines appended since the last read, by this process or another. Returns how many
   * events were new. A rotated or replaced file is read again from the start.
   */
  refresh(): number {
    if (!this.isLoaded) {
      this.load();
      return this.events.length;
    }
    const before = this.events.length;
    let reload = false;
    this.sources.forEach((source, index) => {
      const since = source.log.readSince(source.cursor);
      if (!since) {
        reload = true;
        return;
      }
      source.cursor = since.cursor;
      this.unreadableLines += since.unreadableLines;
      for (const stored of since.events) this.add(stored.event, stored.seq, index);
    });
    if (reload) {
      this.load();
      return Math.max(0, this.events.length - before);
    }
    const added = this.events.length - before;
    if (added > 0) this.changed();
    return added;
  }

  private wrap(event: ActivityEvent, seq: number, source: number): StoredActivity {
    const parsed = Date.parse(event.time);
    return { event, seq, source, at: Number.isNaN(parsed) ? 0 : parsed, group: sessionKey(event) };
  }

  /** Adds a line read after the initial load, in time order, once (a reload may see it again). */
  private add(event: ActivityEvent, seq: number, source: number): void {
    const byId = this.byId();
    if (byId.has(event.id)) return;
    const stored = this.wrap(event, seq, source);
    byId.set(event.id, stored);
    const last = this.events.at(-1);
    if (!last || last.at <= stored.at) {
      this.events.push(stored);
      return;
    }
    // Another process's line, or a clock step back: insert in place (rare; binary search).
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.events[mid]!.at <= stored.at) low = mid + 1;
      else high = mid;
    }
    this.events.splice(low, 0, stored);
  }

  private changed(): void {
    this.version++;
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        /* a listener's bug must not stop the others */
      }
    }
  }
}

export function sessionKey(event: ActivityEvent): string {
  return event.session ? `${event.actor}:${event.session}` : event.actor;
}

function byTime(a: StoredActivity, b: StoredActivity): number {
  return a.at - b.at;
}
