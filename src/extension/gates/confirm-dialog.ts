import * as vscode from 'vscode';
import type { PersonAnswer, Prompter } from './confirmation-queue';
import type { ConfirmationView } from './confirmation-text';

const ALLOW = 'Allow once';
const BLOCK = 'Block';

/**
 * The editor's confirmation: a modal warning with Block (first: the primary, focused button, so
 * Enter blocks) and Allow once. Escape, closing and the editor's own Cancel resolve undefined,
 * which is Block. For production or unknown targets Allow opens a second step where the person
 * types the environment or resource name.
 */
export class ConfirmDialog implements Prompter {
  async ask(view: ConfirmationView, waiting: number): Promise<PersonAnswer> {
    const queueLine = waiting > 0 ? `\n\n${waiting} more request${waiting === 1 ? '' : 's'} waiting after this one.` : '';
    const choice = await vscode.window.showWarningMessage(
      view.title,
      { modal: true, detail: `${view.detail}${queueLine}` },
      { title: BLOCK },
      { title: ALLOW },
    );
    if (choice?.title !== ALLOW) return 'block';
    if (view.confirmation !== 'typed') return 'allow';
    const typed = await vscode.window.showInputBox({
      title: `Airlock: confirm ${view.environment.toUpperCase()}`,
      prompt: `Type “${view.typedAnswer}” to allow this once. Escape blocks it.`,
      placeHolder: view.typedAnswer,
      ignoreFocusOut: true,
      validateInput: (value) =>
        value.trim() === '' || value.trim() === view.typedAnswer ? undefined : `Type exactly “${view.typedAnswer}” to allow, or press Escape to block.`,
    });
    return typed?.trim() === view.typedAnswer ? 'allow' : 'block';
  }

  expired(view: ConfirmationView): void {
    void vscode.window.showWarningMessage(
      `Airlock: that request had already expired and was blocked (the agent stopped waiting). ${view.title.split('\n')[1] ?? ''}`,
    );
  }
}
