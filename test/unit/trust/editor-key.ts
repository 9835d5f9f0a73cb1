/** Test helper: an editor identity with its key in a memory SecretStorage, pinned for the hooks of `env`. */
import { EditorIdentity, memorySecretStore } from '../../../src/extension/ipc/editor-identity';

export async function pinnedIdentity(env: NodeJS.ProcessEnv, app = 'test'): Promise<EditorIdentity> {
  const identity = await EditorIdentity.load(memorySecretStore(), app);
  identity.pin(env);
  return identity;
}
