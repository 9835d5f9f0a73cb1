import { createPrivateKey, type KeyObject } from 'node:crypto';
import { generateEditorKey, publicKeyOf, readTrustedKeysFile, signWith, trustedKeysPath } from '../../core/ipc/auth';
import { writePrivateFile } from '../../core/ipc/registry';

/**
 * The editor's identity towards hooks: an Ed25519 key whose private half is kept in VS Code's
 * SecretStorage (the OS keychain) and whose public half is pinned in editor-keys.json for hooks
 * to check signatures against (see core/ipc/auth.ts). No vscode import: the extension passes
 * `context.secrets` in; tests pass `memorySecretStore()`.
 */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
}

export const EDITOR_KEY_SECRET = 'airlock.editorKey.v1';

/** What pinning found: `replaced` means the file named another key for this editor (a tampered or stale pin). */
export type PinResult = 'unchanged' | 'added' | 'replaced';

export class EditorIdentity {
  private constructor(
    private readonly privateKey: KeyObject,
    readonly publicKey: string,
    readonly app: string,
  ) {}

  /** Loads this editor's key from SecretStorage, making and storing one on first use. */
  static async load(secrets: SecretStore, app: string): Promise<EditorIdentity> {
    const stored = await secrets.get(EDITOR_KEY_SECRET);
    let key = parseKey(stored);
    if (!key) {
      await secrets.store(EDITOR_KEY_SECRET, generateEditorKey().privateKeyPem);
      // Two windows starting at once may both make a key: whichever was stored last is the key.
      key = parseKey(await secrets.get(EDITOR_KEY_SECRET));
      if (!key) throw new Error('the editor key could not be kept in SecretStorage');
    }
    return new EditorIdentity(key, publicKeyOf(key), app);
  }

  sign(message: string): string {
    return signWith(this.privateKey, message);
  }

  /** Pins this editor's public key for hooks (under its app name), restoring it when someone changed it. */
  pin(env: NodeJS.ProcessEnv = process.env): PinResult {
    const file = readTrustedKeysFile(env);
    const current = file.keys[this.app];
    if (current === this.publicKey) return 'unchanged';
    file.keys[this.app] = this.publicKey;
    writePrivateFile(trustedKeysPath(env), `${JSON.stringify(file, null, 2)}\n`);
    return current === undefined ? 'added' : 'replaced';
  }
}

function parseKey(pem: string | undefined): KeyObject | undefined {
  try {
    const key = pem ? createPrivateKey(pem) : undefined;
    return key?.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** A SecretStorage stand-in kept in memory, for tests and for an editor whose keychain is unavailable. */
export function memorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    get: async (key) => values.get(key),
    store: async (key, value) => {
      values.set(key, value);
    },
  };
}
