import * as vscode from 'vscode';
import { hoverMarkdown } from '../../core/tokens/index';
import { findingRange } from './token-diagnostics';
import type { TokenStore } from './token-store';

/** Over a finding: what the token can do, who can see it, what to do. */
export class TokenHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: TokenStore) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const finding = this.store.forFile(document.uri).find((f) => findingRange(f).contains(position));
    if (!finding) return undefined;
    const markdown = new vscode.MarkdownString(hoverMarkdown(finding), true);
    return new vscode.Hover(markdown, findingRange(finding));
  }
}
