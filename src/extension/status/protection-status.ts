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

const UNKNOWN: ProtectionStatus = { level: 'unknown', detail: "Airlock has not checked this workspace's protection yet." };

/** Registered providers, newest last: the newest answers; disposing it brings back the one before. */
const providers: Array<{ provider: ProtectionStatusProvider; subscription: vscode.Disposable }> = [];
const changed = new vscode.EventEmitter<void>();

export const onDidChangeProtectionStatus: vscode.Event<void> = changed.event;

export function registerProtectionStatusProvider(provider: ProtectionStatusProvider): vscode.Disposable {
  const entry = {
    provider,
    subscription: provider.onDidChange(() => {
      if (providers[providers.length - 1] === entry) changed.fire();
    }),
  };
  providers.push(entry);
  changed.fire();
  return new vscode.Disposable(() => {
    const index = providers.indexOf(entry);
    if (index === -1) return;
    providers.splice(index, 1);
    entry.subscription.dispose();
    changed.fire();
  });
}

export function currentProtectionStatus(): ProtectionStatus {
  const current = providers[providers.length - 1]?.provider;
  if (!current) return UNKNOWN;
  try {
    return current.getStatus();
  } catch {
    return UNKNOWN;
  }
}
