/** What the Protection view says about team settings: the managed policy, and whether export works. */
import { logDirFor } from '../log/location';
import { loadPolicy } from '../policy/load';
import { canExport } from './flusher';
import { pendingCount, readState } from './queue';
import { loadExportSettings } from './settings';

export interface TeamStatus {
  managed?: { path: string };
  export?: { endpoint: string; locked: boolean; pending: number; failingSince?: string; lastError?: string; lastSuccessAt?: string };
}

/** Never throws: a status line must not break the view. */
export function teamStatus(root: string | undefined, env: NodeJS.ProcessEnv = process.env): TeamStatus {
  const out: TeamStatus = {};
  try {
    const policy = loadPolicy({ cwd: root ?? process.cwd(), env });
    if (policy.managed) out.managed = policy.managed;
  } catch {
    /* unreadable policies are reported by the gates */
  }
  try {
    const settings = loadExportSettings(env);
    if (canExport(settings)) {
      const dir = root ? logDirFor(root, env) : undefined;
      const state = dir ? readState(dir) : {};
      out.export = {
        endpoint: settings.endpoint,
        locked: !!settings.locked,
        pending: dir ? pendingCount(dir) : 0,
        ...(state.failingSince ? { failingSince: state.failingSince, lastError: state.lastError } : {}),
        ...(state.lastSuccessAt ? { lastSuccessAt: state.lastSuccessAt } : {}),
      };
    }
  } catch {
    /* same */
  }
  return out;
}
