/** Test helpers: an editor identity pinned for hooks, and a whole editor with a scripted person. */

import type { AlertRequest } from '../../../src/core/ipc/protocol';
import { ConfirmationQueue } from '../../../src/extension/gates/confirmation-queue';
import type { ConfirmationView } from '../../../src/extension/gates/confirmation-text';
import { registerGateRoutes } from '../../../src/extension/gates/gate-routes';
import { GateService } from '../../../src/extension/gates/gate-service';
import { EditorIdentity, memorySecretStore } from '../../../src/extension/ipc/editor-identity';
import { IpcServer } from '../../../src/extension/ipc/ipc-server';
import { WindowRegistry } from '../../../src/extension/ipc/window-registry';

/** An editor identity with its key in a memory SecretStorage, pinned for the hooks of `env`. */
export async function pinnedIdentity(env: NodeJS.ProcessEnv, app = 'test'): Promise<EditorIdentity> {
  const identity = await EditorIdentity.load(memorySecretStore(), app);
  identity.pin(env);
  return identity;
}

export interface FakeEditor {
  /** Every confirmation the person was shown, in order. */
  shown: ConfirmationView[];
  /** Every alert of an edit of Airlock's files no hook could stop, in order. */
  alerts: AlertRequest[];
  /** What the person answers next; tests change it between calls. */
  answer: 'allow' | 'block';
  close(): Promise<void>;
}

/** The editor as hooks meet it: real signed IPC, gate service and queue for `root`; a scripted person. */
export async function startFakeEditor(env: NodeJS.ProcessEnv, root: string, answer: 'allow' | 'block' = 'block'): Promise<FakeEditor> {
  const identity = await pinnedIdentity(env);
  const server = await IpcServer.create(identity, env);
  const registry = new WindowRegistry(server.socket, server.secret, identity, env);
  registry.update([root]);
  const editor: FakeEditor = {
    shown: [],
    alerts: [],
    answer,
    close: async () => {
      registry.dispose();
      server.dispose();
    },
  };
  const queue = new ConfirmationQueue(
    {
      ask: async (view) => {
        editor.shown.push(view);
        return editor.answer;
      },
      expired: () => {},
    },
    async () => {},
  );
  const service = new GateService(
    queue,
    async () => ({ decision: 'allow', environment: null, findings: [] }),
    async () => {},
    (alert) => editor.alerts.push(alert),
  );
  registerGateRoutes(server, service, { version: 't', window: registry.window });
  return editor;
}
