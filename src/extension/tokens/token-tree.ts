import * as vscode from 'vscode';
import { exposureSummary, hoverMarkdown, treeDescription, treeLabel } from '../../core/tokens/index';
import type { Severity } from '../../core/types';
import { findingRange } from './token-diagnostics';
import { tokenFileDescription } from './token-status';
import type { TokenStore, WorkspaceFinding } from './token-store';

type Node = { kind: 'file'; uri: vscode.Uri; findings: WorkspaceFinding[] } | { kind: 'finding'; finding: WorkspaceFinding };

const ICON: Record<Severity, vscode.ThemeIcon> = {
  critical: new vscode.ThemeIcon('key', new vscode.ThemeColor('errorForeground')),
  high: new vscode.ThemeIcon('key', new vscode.ThemeColor('list.errorForeground')),
  medium: new vscode.ThemeIcon('key', new vscode.ThemeColor('list.warningForeground')),
  low: new vscode.ThemeIcon('key'),
};
const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** What the tree shows, for the editor tests. */
export interface TokenTreeSnapshot {
  label: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  children?: TokenTreeSnapshot[];
}

/** The Exposed Tokens view: files (worst first), each with its findings. */
export class TokenTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly store: TokenStore) {
    // Coalesce bursts (a full scan updates many files) into one repaint.
    this.subscription = store.onDidChange(() => {
      if (this.timer) return;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.changed.fire(undefined);
      }, 150);
    });
  }

  roots(): Node[] {
    return this.store
      .files()
      .map((uri) => ({ kind: 'file' as const, uri, findings: [...this.store.forFile(uri)].sort((a, b) => a.line - b.line) }))
      .sort(
        (a, b) => worst(a.findings) - worst(b.findings) || Number(readable(b.findings)) - Number(readable(a.findings)) || a.uri.path.localeCompare(b.uri.path),
      );
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.roots();
    return node.kind === 'file' ? node.findings.map((finding) => ({ kind: 'finding' as const, finding })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'file') {
      const first = node.findings[0]!;
      const item = new vscode.TreeItem(first.file, vscode.TreeItemCollapsibleState.Expanded);
      item.resourceUri = node.uri;
      item.id = `file:${node.uri.toString()}`;
      const agents = readable(node.findings);
      item.iconPath = agents ? new vscode.ThemeIcon('unlock', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('lock');
      item.description = tokenFileDescription(node.findings);
      item.tooltip = new vscode.MarkdownString(
        `**${first.file}**\n\n${node.findings.length} exposed token(s), worst blast radius: ${bySeverity(node.findings)}.\n\nExposure: ${exposureSummary(first)}.`,
      );
      item.contextValue = `airlockTokenFile${agents ? ' agentReadable' : ''}`;
      return item;
    }
    const f = node.finding;
    const item = new vscode.TreeItem(treeLabel(f), vscode.TreeItemCollapsibleState.None);
    item.id = `finding:${f.uri.toString()}#${f.line}:${f.column}:${f.fingerprint}`;
    item.description = treeDescription(f);
    item.iconPath = ICON[f.severity];
    const tooltip = new vscode.MarkdownString(hoverMarkdown(f), true);
    item.tooltip = tooltip;
    item.contextValue = `airlockToken${f.agentReadable === false ? '' : ' agentReadable'}`;
    item.command = { command: 'vscode.open', title: 'Show token', arguments: [f.uri, { selection: findingRange(f) }] };
    item.accessibilityInformation = { label: `${f.title}, ${f.preview}, ${f.file} line ${f.line}, ${f.severity} blast radius, ${exposureSummary(f)}` };
    return item;
  }

  snapshot(): TokenTreeSnapshot[] {
    const describe = (node: Node): TokenTreeSnapshot => {
      const item = this.getTreeItem(node);
      const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
      const children = this.getChildren(node).map(describe);
      return {
        label: String(typeof item.label === 'string' ? item.label : item.label?.label),
        description: typeof item.description === 'string' ? item.description : undefined,
        tooltip,
        contextValue: item.contextValue,
        ...(children.length ? { children } : {}),
      };
    };
    return this.roots().map(describe);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function worst(findings: WorkspaceFinding[]): number {
  return Math.min(...findings.map((f) => RANK[f.severity]));
}

function readable(findings: WorkspaceFinding[]): boolean {
  return findings.some((f) => f.agentReadable !== false);
}

function bySeverity(findings: WorkspaceFinding[]): string {
  return (Object.keys(RANK) as Severity[]).find((s) => findings.some((f) => f.severity === s)) ?? 'low';
}
