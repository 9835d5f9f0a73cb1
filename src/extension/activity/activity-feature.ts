import * as vscode from 'vscode';
import { LOG_KEY_SECRET, newLogKey, parseLogKey } from '../../core/log/key';
import type { Feature } from '../feature';
import { registerProtectionStatusProvider } from '../status/protection-status';
import { ShieldStatusBar } from '../status/shield-status-bar';
import { fileWorkspaceRoots } from '../workspace-roots';
import type { ActivityApi } from './activity-api';
import { registerActivityCommands } from './activity-commands';
import { ActivityService } from './activity-service';
import { ActivityView } from './activity-view';

function settings() {
  const config = vscode.workspace.getConfiguration('airlock');
  return {
    maxFileBytes: Math.max(1, config.get<number>('log.maxFileSizeMB', 10)) * 1024 * 1024,
    verifyOnStartup: config.get<boolean>('log.verifyOnStartup', true),
    pageSize: Math.max(20, config.get<number>('activity.pageSize', 200)),
  };
}

const roots = fileWorkspaceRoots;

async function loadLogKey(secrets: vscode.SecretStorage) {
  const stored = parseLogKey(await secrets.get(LOG_KEY_SECRET));
  if (stored) return stored;
  await secrets.store(LOG_KEY_SECRET, newLogKey().toString('hex'));
  // Two windows starting at once may both make a key: whichever was stored last is the key.
  return parseLogKey(await secrets.get(LOG_KEY_SECRET));
}

/**
 * The activity log and its sidebar: opens the workspace's hash-chained log, shows it in the
 * Activity view and the status bar shield, and gives every other feature (and the editor
 * tests) `api.activity.record(event)`, which resolves once the event is durable.
 */
export const activityFeature: Feature = {
  id: 'activity',
  async activate(context, api) {
    // The log key lives in SecretStorage (the OS keychain): lines this editor writes carry its MAC.
    // Without a working SecretStorage the log is written unkeyed (a key lost at restart would make
    // every earlier line look forged); `airlock log --verify` then says it cannot vouch for MACs.
    const logKey = await loadLogKey(context.secrets).catch(() => undefined);
    const service = new ActivityService(context.globalStorageUri.fsPath, () => settings().maxFileBytes, context.globalState, logKey);
    context.subscriptions.push(service);
    await service.open(roots());

    const view = new ActivityView(service, context.extensionUri, settings().pageSize);
    const shield = new ShieldStatusBar(service.store);
    context.subscriptions.push(view, shield, ...registerActivityCommands(view));

    context.subscriptions.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => service.open(roots())),
      vscode.workspace.onDidChangeConfiguration((change) => {
        if (change.affectsConfiguration('airlock.log.maxFileSizeMB')) void service.open(roots());
        if (change.affectsConfiguration('airlock.activity.pageSize')) {
          view.model.pageSize = settings().pageSize;
          view.provider.refreshNow();
        }
      }),
    );

    const activityApi: ActivityApi = {
      record: service.record.bind(service),
      onDidRecord: service.onDidRecord,
      treeSnapshot: () => view.snapshot(),
      showDetails: (id: string) => view.showDetails(id),
      detailsHtml: () => view.details.lastHtml,
      filters: () => view.filters,
      setFilters: view.setFilters.bind(view),
      exportTo: view.exportTo.bind(view),
      verify: () => view.verify(false),
      lastVerification: () => view.lastVerification,
      logDirs: () => service.workspaceLogs.map((l) => l.log.dir),
      verifyDir: (dir, anchor) => service.verifyDir(dir, anchor),
      refresh: () => view.refresh(),
      statusBarText: () => shield.text,
      viewMessage: () => view.treeView.message,
      setProtectionStatusProvider: registerProtectionStatusProvider,
    };
    api.activity = activityApi;

    // Off the activation path: verifying 100,000 lines takes a few hundred ms, in slices.
    if (settings().verifyOnStartup) {
      setTimeout(() => {
        view
          .verify(false)
          .then((results) => {
            const broken = results.find((r) => !r.report.ok);
            if (broken) {
              return service.record({
                kind: 'airlock',
                actor: 'unknown',
                severity: 'high',
                reason: `Activity log verification failed at startup: ${broken.report.firstBreak!.message}.`,
                details: { logDir: broken.logDir, issues: broken.report.issues.slice(0, 20) },
              });
            }
            return undefined;
          })
          .catch(() => undefined);
      }, 1000);
    }
  },
};
