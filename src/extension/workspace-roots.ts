import * as vscode from 'vscode';

/** The workspace folders on disk, in order: hooks, shims and the log find a window by these paths. */
export function fileWorkspaceRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}
