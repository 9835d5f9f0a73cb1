import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The one path every installed hook file names: a per-user folder that outlives editor
 * restarts, extension updates and temporary editor profiles, and is the same for every window.
 * The launcher installer (launcher-install.ts) keeps the launcher there current; until it does,
 * Protect puts a small forwarder there (src/extension/protection/stable-launcher.ts).
 */
export const STABLE_LAUNCHER_DIR = ['.local', 'share', 'airlock', 'bin'] as const;

export function stableLauncherPath(home: string = homedir(), platform: NodeJS.Platform = process.platform): string {
  return join(home, ...STABLE_LAUNCHER_DIR, platform === 'win32' ? 'airlock.cmd' : 'airlock');
}
