import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import type { NewActivityEvent } from '../../core/log/event-factory';
import { hookCommand } from '../../core/protection/hook-config';
import { hookEntryChange, hookEntryChangeTitle } from '../../core/protection/hook-entry-change';
import { isOwnWrite } from '../../core/protection/own-writes';
import type { HookTarget } from './hook-targets';

/** Editors and agents write in bursts (temp file, rename, format on save): judge the file once it settles. */
const SETTLE_MS = 400;

export interface AirlockFileWatcherDeps {
  /** The hook files Airlock can install (workspace and user). */
  targets(): HookTarget[];
  /** Airlock's policy files (user and repository). */
  policyFiles(): string[];
  /** True while Airlock's install memory holds this file (it installed its entry and has not removed it). */
  installed(path: string): boolean;
  /** The launcher the installed entries name. */
  launcher(): string;
  record(event: NewActivityEvent): Promise<void>;
  /** Warns the person and checks protection again. */
  alert(title: string, detail: string): void;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Watches the hook files Airlock installed and Airlock's policy files, whatever writes them (any
 * agent, any process): Airlock's entry removed or altered, or a policy changed, by anything but
 * Airlock itself, is logged and the person warned. Airlock's own writes are known by their bytes.
 */
export class AirlockFileWatcher implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly seen = new Map<string, string | undefined>();

  constructor(private readonly deps: AirlockFileWatcherDeps) {
    this.rebuild();
  }

  /** Watches the current set of files (after workspace folders change). */
  rebuild(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const paths = [...new Set([...this.deps.targets().map((t) => t.path), ...this.deps.policyFiles()])];
    for (const path of paths) {
      if (!this.seen.has(path)) this.seen.set(path, read(path));
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dirname(path)), basename(path)));
      const changed = () => this.schedule(path);
      watcher.onDidChange(changed);
      watcher.onDidCreate(changed);
      watcher.onDidDelete(changed);
      this.watchers.push(watcher);
    }
  }

  private schedule(path: string): void {
    clearTimeout(this.timers.get(path));
    this.timers.set(
      path,
      setTimeout(() => {
        this.timers.delete(path);
        void this.judge(path);
      }, SETTLE_MS),
    );
  }

  private async judge(path: string): Promise<void> {
    const text = read(path);
    if (this.seen.get(path) === text) return;
    this.seen.set(path, text);
    const target = this.deps.targets().find((t) => t.path === path);
    let title: string | undefined;
    if (target) {
      const change = hookEntryChange({
        format: target.format,
        text,
        command: hookCommand(this.deps.launcher(), target.agent),
        installedByAirlock: this.deps.installed(path),
        ownWrite: isOwnWrite(path, text),
      });
      if (change === 'removed' || change === 'altered') title = hookEntryChangeTitle(change, target.label);
    } else if (!isOwnWrite(path, text)) {
      title = `Airlock's policy ${path} was ${text === undefined ? 'deleted' : 'changed'} outside Airlock`;
    }
    if (!title) return;
    await this.deps
      .record({
        kind: 'protection-gap',
        actor: 'unknown',
        file: path,
        severity: 'high',
        reason: title,
        details: { watcher: true, observeOnly: true },
      })
      .catch(() => undefined);
    this.deps.alert(
      title,
      target
        ? 'Airlock is checking its protection again; run Protect This Workspace to restore the hook.'
        : 'If you did not change it, check what did: the policy decides what Airlock asks about.',
    );
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
