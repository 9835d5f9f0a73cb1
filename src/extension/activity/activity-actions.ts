import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { ActivityEvent } from '../../core/events';

/** What a person can do with one event, from the context menu or the details panel. */
export const activityActions = {
  async copyCommand(event: ActivityEvent): Promise<void> {
    if (!event.command) return;
    // The command is the redacted one from the log: a secret in it stays a preview.
    await vscode.env.clipboard.writeText(event.command);
    vscode.window.setStatusBarMessage('$(check) Command copied (secrets stay redacted)', 3000);
  },

  async revealCwd(event: ActivityEvent): Promise<void> {
    if (!event.cwd) return;
    if (!existsSync(event.cwd)) {
      void vscode.window.showWarningMessage(`The working folder ${event.cwd} no longer exists.`);
      return;
    }
    const uri = vscode.Uri.file(event.cwd);
    if (vscode.workspace.getWorkspaceFolder(uri)) await vscode.commands.executeCommand('revealInExplorer', uri);
    else await vscode.commands.executeCommand('revealFileInOS', uri);
  },

  async openFile(event: ActivityEvent): Promise<void> {
    if (!event.file) return;
    const base = event.cwd ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const path = isAbsolute(event.file) || !base ? event.file : resolve(base, event.file);
    if (!existsSync(path)) {
      void vscode.window.showWarningMessage(`${path} no longer exists.`);
      return;
    }
    if (statSync(path).isDirectory()) {
      await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(path));
      return;
    }
    await vscode.window.showTextDocument(vscode.Uri.file(path), { preview: true });
  },
};
