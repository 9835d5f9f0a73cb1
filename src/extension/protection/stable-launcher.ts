import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stableLauncherPath } from '../../core/protection/stable-launcher';

const MARKER = 'airlock-stable-forwarder';

/**
 * Makes sure the stable per-user path the hook files name runs the current launcher. When the
 * launcher installer has put the real launcher there, it is left alone; otherwise a two-line
 * forwarder to the launcher in the editor's global storage is written (and rewritten when that
 * launcher moves). Returns the stable path.
 */
export function ensureStableLauncher(currentLauncher: string, home?: string, platform: NodeJS.Platform = process.platform): string {
  const path = stableLauncherPath(home, platform);
  let existing: string | undefined;
  try {
    existing = readFileSync(path, 'utf8');
  } catch {
    existing = undefined;
  }
  if (existing !== undefined && !existing.includes(MARKER)) return path;
  const text =
    platform === 'win32'
      ? `@echo off\r\nrem ${MARKER}: runs the Airlock launcher the editor keeps current.\r\n"${currentLauncher}" %*\r\n`
      : `#!/bin/sh\n# ${MARKER}: runs the Airlock launcher the editor keeps current.\nexec '${currentLauncher.replace(/'/g, `'\\''`)}' "$@"\n`;
  if (existing === text) return path;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o755 });
  chmodSync(temp, 0o755);
  renameSync(temp, path);
  return path;
}
