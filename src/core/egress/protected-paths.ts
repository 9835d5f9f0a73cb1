import { existsSync, readdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { candidateRuntimeDirs } from '../ipc/paths';
import { logDirFor, stateDir } from '../log/location';
import { userPolicyPath } from '../policy/load';

/** The extension's id: its global storage folder (launcher, CLI, gates.json) is named after it. */
const EXTENSION_ID = 'airlock-dev.airlock';

/**
 * What a sandboxed command may never write: Airlock's own configuration, policy, log, runtime
 * folder (the editor's socket and registry), launcher storage and the agents' hook files. A
 * command that could write these could loosen policy, forge the log or pose as the editor.
 * Only paths that exist are listed: the runtime mounts a placeholder over a missing one, which
 * an editor reading the folder would then see.
 */
export function protectedWritePaths(cwd: string, env: NodeJS.ProcessEnv, cliPath?: string): string[] {
  const home = env.HOME ?? homedir();
  const paths = new Set<string>();
  const add = (path: string | undefined) => {
    if (path && existsSync(path)) paths.add(resolve(path));
  };

  add(stateDir(env));
  add(logDirFor(cwd, env));
  for (const dir of candidateRuntimeDirs(env)) add(dir);
  add(dirname(userPolicyPath(env)));
  add(env.AIRLOCK_POLICY_FILE);
  add(env.AIRLOCK_GATES_CONFIG);

  // Repository policy and hook files, from cwd up to the filesystem root.
  for (let dir = resolve(cwd), i = 0; i < 32; dir = dirname(dir), i++) {
    add(join(dir, '.airlock'));
    for (const file of ['.claude/settings.json', '.claude/settings.local.json', '.cursor/hooks.json', '.github/hooks']) add(join(dir, file));
    if (dirname(dir) === dir) break;
  }
  for (const file of ['.claude/settings.json', '.cursor/hooks.json', '.copilot/hooks', '.config/airlock']) add(join(home, file));

  // Launcher storage: the extension's global storage under every editor that may hold it.
  for (const base of [join(home, '.config'), join(home, 'Library', 'Application Support')]) {
    let editors: string[] = [];
    try {
      editors = readdirSync(base);
    } catch {
      /* no such folder */
    }
    for (const editor of editors.slice(0, 200)) add(join(base, editor, 'User', 'globalStorage', EXTENSION_ID));
  }
  for (const server of ['.vscode-server', '.cursor-server', '.vscode-server-insiders', '.windsurf-server'])
    add(join(home, server, 'data', 'User', 'globalStorage', EXTENSION_ID));
  add(join(home, '.local', 'share', 'code-server', 'User', 'globalStorage', EXTENSION_ID));
  // The CLI running now, when it is the installed copy (not a development build in a checkout).
  if (cliPath && cliPath.includes(`${EXTENSION_ID}`)) add(dirname(cliPath));
  return [...paths].filter((p) => p !== '/' && p !== resolve(home) && p !== resolve(tmpdir()));
}
