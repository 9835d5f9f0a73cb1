import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { ActivityEvent } from '../../core/events';
import { type ExportFormat, exportEvents } from '../../core/log/export';
import { type VerifyReport, verifyLogAsync } from '../../core/log/verify';
import { disableRuleInWorkspace } from '../../core/policy/trust-rule';
import type { ActivityService } from './activity-service';
import type { StoredActivity } from './activity-store';
import { ActivityTreeProvider, type TreeSnapshotNode } from './activity-tree';
import { type ActivityFilters, type ActivityNode, ActivityTreeModel, type MoreNode } from './activity-tree-model';
import { DetailsPanel } from './details-panel';
import { ownerIndex } from './event-routing';

/** Result of the last verification of each workspace log. */
export interface LogVerification {
  logDir: string;
  report: VerifyReport;
}

/**
 * The Activity view: the tree, its filters (as context keys for the title actions), the
 * details panel, and the warning shown when the log fails verification.
 */
export class ActivityView implements vscode.Disposable {
  readonly model: ActivityTreeModel;
  readonly provider: ActivityTreeProvider;
  readonly treeView: vscode.TreeView<ActivityNode>;
  readonly details: DetailsPanel;
  private verifications: LogVerification[] = [];
  /** Per log (source index): seq → why that line failed the last verification. */
  private suspects = new Map<number, Map<number, string>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly service: ActivityService,
    extensionUri: vscode.Uri,
    pageSize: number,
  ) {
    this.model = new ActivityTreeModel(service.store, pageSize);
    const problemOf = (stored: StoredActivity) => this.suspects.get(stored.source)?.get(stored.seq);
    this.provider = new ActivityTreeProvider(this.model, service, problemOf);
    this.treeView = vscode.window.createTreeView('airlock.activity', { treeDataProvider: this.provider, showCollapseAll: true });
    this.details = new DetailsPanel(extensionUri, (stored) => service.workspaceLogs[stored.source]?.log.dir, problemOf);
    this.disposables.push(this.treeView, this.provider, this.details);
    this.disposables.push(new vscode.Disposable(service.store.onDidChange(() => this.updateChrome()).dispose));
    this.updateChrome();
  }

  get filters(): ActivityFilters {
    return this.model.currentFilters;
  }

  get lastVerification(): readonly LogVerification[] {
    return this.verifications;
  }

  isFiltered(): boolean {
    return this.model.isFiltered();
  }

  setFilters(filters: Partial<ActivityFilters>): void {
    this.model.setFilters(filters);
    this.updateChrome();
    this.provider.refreshNow();
  }

  refresh(): void {
    this.service.store.refresh();
    this.provider.refreshNow();
  }

  showMore(node: unknown): void {
    if (!node || typeof node !== 'object' || (node as MoreNode).type !== 'more') return;
    this.model.showMore(node as MoreNode);
    this.provider.refreshNow();
  }

  snapshot(): TreeSnapshotNode[] {
    return this.provider.snapshot();
  }

  /** An event from a command argument: a tree node, an event id, or the selection. */
  eventFrom(arg: unknown): ActivityEvent | undefined {
    if (typeof arg === 'string') return this.service.store.get(arg)?.event;
    if (arg && typeof arg === 'object' && (arg as ActivityNode).type === 'event') return (arg as { stored: StoredActivity }).stored.event;
    const selected = this.treeView.selection[0];
    return selected?.type === 'event' ? selected.stored.event : undefined;
  }

  showDetails(id: string): { title: string; html: string } | undefined {
    const stored = this.service.store.get(id);
    if (!stored) {
      void vscode.window.showWarningMessage('That event is no longer in the activity log view.');
      return undefined;
    }
    return this.details.show(stored);
  }

  /** Verifies every log; at startup a failure becomes a warning on the view and is itself logged. */
  async verify(interactive: boolean): Promise<LogVerification[]> {
    const results: LogVerification[] = [];
    for (const { log } of this.service.workspaceLogs) {
      results.push({ logDir: log.dir, report: await verifyLogAsync(log.dir, this.service.anchorFor(log.dir), undefined, { key: this.service.logKey }) });
    }
    this.verifications = results;
    this.suspects = new Map(
      results.map((result, source) => [
        source,
        new Map(
          result.report.issues
            .filter(
              (issue) =>
                issue.seq !== undefined && (issue.kind === 'edited' || issue.kind === 'rewritten' || issue.kind === 'chain-break' || issue.kind === 'forged'),
            )
            .map((issue) => [issue.seq!, issue.message] as [number, string]),
        ),
      ]),
    );
    this.updateChrome();
    this.provider.refreshNow();
    const broken = results.filter((r) => !r.report.ok);
    const torn = results.flatMap((r) => r.report.issues.filter((i) => i.kind === 'torn'));
    const [firstBroken] = broken;
    if (firstBroken) {
      const message = `Airlock's activity log failed verification: ${firstBroken.report.firstBreak!.message}. Someone or something changed it outside Airlock.`;
      void vscode.window.showWarningMessage(message, 'Open Log Folder').then((choice) => choice && this.openLogFolder());
    } else if (interactive) {
      const lines = results.reduce((n, r) => n + r.report.lines, 0);
      void vscode.window.showInformationMessage(
        `Activity log intact: ${lines} line${lines === 1 ? '' : 's'}, hash chain unbroken.${torn[0] ? ` ${torn[0].message}.` : ''}`,
      );
    }
    return results;
  }

  async exportTo(path: string, format: ExportFormat, visibleOnly = false): Promise<number> {
    // Every event the filters let through, not just the pages on screen.
    const events = (visibleOnly ? this.model.filteredEvents() : this.service.store.all()).map((s) => s.event);
    const verification = this.verifications.length ? (this.verifications.every((v) => v.report.ok) ? 'verified, unbroken' : 'verification FAILED') : undefined;
    const workspace =
      this.service.workspaceLogs
        .map((l) => l.root)
        .filter(Boolean)
        .join(', ') || undefined;
    await writeFile(path, exportEvents(events, format, { workspace, verified: verification }), { encoding: 'utf8', mode: 0o600 });
    return events.length;
  }

  async trustRule(event: ActivityEvent): Promise<void> {
    if (!event.rule) return;
    const logs = this.service.workspaceLogs;
    const root =
      logs[
        ownerIndex(
          event,
          logs.map((l) => l.root),
        )
      ]?.root;
    if (!root) {
      void vscode.window.showWarningMessage('Open a folder first: a rule is trusted per workspace.');
      return;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(
        'Trust this workspace first (Workspaces: Manage Workspace Trust): Airlock does not loosen its rules in an untrusted workspace.',
      );
      return;
    }
    const choice = await vscode.window.showWarningMessage(
      `Stop asking about "${event.rule}" in ${root}?`,
      {
        modal: true,
        detail: `Commands matching this rule will run in this workspace without a confirmation, for agents too. This is written to your user-level Airlock policy (never to the repository) and can be undone there.\n\nRule: ${event.rule}\nWorkspace: ${root}`,
      },
      'Trust Rule',
    );
    if (choice !== 'Trust Rule') return;
    let policyPath: string;
    try {
      policyPath = disableRuleInWorkspace(event.rule, root);
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not trust ${event.rule}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    await this.service.record({
      kind: 'airlock',
      actor: 'unknown',
      rule: event.rule,
      cwd: root,
      decidedBy: 'person',
      reason: `The person trusted rule ${event.rule} in this workspace: it no longer asks here.`,
    });
    const open = await vscode.window.showInformationMessage(
      `Airlock no longer asks about ${event.rule} in this workspace (${policyPath}).`,
      'Open Policy File',
    );
    if (open) await vscode.window.showTextDocument(vscode.Uri.file(policyPath));
  }

  openLogFolder(): Thenable<unknown> {
    const dir = this.service.workspaceLogs[0]?.log.dir;
    if (!dir) return Promise.resolve();
    return vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(dir));
  }

  /** Context keys for the title actions, the filter summary, and the verification warning. */
  private updateChrome(): void {
    const f = this.model.currentFilters;
    void vscode.commands.executeCommand('setContext', 'airlock.activity.agentOnly', f.agentOnly);
    void vscode.commands.executeCommand('setContext', 'airlock.activity.blockedOnly', f.blockedOnly);
    void vscode.commands.executeCommand('setContext', 'airlock.activity.productionOnly', f.productionOnly);
    void vscode.commands.executeCommand('setContext', 'airlock.activity.filtered', this.model.isFiltered());
    void vscode.commands.executeCommand('setContext', 'airlock.activity.hasEvents', this.service.store.size > 0);
    const active = [f.agentOnly && 'agents', f.blockedOnly && 'blocked', f.productionOnly && 'production', f.text && `"${f.text}"`].filter(Boolean);
    this.treeView.description = active.length ? `Filtered: ${active.join(', ')}` : undefined;
    const broken = this.verifications.find((v) => !v.report.ok);
    const unreadable = this.service.store.unreadableLines;
    this.treeView.message = !this.service.store.loaded
      ? 'Loading the activity log…'
      : broken
        ? `⚠ The activity log failed verification: ${broken.report.firstBreak!.message}. It may have been edited outside Airlock.`
        : this.service.problems.length
          ? `⚠ ${this.service.problems[0]}`
          : unreadable > 0
            ? `⚠ ${unreadable} log line${unreadable === 1 ? '' : 's'} could not be read (a crash while writing?). Run "Airlock: Verify Activity Log".`
            : undefined;
    const blocked = this.service.store.blockedToday();
    this.treeView.badge = blocked ? { value: blocked, tooltip: `${blocked} action${blocked === 1 ? '' : 's'} blocked today` } : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
