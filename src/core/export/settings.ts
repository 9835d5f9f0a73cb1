/**
 * The export settings in force for this user: the managed policy's (locked) when it has an
 * `export` section, else the user policy file's. Never a repository's (an agent can write those,
 * and would send the log to its own collector), never `OTEL_*` variables (Claude Code strips them
 * from hook processes, and anyone on the command line could set them).
 */
import { readFileSync, statSync } from 'node:fs';
import { parse as parseJsonc } from 'jsonc-parser';
import { readManagedPolicy, sanitizePolicy, userPolicyPath } from '../policy/load';
import { managedPolicyPath } from '../policy/managed';
import type { ExportSettings } from '../policy/types';

let cache: { key: string; value: ExportSettings | undefined } | undefined;

function stamp(path: string): string {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return '-';
  }
}

function readUserExport(path: string): ExportSettings | undefined {
  try {
    return sanitizePolicy(parseJsonc(readFileSync(path, 'utf8'), [], { allowTrailingComma: true })).export;
  } catch {
    return undefined;
  }
}

/** Cached by the two files' mtimes: a hook process reads them once; the editor sees edits. */
export function loadExportSettings(env: NodeJS.ProcessEnv, managedPath: string = managedPolicyPath()): ExportSettings | undefined {
  const userPath = userPolicyPath(env);
  const key = `${managedPath}\0${stamp(managedPath)}\0${userPath}\0${stamp(userPath)}`;
  if (cache?.key === key) return cache.value;
  const managed = readManagedPolicy(managedPath).file?.export;
  const value: ExportSettings | undefined = managed
    ? { ...managed, locked: true, source: 'managed' }
    : (() => {
        const user = readUserExport(userPath);
        return user ? { ...user, source: 'user' as const } : undefined;
      })();
  cache = { key, value };
  return value;
}
