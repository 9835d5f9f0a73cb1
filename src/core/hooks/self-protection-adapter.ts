import { homedir } from 'node:os';
import { join, normalize, relative, sep } from 'node:path';
import { AGENTS } from '../protection/agents';

/**
 * The one call site for "does writing this path switch Airlock off?". The "trust" work exports
 * `selfProtectionFindingForPath(path, cwd)` from src/core/protection/airlock-files.ts; once that is
 * merged, this body becomes a call to it. Until then, a local check of the same class of files:
 * every agent's hook file (workspace and user), Claude's local settings, `.github/hooks/*`,
 * Airlock's repository policy folder and its per-user config, data and state folders.
 */
export function selfProtectionFinding(path: string, cwd: string, home: string = homedir()): { reason: string } | undefined {
  const file = normalize(path);
  const mine = airlockFolder(file, home);
  if (mine) return { reason: `${file} is Airlock's own ${mine}; changing it would turn Airlock off or rewrite its record` };
  const top = sep === '/' ? '/' : 'C:\\';
  for (const mod of Object.values(AGENTS)) {
    // Matched by their place inside any folder (any checkout, any home): an agent can write to
    // another checkout, and HOME is whatever the agent's shell says.
    const specs = [...mod.files.workspace(top), ...mod.files.user(top)];
    for (const spec of specs) {
      const tail = relative(top, spec.path);
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
  const inside = (dir: string) => {
    const r = relative(dir, file);
    return r !== '' && !r.startsWith('..') && !r.startsWith(sep) && !/^[A-Za-z]:/.test(r);
  };
  if (/[\\/]\.airlock[\\/]/.test(file)) return 'repository policy';
  // Under any home folder, not only this process's: the agent's shell may say another HOME.
  for (const [dir, what] of [
    [['.config', 'airlock'], 'configuration'],
    [['.local', 'share', 'airlock'], 'launcher'],
    [['.local', 'state', 'airlock'], 'log and state'],
  ] as const) {
    if (inside(join(home, ...dir)) || file.includes(`${sep}${dir.join(sep)}${sep}`)) return what;
  }
  return undefined;
}
