import * as vscode from 'vscode';
import type { Layer } from './protection-model';

const ICONS: Record<Layer['state'], [string, string]> = {
  on: ['pass-filled', 'testing.iconPassed'],
  off: ['error', 'errorForeground'],
  stale: ['warning', 'list.warningForeground'],
  unverified: ['warning', 'list.warningForeground'],
  warning: ['warning', 'list.warningForeground'],
  'not-needed': ['circle-slash', 'disabledForeground'],
};

/** The Protection view: one row per layer; a gap's row runs its fix when clicked. */
export class ProtectionView implements vscode.TreeDataProvider<Layer> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly layers: () => Layer[]) {}

  refresh(): void {
    this.changed.fire();
  }

  getChildren(element?: Layer): Layer[] {
    return element ? [] : this.layers();
  }

  getTreeItem(layer: Layer): vscode.TreeItem {
    const item = new vscode.TreeItem(layer.label, vscode.TreeItemCollapsibleState.None);
    const [icon, color] = ICONS[layer.state];
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    item.description =
      layer.state === 'not-needed'
        ? 'not detected'
        : layer.state === 'on' && layer.id.startsWith('hook-')
          ? (/verified [^(.]+/.exec(layer.detail)?.[0] ?? 'on')
          : layer.state === 'unverified'
            ? 'not verified'
            : layer.state;
    item.tooltip = new vscode.MarkdownString(`**${layer.label}**: ${layer.detail}${layer.fix ? `\n\nFix: ${layer.fix.title}` : ''}`);
    item.id = layer.id;
    item.contextValue = `airlock.layer.${layer.state}`;
    if (layer.fix && layer.state !== 'on') item.command = { title: layer.fix.title, command: layer.fix.command, arguments: layer.fix.args };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
