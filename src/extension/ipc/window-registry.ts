import { randomBytes } from 'node:crypto';
import { registrationMessage } from '../../core/ipc/auth';
import { normalizeRoot } from '../../core/ipc/paths';
import { PROTOCOL_VERSION, type WindowRegistration } from '../../core/ipc/protocol';
import { registrationPathForRoot, registrationPathForWindow, removeRegistration, writePrivateFile } from '../../core/ipc/registry';
import type { EditorIdentity } from './editor-identity';

/**
 * Publishes where this window listens: one 0600 file per workspace root (so a hook started
 * in that folder finds it) and one for the window (handed to its terminals in AIRLOCK_WINDOW).
 * No vscode import: the extension passes the roots in and calls `update` when they change.
 */
export class WindowRegistry {
  readonly window = randomBytes(8).toString('hex');
  private roots: string[] = [];

  constructor(
    private readonly socket: string,
    private readonly secret: string,
    private readonly identity: EditorIdentity,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  get windowFile(): string {
    return registrationPathForWindow(this.window, this.env);
  }

  update(roots: string[]): void {
    const next = roots.map(normalizeRoot);
    for (const gone of this.roots.filter((r) => !next.includes(r))) removeRegistration(registrationPathForRoot(gone, this.env), this.window);
    this.roots = next;
    const text = JSON.stringify(this.registration(), null, 2);
    writePrivateFile(this.windowFile, text);
    for (const root of next) writePrivateFile(registrationPathForRoot(root, this.env), text);
  }

  /** Signed with the editor's key: hooks trust no entry a pinned key did not sign. */
  private registration(): WindowRegistration {
    const unsigned = {
      protocol: PROTOCOL_VERSION,
      socket: this.socket,
      secret: this.secret,
      pid: process.pid,
      window: this.window,
      roots: this.roots,
      app: this.identity.app,
      updated: new Date().toISOString(),
      publicKey: this.identity.publicKey,
    };
    return { ...unsigned, signature: this.identity.sign(registrationMessage(unsigned)) };
  }

  dispose(): void {
    for (const root of this.roots) removeRegistration(registrationPathForRoot(root, this.env), this.window);
    removeRegistration(this.windowFile, this.window);
    this.roots = [];
  }
}
