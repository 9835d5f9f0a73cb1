import * as vscode from 'vscode';
import type { ActivityStore } from '../activity/activity-store';
import { currentProtectionStatus, onDidChangeProtectionStatus, type ProtectionLevel } from './protection-status';

const LEVEL_TEXT: Record<ProtectionLevel, string> = {
  protected: 'Protected',
  partial: 'Partly protected',
  off: 'Off',
  unknown: 'Unknown',
};

/**
 * The shield in the status bar: how protected this workspace is (from the gates feature's
 * provider) and how many actions Airlock blocked today. Clicking it opens the Activity view.
 */
export class ShieldStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('airlock.shield', vscode.StatusBarAlignment.Left, 100);
  private readonly subscriptions: Array<{ dispose(): void }> = [];
  private timer: NodeJS.Timeout | undefined;
  private midnight: NodeJS.Timeout | undefined;

  constructor(private readonly store: ActivityStore) {
    this.item.name = 'Airlock Protection';
    this.item.command = { command: 'airlock.activity.focus', title: 'Open Airlock Activity' };
    this.subscriptions.push(
      store.onDidChange(() => this.updateSoon()),
      onDidChangeProtectionStatus(() => this.update()),
    );
    this.subscriptions.push({
      dispose: () => {
        if (this.timer) clearTimeout(this.timer);
        if (this.midnight) clearTimeout(this.midnight);
      },
    });
    this.scheduleMidnight();
    this.update();
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  /** The count is "today": roll it over at midnight even when nothing happens. */
  private scheduleMidnight(): void {
    const next = new Date();
    next.setHours(24, 0, 1, 0);
    this.midnight = setTimeout(() => {
      this.update();
      this.scheduleMidnight();
    }, next.getTime() - Date.now());
  }

  private updateSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, 250);
  }

  update(): void {
    const status = currentProtectionStatus();
    const blocked = this.store.blockedToday();
    this.item.text = `$(shield) ${LEVEL_TEXT[status.level]}${blocked ? ` · ${blocked} blocked today` : ''}`;
    this.item.backgroundColor =
      status.level === 'off'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : status.level === 'partial'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**Airlock: ${LEVEL_TEXT[status.level].toLowerCase()}**\n\n`);
    if (status.detail) tooltip.appendText(`${status.detail}\n\n`);
    tooltip.appendMarkdown(`${blocked} action${blocked === 1 ? '' : 's'} blocked today.\n\nClick to open the Activity view.`);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Airlock ${LEVEL_TEXT[status.level]}, ${blocked} actions blocked today` };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
