import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A cheap fingerprint of what the sandbox runtime's wrap depends on in a folder: the modification
 * times of the folder and of every folder down to `depth` below it. The runtime looks for the
 * files it must protect (`.bashrc`, `.git/hooks`, `.vscode`...) in and below the working folder
 * to its search depth; creating, removing or renaming any entry there changes the modification
 * time of the folder holding it. So a line wrapped ahead of time is still exact while this
 * string is unchanged, and the warm gate hands it out without wrapping again.
 *
 * Undefined (wrap afresh every time) when the folder cannot be read, or holds so many folders
 * that looking costs more than the wrap it saves.
 */
export const SNAPSHOT_MAX_FOLDERS = 2000;

export function folderSnapshot(root: string, depth: number): string | undefined {
  const parts: string[] = [];
  let folders = 0;
  const visit = (dir: string, level: number): boolean => {
    let mtime: number;
    try {
      mtime = statSync(dir).mtimeMs;
    } catch {
      return false;
    }
    if (++folders > SNAPSHOT_MAX_FOLDERS) return false;
    parts.push(`${dir}\0${mtime}`);
    if (level >= depth) return true;
    let names: string[];
    try {
      names = readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
    } catch {
      return false;
    }
    return names.every((name) => visit(join(dir, name), level + 1));
  };
  return visit(root, 0) ? parts.join('\n') : undefined;
}
