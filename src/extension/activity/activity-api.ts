import type * as vscode from 'vscode';
import type { ActivityEvent } from '../../core/events';
import type { NewActivityEvent } from '../../core/log/event-factory';
import type { ExportFormat } from '../../core/log/export';
import type { ChainAnchor, VerifyReport } from '../../core/log/verify';
import type { ProtectionStatusProvider } from '../status/protection-status';
import type { TreeSnapshotNode } from './activity-tree';
import type { ActivityFilters } from './activity-tree-model';
import type { LogVerification } from './activity-view';

/** `api.activity`: how other features record events, and how the editor tests see the view. */
export interface ActivityApi {
  /** Redacts, appends and fsyncs one event; resolves once it is durable (log before you answer). */
  record(event: NewActivityEvent): Promise<ActivityEvent>;
  /** Fires after an event is durable (strings already redacted). */
  onDidRecord: vscode.Event<ActivityEvent>;
  /** The Activity tree as a person sees it: days, sessions, each session's first page. */
  treeSnapshot(): TreeSnapshotNode[];
  /** Opens the details panel on one event; returns its title and page. */
  showDetails(id: string): { title: string; html: string } | undefined;
  detailsHtml(): string;
  filters(): ActivityFilters;
  setFilters(filters: Partial<ActivityFilters>): void;
  /** Writes an export; returns how many events it holds. */
  exportTo(path: string, format: ExportFormat, visibleOnly?: boolean): Promise<number>;
  verify(): Promise<LogVerification[]>;
  lastVerification(): readonly LogVerification[];
  logDirs(): string[];
  /** Verifies one of this window's logs with the log key (SecretStorage) and its anchor; for `airlock log --verify` over IPC. */
  verifyDir(dir: string, anchor?: ChainAnchor): Promise<VerifyReport | undefined>;
  /** Reads lines other processes appended and repaints now. */
  refresh(): void;
  statusBarText(): string;
  /** The warning above the tree (failed verification, unreadable lines), if any. */
  viewMessage(): string | undefined;
  /** The gates feature tells the shield how protected the workspace is. */
  setProtectionStatusProvider(provider: ProtectionStatusProvider): vscode.Disposable;
}
