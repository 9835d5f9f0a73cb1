import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ActivityEvent } from '../../core/events';
import { EXPORT_EXTENSIONS, type ExportFormat } from '../../core/log/export';
import { activityActions } from './activity-actions';
import type { ActivityFilters } from './activity-tree-model';
import type { ActivityView } from './activity-view';

/** Every Activity command; the palette shows those that make sense without a selected item. */
export function registerActivityCommands(view: ActivityView): vscode.Disposable[] {
  const eventOf = (arg: unknown): ActivityEvent | undefined => view.eventFrom(arg);
  const toggle = (key: keyof Omit<ActivityFilters, 'text'>, value: boolean) => () => view.setFilters({ [key]: value });
  const register = vscode.commands.registerCommand;
  return [
    register('airlock.activity.showDetails', (arg?: unknown) => {
      const event = eventOf(arg);
      if (event) return view.showDetails(event.id);
      return vscode.window.showInformationMessage('Select an event in the Airlock Activity view to see its details.');
    }),
    register('airlock.activity.copyCommand', (arg?: unknown) => {
      const event = eventOf(arg);
      return event && activityActions.copyCommand(event);
    }),
    register('airlock.activity.revealCwd', (arg?: unknown) => {
      const event = eventOf(arg);
      return event && activityActions.revealCwd(event);
    }),
    register('airlock.activity.trustRule', (arg?: unknown) => {
      const event = eventOf(arg);
      return event && view.trustRule(event);
    }),
    register('airlock.activity.showMore', (node: unknown) => view.showMore(node)),
    register('airlock.activity.refresh', () => view.refresh()),
    register('airlock.activity.verify', () =>
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Airlock: verifying the activity log…' }, () => view.verify(true)),
    ),
    register('airlock.activity.openLogFolder', () => view.openLogFolder()),
    register('airlock.activity.export', () => exportCommand(view)),
    register('airlock.activity.filterText', async () => {
      const text = await vscode.window.showInputBox({
        title: 'Filter Airlock Activity',
        prompt: 'Show only events whose command, file, folder, rule or reason contains this text. Leave empty to clear.',
        value: view.filters.text,
        placeHolder: 'e.g. railway, .env, production',
      });
      if (text !== undefined) view.setFilters({ text });
    }),
    register('airlock.activity.clearFilters', () => view.setFilters({ agentOnly: false, blockedOnly: false, productionOnly: false, text: '' })),
    register('airlock.activity.agentOnly.on', toggle('agentOnly', true)),
    register('airlock.activity.agentOnly.off', toggle('agentOnly', false)),
    register('airlock.activity.blockedOnly.on', toggle('blockedOnly', true)),
    register('airlock.activity.blockedOnly.off', toggle('blockedOnly', false)),
    register('airlock.activity.productionOnly.on', toggle('productionOnly', true)),
    register('airlock.activity.productionOnly.off', toggle('productionOnly', false)),
  ];
}

async function exportCommand(view: ActivityView): Promise<void> {
  const format = await vscode.window.showQuickPick<vscode.QuickPickItem & { format: ExportFormat }>(
    [
      { label: 'JSON', description: 'every field, for tools', format: 'json' },
      { label: 'CSV', description: 'for spreadsheets', format: 'csv' },
      { label: 'Markdown', description: 'a table for an incident report', format: 'markdown' },
    ],
    { title: 'Export Airlock Activity Log', placeHolder: 'Format' },
  );
  if (!format) return;
  let visibleOnly = false;
  if (view.isFiltered()) {
    const scope = await vscode.window.showQuickPick(
      [
        { label: 'All events', visibleOnly: false },
        { label: 'Only the events the filters show', visibleOnly: true },
      ],
      { title: 'Export Airlock Activity Log', placeHolder: 'Which events?' },
    );
    if (!scope) return;
    visibleOnly = scope.visibleOnly;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `airlock-activity-${new Date().toISOString().slice(0, 10)}.${EXPORT_EXTENSIONS[format.format]}`;
  const target = await vscode.window.showSaveDialog({
    title: 'Export Airlock Activity Log',
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(join(homedir(), name)),
    filters: { [format.label]: [EXPORT_EXTENSIONS[format.format]] },
    saveLabel: 'Export',
  });
  if (!target) return;
  const count = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Exporting the activity log…' }, () =>
    view.exportTo(target.fsPath, format.format, visibleOnly),
  );
  const open = await vscode.window.showInformationMessage(`Exported ${count} event${count === 1 ? '' : 's'} to ${target.fsPath}.`, 'Open');
  if (open) await vscode.window.showTextDocument(target);
}
