/**
 * Which files a simple command would write, replace, move away or delete, as written on the
 * line: shared by the airlock-self rules, which then ask whether any is one of Airlock's own.
 */

import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { flagValue, hasFlag, positionals } from '../../../argv';
import { airlockFileKind, airlockFilesInside, canonicalPath, SELF_PROTECTION_REASON } from '../../../protection/airlock-files';
import type { SimpleCommand } from '../../../shell/command';
import type { RuleVerdict } from '../../rule';

/** Words every airlock-self rule needs: a word of some path of Airlock's own. */
export const SELF_KEYWORDS = [
  'airlock',
  'airlock-dev',
  'claude',
  'cursor',
  'hooks',
  'codex',
  'gemini',
  'windsurf',
  'codeium',
  'kiro',
  'opencode',
  'clinerules',
  'copilot',
  'globalstorage',
  'settings',
  'vscdb',
];

/** Options of cp, mv, install and ln that take a value. */
const COPY_VALUED = [
  '-t',
  '--target-directory',
  '-S',
  '--suffix',
  '-m',
  '--mode',
  '-o',
  '--owner',
  '-g',
  '--group',
  '--backup',
  '--reflink',
  '--sparse',
  '--preserve',
  '--no-preserve',
  '--context',
];

function isFolder(path: string, cwd: string): boolean {
  try {
    return statSync(canonicalPath(path, cwd)).isDirectory();
  } catch {
    return false;
  }
}

/** Where `cp/mv/install/ln SRC... DEST` puts each source: DEST itself, or DEST/name when DEST is a folder. */
export function destinations(args: readonly string[], cwd: string): { sources: string[]; targets: string[] } {
  const words = positionals(args, COPY_VALUED);
  const folder = flagValue(args, '-t', '--target-directory');
  if (folder !== undefined) return { sources: words, targets: [folder, ...words.map((s) => join(folder, basename(s)))] };
  if (words.length < 2) return { sources: [], targets: [] };
  const dest = words[words.length - 1]!;
  const sources = words.slice(0, -1);
  const asFolder = !hasFlag(args, '-T', '--no-target-directory') && (dest.endsWith('/') || isFolder(dest, cwd) || sources.length > 1);
  return { sources, targets: asFolder ? [dest, ...sources.map((s) => join(dest, basename(s)))] : [dest] };
}

/** The verdict for the first path of Airlock's own among `paths`, phrased with `how` ("> writes", "rm deletes"). */
/** Past this many paths on one command, each would cost a file-system look-up: the line asks instead. */
export const MAX_CHECKED_PATHS = 512;

export function verdictFor(paths: readonly string[], cwd: string, how: string, folders = false): RuleVerdict | undefined {
  if (paths.length > MAX_CHECKED_PATHS) {
    return {
      reason: `${how} ${paths.length} files, too many for Airlock to check each against its own files (at most ${MAX_CHECKED_PATHS}). ${SELF_PROTECTION_REASON}`,
      resource: 'files Airlock may depend on',
    };
  }
  for (const path of paths) {
    const kind = folders ? airlockFilesInside(path, cwd) : airlockFileKind(path, cwd);
    if (kind) return { reason: `${how} ${path}, ${kind}. ${SELF_PROTECTION_REASON}`, resource: kind };
  }
  return undefined;
}

/** True when a path on the line exists (so `rm -r`/`mv` of a folder takes its content along). */
export function exists(path: string, cwd: string): boolean {
  return existsSync(canonicalPath(path, cwd));
}

/** Output redirections that write a file (`>`, `>>`, `>|`, `&>`, `&>>`, `2>`...). */
export function redirectTargets(command: SimpleCommand): Array<{ operator: string; target: string }> {
  return (command.redirects ?? []).map((r) => ({ operator: r.operator, target: r.target }));
}
