import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { indexPath } from '../log/location';

/** The workspace root whose log lives in `logDir`, from the per-user index of logs; undefined when not registered. */
export function workspaceOfLogDir(logDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    const index = JSON.parse(readFileSync(indexPath(env), 'utf8')) as { workspaces?: Record<string, { logDir?: unknown }> };
    const target = resolve(logDir);
    for (const [root, entry] of Object.entries(index.workspaces ?? {})) {
      if (typeof entry?.logDir === 'string' && resolve(entry.logDir) === target) return root;
    }
  } catch {
    /* no index yet */
  }
  return undefined;
}
