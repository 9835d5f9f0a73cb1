import * as vscode from 'vscode';
import { assessCommand } from '../../core/assess';
import type { CheckResult } from '../../core/findings';
import type { Requester } from '../../core/types';
import { editorPolicy } from '../policy';

/**
 * The guard engine as the modal uses it: the editor reads the command again itself, so what the
 * person sees comes from the editor's own analysis, not from what the caller claims.
 */
export function assessForGate(command: string, cwd: string, _requester: Requester): Promise<CheckResult> {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(cwd));
  return assessCommand(command, { cwd, workspaceRoot: folder?.uri.fsPath ?? cwd, policy: editorPolicy(cwd) });
}
