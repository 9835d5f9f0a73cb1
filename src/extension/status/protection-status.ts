import * as vscode from 'vscode';

/**
 * How well Airlock protects this workspace, as the status bar's shield shows it. The gates
 * feature knows (hooks per agent, shims, IPC, shell integration) and registers a provider;
 * until one is registered the shield says "unknown". A module, not an API member, so it works
 * whichever feature activates first.
 */
export type ProtectionLevel = 'protected' | 'partial' | 'off' | 'unknown';

export interface ProtectionStatus {
  level: ProtectionLevel;
  /** One line for the tooltip, e.g. "Claude Code hook missing". */
  detail?: string;
}

export interface ProtectionStatusProvider {
  readonly onDidChange: vscode.Event<void>;
  getStatus(): ProtectionStatus;
}

const UNKNOWN: ProtectionStatus = { level: 'unknown', detail: 'Airlock has not checked this workspace\'s protection yet.' };

let provider: ProtectionStatusProvider | undefined;
let providerSubscription: vscode.Disposable | undefined;
const changed = new vscode.EventEmitter<void>();

export const onDidChangeProtectionStatus: vscode.Event<void> = changed.event;

export function registerProtectionStatusProvider(next: ProtectionStatusProvider): vscode.Disposable {
  providerSubscription?.dispose();
  provider = next;
  providerSubscription = next.onDidChange(() => changed.fire());
  changed.fire();
  return new vscode.Disposable(() => {
    if (provider !== next) return;
    providerSubscription?.dispose();
    provider = undefined;
    providerSubscription = undefined;
    changed.fire();
  });
}

export function currentProtectionStatus(): ProtectionStatus {
  if (!provider) return UNKNOWN;
  try {
    return provider.getStatus();
  } catch {
    return UNKNOWN;
  }
}
