import { homedir } from 'node:os';
import { join, normalize, relative, sep } from 'node:path';
import { AGENTS } from '../protection/agents';

/**
 * The one call site for "does writing this path switch Airlock off?". The "trust" work exports
 * `selfProtectionFindingForPath(path, cwd)` from src/core/protection/airlockFiles.ts; once that is
 * merged, this body becomes a call to it. Until then, a local check of the same class of files:
 * every agent's hook file (workspace and user), Claude's local settings, `.github/hooks/*`,
 * Airlock's repository policy folder and its per-user config, data and state folders.
 */
export function selfProtectionFinding(path: string, cwd: string, home: string = homedir()): { reason: string } | undefined {
  const file = normalize(path);
  const mine = airlockFolder(file, home);
  if (mine) return { reason: `${file} is Airlock's own ${mine}; changing it would turn Airlock off or rewrite its record` };
  for (const mod of Object.values(AGENTS)) {
    const user = mod.files.user(home).map((s) => normalize(s.path));
    if (user.includes(file)) return { reason: `${file} holds ${mod.name}'s hooks; changing it could turn Airlock's guard off` };
    // Workspace files are matched by their place inside any folder: an agent can write to another checkout too.
    for (const spec of mod.files.workspace(sep === '/' ? '/' : 'C:\\')) {
      const tail = relative(sep === '/' ? '/' : 'C:\\', spec.path);
      if (file === tail || file.endsWith(`${sep}${tail}`)) return { reason: `${file} holds ${mod.name}'s hooks; changing it could turn Airlock's guard off` };
    }
  }
  if (/[\\/]\.claude[\\/]settings(?:\.local)?\.json$/.test(file) || /[\\/]\.github[\\/]hooks[\\/][^\\/]+$/.test(file)) {
    return { reason: `${file} is a hook file agents read; changing it could turn Airlock's guard off` };
  }
  void cwd;
  return undefined;
}

function airlockFolder(file: string, home: string): string | undefined {
  const inside = (dir: string) => { const r = relative(dir, file); return r !== '' && !r.startsWith('..') && !r.startsWith(sep) && !/^[A-Za-z]:/.test(r); };
  if (/[\\/]\.airlock[\\/]/.test(file)) return 'repository policy';
  for (const [dir, what] of [[join(home, '.config', 'airlock'), 'configuration'], [join(home, '.local', 'share', 'airlock'), 'launcher'], [join(home, '.local', 'state', 'airlock'), 'log and state']] as const) {
    if (inside(dir)) return what;
  }
  return undefined;
}
