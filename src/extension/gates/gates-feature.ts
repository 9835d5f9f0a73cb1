import * as vscode from 'vscode';
import type { AlertRequest } from '../../core/ipc/protocol';
import type { LineCommand } from '../../core/shell/command-match';
import { version } from '../../core/version';
import type { Feature } from '../feature';
import { EditorIdentity, memorySecretStore } from '../ipc/editor-identity';
import { IpcServer } from '../ipc/ipc-server';
import { registerLogVerifyRoute } from '../ipc/log-verify-route';
import { WindowRegistry } from '../ipc/window-registry';
import { fileWorkspaceRoots } from '../workspace-roots';
import { ConfirmDialog } from './confirm-dialog';
import { ConfirmationQueue } from './confirmation-queue';
import { assessForGate } from './engine';
import { GateRecorder } from './gate-recorder';
import { registerGateRoutes } from './gate-routes';
import { GateService } from './gate-service';

/** What other parts of the extension (terminal gate, protection status) learn from the gates. */
export interface GatesState {
  socket: string;
  /** The 0600 registration this window's terminals find it by (AIRLOCK_WINDOW). */
  windowFile: string;
  pendingConfirmations(): number;
  /** Whether a hook or shim asked about this command line since `since` (ms epoch). */
  sawRecently(line: string, since: number, flagged?: LineCommand[]): boolean;
  /** Fires when a hook reports an edit of Airlock's own files that no hook could stop (already logged). */
  onSelfEditAlert: vscode.Event<AlertRequest>;
}

/**
 * The decision point: the IPC server hooks and shims ask, and the modal a person answers.
 * Starts on activation; the registry follows the workspace folders.
 */
export const gatesFeature: Feature = {
  id: 'gates',
  async activate(context, api) {
    // The key hooks tell this editor from an impostor by: private half in SecretStorage (the OS keychain).
    // Without a working SecretStorage the key lives in memory for this session only (hooks still
    // tell this editor from an impostor; the pin is rewritten on the next start).
    let keychain = true;
    const identity = await EditorIdentity.load(context.secrets, vscode.env.appName).catch(() => {
      keychain = false;
      return EditorIdentity.load(memorySecretStore(), vscode.env.appName);
    });
    if (identity.pin() === 'replaced' && keychain) {
      void vscode.window.showWarningMessage(
        'Airlock: the editor key that hooks trust had been changed outside the editor (editor-keys.json). Airlock restored it; check what changed it.',
      );
    }
    const server = await IpcServer.create(identity);
    context.subscriptions.push({ dispose: () => server.dispose() });
    const registry = new WindowRegistry(server.socket, server.secret, identity);
    registry.update(fileWorkspaceRoots());
    context.subscriptions.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => registry.update(fileWorkspaceRoots())),
      { dispose: () => registry.dispose() },
    );

    const recorder = new GateRecorder(api, () => fileWorkspaceRoots()[0]);
    const queue = new ConfirmationQueue(new ConfirmDialog(), (request, view, answer) => recorder.confirmation(request, view, answer));
    context.subscriptions.push({ dispose: () => queue.dispose() });
    const alerts = new vscode.EventEmitter<AlertRequest>();
    context.subscriptions.push(alerts);
    const service = new GateService(
      queue,
      assessForGate,
      (report) => recorder.report(report),
      (alert) => {
        // The hook wrote the event to the log before telling us: show it now.
        api.activity?.refresh();
        alerts.fire(alert);
      },
    );
    for (const route of registerGateRoutes(server, service, { version, window: registry.window })) context.subscriptions.push(route);
    const activity = api.activity;
    if (activity) context.subscriptions.push(registerLogVerifyRoute(server, (dir, anchor) => activity.verifyDir(dir, anchor)));

    const state: GatesState = {
      socket: server.socket,
      windowFile: registry.windowFile,
      pendingConfirmations: () => queue.size,
      sawRecently: (line, since, flagged) => service.sawRecently(line, since, flagged),
      onSelfEditAlert: alerts.event,
    };
    api.gates = state;
  },
};
