import * as vscode from 'vscode';
import type { ActivityService } from './activity-service';
import type { StoredActivity } from './activity-store';
import type { ActivityNode, ActivityTreeModel } from './activity-tree-model';
import { presentEvent } from './event-presentation';

/** What `api.activity.treeSnapshot()` returns: the tree as a person sees it. */
export interface TreeSnapshotNode {
  id?: string;
  label: string;
  description?: string;
  icon?: string;
  iconColor?: string;
  contextValue?: string;
  tooltip?: string;
  children?: TreeSnapshotNode[];
}

/** Adapts the model to VS Code's TreeView; refreshes are debounced so a burst of events is one repaint. */
export class ActivityTreeProvider implements vscode.TreeDataProvider<ActivityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ActivityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscription: { dispose(): void };

  constructor(
    readonly model: ActivityTreeModel,
    private readonly service: ActivityService,
    /** Why an event's line failed the last verification, if it did. */
    private readonly problemOf: (stored: StoredActivity) => string | undefined = () => undefined,
  ) {
    this.subscription = service.store.onDidChange(() => this.refreshSoon());
  }

  refreshSoon(delay = 150): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.changed.fire(undefined);
    }, delay);
  }

  refreshNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.changed.fire(undefined);
  }

  getChildren(node?: ActivityNode): ActivityNode[] {
    return this.model.children(node);
  }

  getParent(node: ActivityNode): ActivityNode | undefined {
    return this.model.parentOf(node);
  }

  getTreeItem(node: ActivityNode): vscode.TreeItem {
    switch (node.type) {
      case 'day': {
        const item = new vscode.TreeItem(
          node.label,
          node === this.model.roots()[0] ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.id = `day:${node.key}`;
        item.description = countText(node.count, node.blocked);
        item.iconPath = new vscode.ThemeIcon('calendar');
        item.contextValue = 'airlockDay';
        return item;
      }
      case 'session': {
        const newestDay = this.model.roots()[0];
        const firstSession = newestDay && node.day === newestDay.key && this.model.children(newestDay)[0] === node;
        const item = new vscode.TreeItem(node.label, firstSession ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `session:${node.day}:${node.key}`;
        item.description = `${countText(node.count, node.blocked)} · ${clock(node.first)}–${clock(node.last)}`;
        item.iconPath = themeIcon(item, ACTOR_ICONS[node.actor] ?? 'account', node.blocked ? 'testing.iconFailed' : undefined);
        item.tooltip = node.session ? `${node.label}\nSession id: ${node.session}` : node.label;
        item.contextValue = 'airlockSession';
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`Show ${Math.min(this.model.pageSize, node.remaining)} more…`, vscode.TreeItemCollapsibleState.None);
        item.id = `more:${node.day}:${node.session}:${node.shown}`;
        item.description = `${node.remaining} older`;
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: 'airlock.activity.showMore', title: 'Show More', arguments: [node] };
        return item;
      }
      case 'event': {
        const { event } = node.stored;
        const look = presentEvent(event, this.service.rootOf(node.stored.source), this.problemOf(node.stored), node.ran?.event);
        const item = new vscode.TreeItem(look.label, vscode.TreeItemCollapsibleState.None);
        item.id = `event:${event.id}`;
        item.description = look.description;
        item.iconPath = themeIcon(item, look.icon.id, look.icon.color);
        const tooltip = new vscode.MarkdownString(look.tooltip);
        tooltip.isTrusted = false;
        tooltip.supportHtml = false;
        item.tooltip = tooltip;
        item.contextValue = look.contextValue;
        item.command = { command: 'airlock.activity.showDetails', title: 'Show Details', arguments: [event.id] };
        item.accessibilityInformation = { label: `${look.label}, ${look.description}` };
        return item;
      }
    }
  }

  /** The visible tree: days, sessions and each session's first page, as items. */
  snapshot(): TreeSnapshotNode[] {
    const walk = (nodes: ActivityNode[]): TreeSnapshotNode[] =>
      nodes.map((node) => {
        const item = this.getTreeItem(node);
        const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
        const children = node.type === 'day' || node.type === 'session' ? walk(this.getChildren(node)) : undefined;
        return {
          id: item.id,
          label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
          description: typeof item.description === 'string' ? item.description : undefined,
          icon: icon?.id,
          iconColor: iconColors.get(item),
          contextValue: item.contextValue,
          tooltip: item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : typeof item.tooltip === 'string' ? item.tooltip : undefined,
          ...(children ? { children } : {}),
        };
      });
    return walk(this.model.roots());
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscription.dispose();
    this.changed.dispose();
  }
}

const ACTOR_ICONS: Record<string, string> = { terminal: 'terminal', cursor: 'hubot', claude: 'hubot', copilot: 'hubot', cli: 'console', unknown: 'shield' };

/** ThemeColor hides its id; the snapshot needs it, so remember it per item. */
const iconColors = new WeakMap<vscode.TreeItem, string>();

function themeIcon(item: vscode.TreeItem, id: string, color?: string): vscode.ThemeIcon {
  if (color) iconColors.set(item, color);
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

function countText(count: number, blocked: number): string {
  return `${count} action${count === 1 ? '' : 's'}${blocked ? ` · ${blocked} blocked` : ''}`;
}

function clock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hour12: false });
}
