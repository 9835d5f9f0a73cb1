import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Which agents may run here: the editor itself (Cursor, VS Code with Copilot) and agent folders. */
export function detectAgents(root: string | undefined): Record<'cursor' | 'claude' | 'vscode', boolean> {
  const inCursor = /cursor/i.test(vscode.env.appName) || vscode.env.uriScheme === 'cursor';
  const has = (name: string) => root !== undefined && existsSync(join(root, name));
  const copilot = vscode.extensions.getExtension('GitHub.copilot-chat') !== undefined || vscode.extensions.getExtension('GitHub.copilot') !== undefined;
  return {
    cursor: inCursor || has('.cursor'),
    claude: has('.claude') || has('CLAUDE.md') || existsSync(join(homedir(), '.claude')),
    vscode: !inCursor && (copilot || has('.github/hooks')),
  };
}
