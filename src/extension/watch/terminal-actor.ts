import type * as vscode from 'vscode';
import type { Requester } from '../../core/types';

/** Who runs commands in a terminal: agent terminals carry COPILOT_AGENT / CURSOR_AGENT in their environment. */
export function terminalActor(terminal: vscode.Terminal): Requester {
  const options = terminal.creationOptions as vscode.TerminalOptions;
  const env = options?.env ?? {};
  if (env.COPILOT_AGENT) return 'copilot';
  if (env.CURSOR_AGENT) return 'cursor';
  if (/copilot/i.test(terminal.name)) return 'copilot';
  return 'terminal';
}
