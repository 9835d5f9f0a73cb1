import * as vscode from 'vscode';

export const SHOW_ACTIVITY = 'Show Activity';
export const CHECK_PROTECTION = 'Check Protection';

/**
 * The warning for a change to Airlock's own files that Airlock could not stop (an agent's
 * observe-only edit event, or the watcher seeing its hook entry removed or changed). It never
 * waits on the person for anything: the change already happened and is already logged.
 * `detail` goes into the message itself: VS Code renders a non-modal message's `detail` nowhere.
 */
export async function warnSelfEdit(title: string, detail: string): Promise<void> {
  const choice = await vscode.window.showWarningMessage(`Airlock: ${title}. ${detail}`, SHOW_ACTIVITY, CHECK_PROTECTION);
  if (choice === SHOW_ACTIVITY) await vscode.commands.executeCommand('airlock.activity.focus');
  if (choice === CHECK_PROTECTION) await vscode.commands.executeCommand('airlock.showProtectionStatus');
}
