import * as vscode from 'vscode';
import type { TokenFinding } from '../../core/tokens/index';

/** A finding with the folder it belongs to (findings carry folder-relative paths). */
export interface WorkspaceFinding extends TokenFinding {
  folder: vscode.Uri;
  uri: vscode.Uri;
}

/**
 * The findings of every workspace folder, by file. Only findings are kept (never file text),
 * so memory stays flat however large the workspace.
 */
export class TokenStore implements vscode.Disposable {
  private readonly byFile = new Map<string, WorkspaceFinding[]>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChange = this.changed.event;

  setFile(uri: vscode.Uri, findings: WorkspaceFinding[]): void {
    const key = uri.toString();
    const before = this.byFile.get(key);
    if (findings.length === 0) {
      if (!before) return;
      this.byFile.delete(key);
    } else {
      this.byFile.set(key, findings);
    }
    this.changed.fire([uri]);
  }

  /** Replaces everything under a folder after a full scan. */
  replaceFolder(folder: vscode.Uri, findings: WorkspaceFinding[]): void {
    const prefix = folder.toString() + '/';
    const touched: vscode.Uri[] = [];
    for (const key of [...this.byFile.keys()]) {
      if (key.startsWith(prefix)) {
        touched.push(vscode.Uri.parse(key));
        this.byFile.delete(key);
      }
    }
    for (const f of findings) {
      const key = f.uri.toString();
      const list = this.byFile.get(key) ?? [];
      if (list.length === 0) {
        this.byFile.set(key, list);
        touched.push(f.uri);
      }
      list.push(f);
    }
    this.changed.fire(touched);
  }

  forFile(uri: vscode.Uri): WorkspaceFinding[] {
    return this.byFile.get(uri.toString()) ?? [];
  }

  files(): vscode.Uri[] {
    return [...this.byFile.keys()].sort().map((k) => vscode.Uri.parse(k));
  }

  all(): WorkspaceFinding[] {
    return [...this.byFile.values()].flat();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
