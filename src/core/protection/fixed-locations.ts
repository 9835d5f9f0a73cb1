import { homedir, tmpdir } from 'node:os';
import { isAbsolute } from 'node:path';

/**
 * Where Airlock reads its policy, state, log and runtime folder is decided when the terminal is
 * created, by the editor, never by the command being checked: `XDG_CONFIG_HOME=/tmp/evil
 * railway volume delete`, `env HOME=/tmp/x …` or `export AIRLOCK_RUNTIME_DIR=…; …` must not
 * point the gate at an attacker's policy or an impostor editor.
 *
 * These variables decide those locations. The terminal shims hand the editor's values to
 * `airlock gate` as `--fixed NAME=VALUE` (written into the shim library by the extension).
 */
export function isLocationVariable(name: string): boolean {
  if (name === 'AIRLOCK_WINDOW') return false; // per window; registry entries are signed, so a forged one is ignored
  return name === 'HOME' || name === 'USERPROFILE' || name === 'TMPDIR' || name === 'LOCALAPPDATA' || name.startsWith('XDG_') || name.startsWith('AIRLOCK_');
}

/** The location variables of `env` (the editor's own, at terminal creation), unset ones as ''. */
export function fixedLocations(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['HOME', 'XDG_CONFIG_HOME', 'XDG_STATE_HOME', 'XDG_RUNTIME_DIR', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'TMPDIR']) out[name] = env[name] ?? '';
  for (const [name, value] of Object.entries(env)) if (isLocationVariable(name) && value !== undefined) out[name] = value;
  return out;
}

/**
 * `env` with every location variable replaced by the fixed ones (an empty value unsets it).
 * Without fixed values (a direct call, not through a shim) `env` is taken as it is but for
 * AIRLOCK_POLICY_FILE: the shims Airlock writes always pass them.
 */
export function withFixedLocations(env: NodeJS.ProcessEnv, fixed: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) if (!isLocationVariable(name)) out[name] = value;
  if (!fixed) {
    // A policy file named by the caller may only add to the user's own: judged apart, stricter wins.
    const { AIRLOCK_POLICY_FILE: _named, ...rest } = env;
    return rest;
  }
  for (const [name, value] of Object.entries(fixed)) if (isLocationVariable(name) && value !== '') out[name] = value;
  return out;
}

/**
 * The home folder as `env` says, else this process's. Airlock's own paths are derived from the
 * env it is given, never from `os.homedir()` alone: in a gate process that is the command's HOME.
 */
export function homeOf(env: NodeJS.ProcessEnv): string {
  const home = process.platform === 'win32' ? (env.USERPROFILE ?? env.HOME) : env.HOME;
  return home && isAbsolute(home) ? home : homedir();
}

/** The temp folder as `env` says (TMPDIR), else this process's. */
export function tempOf(env: NodeJS.ProcessEnv): string {
  if (process.platform === 'win32') return env.TEMP ?? env.TMP ?? tmpdir();
  const dir = env.TMPDIR && isAbsolute(env.TMPDIR) ? env.TMPDIR.replace(/(.)\/+$/, '$1') : undefined;
  return dir ?? (env === process.env ? tmpdir() : '/tmp');
}
