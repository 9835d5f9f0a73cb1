import { type FSWatcher, mkdirSync, watch } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ActivityEvent } from '../../core/events';
import { ActivityLog, DEFAULT_MAX_FILE_BYTES } from '../../core/log/activity-log';
import { completeEvent, type NewActivityEvent } from '../../core/log/event-factory';
import type { LogKey } from '../../core/log/key';
import { logFolderName, registerLogDir } from '../../core/log/location';
import { redactEvent } from '../../core/log/redact-event';
import { type ChainAnchor, type VerifyReport, verifyLogAsync } from '../../core/log/verify';
import { ActivityStore } from './activity-store';
import { ownerIndex } from './event-routing';

/** One workspace folder's log (or the window's own when no folder is open). */
export interface WorkspaceLog {
  root?: string;
  log: ActivityLog;
}

/**
 * The one way the extension records activity: gates, terminal watching, the token scanner.
 * `record` redacts every free-text field, writes the line and resolves only once it is on disk,
 * so a caller can log a decision before answering it. Lines appended by other processes
 * (`airlock hook` with no editor reachable) show up too: the log folders are watched.
 */
export class ActivityService implements vscode.Disposable {
  readonly store = new ActivityStore([]);
  private logs: WorkspaceLog[] = [];
  private watchers: FSWatcher[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  /** Settles once the history is in the store. */
  loaded: Promise<void> = Promise.resolve();
  /** What went wrong opening the logs, for the view's message (never thrown at activation). */
  readonly problems: string[] = [];
  private readonly recorded = new vscode.EventEmitter<ActivityEvent>();
  /** Fires after an event is durable in the log (its strings already redacted). */
  readonly onDidRecord = this.recorded.event;

  constructor(
    private readonly globalStorage: string,
    private readonly maxFileBytes: () => number,
    /** The editor's own storage, outside the log folder: holds each log's anchor (see verify.ts). */
    private readonly state?: vscode.Memento,
    /** The log key from SecretStorage: this editor's lines and head records carry its MAC (core/log/key.ts). */
    readonly logKey?: LogKey,
  ) {}

  /**
   * Verifies one of this editor's logs with the log key and the anchor this editor remembers
   * (and a caller's own anchor, when given): what `airlock log --verify` asks the editor for.
   * Undefined for a folder that is not one of this window's logs.
   */
  async verifyDir(dir: string, anchor?: ChainAnchor): Promise<VerifyReport | undefined> {
    if (!this.logs.some((l) => l.log.dir === dir)) return undefined;
    const own = await verifyLogAsync(dir, this.anchorFor(dir), undefined, { key: this.logKey });
    if (!anchor || !own.ok) return own;
    return verifyLogAsync(dir, anchor, undefined, { key: this.logKey });
  }

  /** The last line this extension wrote to a log, if it remembers one. */
  anchorFor(dir: string): ChainAnchor | undefined {
    const anchor = this.state?.get<ChainAnchor>(anchorKey(dir));
    return anchor && typeof anchor.seq === 'number' && typeof anchor.hash === 'string' ? anchor : undefined;
  }

  get workspaceLogs(): readonly WorkspaceLog[] {
    return this.logs;
  }

  /** Opens (and registers for the CLI) one log per workspace folder, then loads them. */
  async open(roots: readonly string[]): Promise<void> {
    this.problems.length = 0;
    const maxFileBytes = this.maxFileBytes() || DEFAULT_MAX_FILE_BYTES;
    const logs: WorkspaceLog[] = [];
    for (const root of roots) {
      const preferred = join(this.globalStorage, 'logs', logFolderName(root));
      let dir = preferred;
      try {
        dir = await registerLogDir(root, preferred, process.env, maxFileBytes);
      } catch (error) {
        // The per-user index is not writable: still log (in global storage); only the CLI cannot find it.
        this.problems.push(
          `The per-user log index could not be updated (${error instanceof Error ? error.message : String(error)}); \`airlock log\` will not find this workspace's log.`,
        );
      }
      logs.push({ root, log: new ActivityLog(dir, { maxFileBytes, key: this.logKey }) });
    }
    if (logs.length === 0) logs.push({ log: new ActivityLog(join(this.globalStorage, 'logs', 'no-folder'), { maxFileBytes, key: this.logKey }) });
    this.logs = logs;
    this.store.setLogs(logs.map((l) => l.log));
    this.watch();
    // Read the history after activation returns: the gates activate next and must not wait for
    // 100,000 lines to parse. Recording works meanwhile (appends need no history).
    this.loaded = new Promise((resolve) =>
      setImmediate(() => {
        try {
          if (!this.store.loaded) this.store.load();
        } catch (error) {
          // An unreadable log must not take recording down: new events still append.
          this.problems.push(`The activity log could not be read: ${error instanceof Error ? error.message : String(error)}`);
        }
        resolve();
      }),
    );
  }

  async record(event: NewActivityEvent): Promise<ActivityEvent> {
    const complete = redactEvent(completeEvent(event));
    const log = this.logFor(complete);
    const written = await log.append(complete);
    // One key per log: windows of other workspaces never overwrite it with a stale copy.
    void Promise.resolve(this.state?.update(anchorKey(log.dir), { seq: written.seq, hash: written.hash })).catch(() => undefined);
    // The line is durable: a failure to read it back for the view must not fail the caller.
    try {
      this.store.refresh();
    } catch {
      /* the watcher or the Refresh command reads it later */
    }
    this.recorded.fire(complete);
    return complete;
  }

  /** The log of the folder holding the event's cwd or file; the first folder's otherwise. */
  logFor(event: Pick<ActivityEvent, 'cwd' | 'file'>): ActivityLog {
    const owner =
      this.logs[
        ownerIndex(
          event,
          this.logs.map((l) => l.root),
        )
      ];
    if (!owner) throw new Error('the activity log is not open yet');
    return owner.log;
  }

  rootOf(source: number): string | undefined {
    return this.logs[source]?.root;
  }

  /** Appends by other processes arrive as file changes; a short delay folds a burst into one read. */
  private watch(): void {
    this.unwatch();
    for (const { log } of this.logs) {
      try {
        mkdirSync(log.dir, { recursive: true, mode: 0o700 });
        const watcher = watch(log.dir, { persistent: false }, () => this.scheduleRefresh());
        watcher.on('error', () => watcher.close());
        this.watchers.push(watcher);
      } catch {
        // No file watching here (some remote file systems): the view refreshes on our own
        // records and on the Refresh command.
      }
    }
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      try {
        this.store.refresh();
      } catch {
        /* a file mid-rotation: the next change reads it */
      }
    }, 100);
  }

  private unwatch(): void {
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
  }

  dispose(): void {
    this.unwatch();
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.recorded.dispose();
  }
}

function anchorKey(dir: string): string {
  return `airlock.logAnchor:${dir}`;
}
