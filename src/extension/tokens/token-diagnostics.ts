import * as vscode from 'vscode';
import { diagnosticMessage } from '../../core/tokens/index';
import type { Severity } from '../../core/types';
import type { TokenStore, WorkspaceFinding } from './token-store';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  critical: vscode.DiagnosticSeverity.Error,
  high: vscode.DiagnosticSeverity.Error,
  medium: vscode.DiagnosticSeverity.Warning,
  low: vscode.DiagnosticSeverity.Information,
};

export function findingRange(f: WorkspaceFinding): vscode.Range {
  return new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1);
}

/** Findings as Problems: source `Airlock`, code = the token type, severity from the blast radius. */
export class TokenDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('airlock-tokens');
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: TokenStore) {
    this.subscription = store.onDidChange((uris) => {
      for (const uri of uris) this.update(uri);
    });
  }

  private update(uri: vscode.Uri): void {
    const findings = this.store.forFile(uri);
    if (findings.length === 0) {
      this.collection.delete(uri);
      return;
    }
    this.collection.set(
      uri,
      findings.map((f) => {
        const d = new vscode.Diagnostic(findingRange(f), diagnosticMessage(f), SEVERITY[f.severity]);
        d.source = 'Airlock';
        d.code = f.type;
        return d;
      }),
    );
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
