import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { formatWorkspace, sharedWarnings } from '../../core/environment/format';
import { describeWorkspace, type WorkspaceEnvironments } from '../../core/environment/workspace';
import type { Feature } from '../feature';

/** `api.environments`: what the editor tests (and other features) see. */
export interface EnvironmentsApi {
  /** Everything Airlock knows of a folder's environments (default: the first workspace folder). */
  describe(folder?: vscode.Uri): WorkspaceEnvironments | undefined;
  /** The shared-resource warnings shown so far this session. */
  warningsShown(): string[];
  /** Re-reads the workspace and warns about shared resources not warned about yet; returns the new warnings. */
  check(): Promise<string[]>;
}

const SCHEME = 'airlock-env';
const SHOW = 'airlock.showEnvironments';

/**
 * Target environments in the editor: a command that shows what `airlock env` shows, and a
 * warning, once per resource and session, when staging and production share a database,
 * volume, bucket or cluster. Reads files only; the gates carry the per-command environment.
 */
export const environmentFeature: Feature = {
  id: 'environments',
  activate(context, api) {
    const shown = new Set<string>();
    const changed = new vscode.EventEmitter<vscode.Uri>();
    const describe = (folder?: vscode.Uri): WorkspaceEnvironments | undefined => {
      const root = folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      if (!root || root.scheme !== 'file') return undefined;
      const env = process.env as Record<string, string | undefined>;
      return describeWorkspace(root.fsPath, { env, home: env.HOME ?? env.USERPROFILE ?? homedir() });
    };

    context.subscriptions.push(
      changed,
      vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
        onDidChange: changed.event,
        provideTextDocumentContent(uri) {
          const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === uri.query) ?? vscode.workspace.workspaceFolders?.[0];
          const report = folder && describe(folder.uri);
          return report
            ? formatWorkspace(report)
            : 'Open a folder to see its environments: env files, kube contexts, terraform workspaces, cloud profiles and the resources they share.\n';
        },
      }),
    );

    const show = async (arg?: unknown) => {
      const given = arg && typeof arg === 'object' && 'uri' in arg && 'name' in arg ? (arg as vscode.WorkspaceFolder) : undefined;
      const folders = vscode.workspace.workspaceFolders ?? [];
      const chosen =
        given ?? (folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Show the environments of which folder?' }) : folders[0]);
      const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${chosen?.name ?? 'workspace'} environments`, query: chosen?.uri.toString() ?? '' });
      changed.fire(uri);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: true });
      return doc;
    };
    context.subscriptions.push(vscode.commands.registerCommand(SHOW, show));

    const check = async (): Promise<string[]> => {
      const fresh: string[] = [];
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const report = describe(folder.uri);
        for (const warning of report ? sharedWarnings(report) : []) {
          if (shown.has(warning)) continue;
          shown.add(warning);
          fresh.push(warning);
          if (!vscode.workspace.getConfiguration('airlock.environments').get<boolean>('warnOnSharedResources', true)) continue;
          void vscode.window.showWarningMessage(`Airlock: ${warning}`, 'Show Environments').then((pick) => {
            if (pick) void show(folder);
          });
        }
      }
      return fresh;
    };

    // Env files are where shared resources show up: re-check when one changes (debounced).
    let timer: NodeJS.Timeout | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void check();
      }, 1500);
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/{.env,.env.*,*.env}');
    context.subscriptions.push(watcher, watcher.onDidChange(soon), watcher.onDidCreate(soon), { dispose: () => clearTimeout(timer) });
    // Off the activation path: reading a workspace's env files and configs takes a few milliseconds, not zero.
    soon();

    const environments: EnvironmentsApi = { describe, warningsShown: () => [...shown], check };
    api.environments = environments;
  },
};
