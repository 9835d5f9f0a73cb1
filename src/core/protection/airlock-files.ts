/**
 * Airlock's own files: the places whose change would turn Airlock off or blind it (its config
 * and policy, its log and state, its runtime folder, the launcher's storage, each agent's hook
 * files, the editor's user settings holding `airlock.*`). Writing, moving, truncating or deleting
 * any of them is `ask` with typed confirmation, from the shell (the `airlock-self` guard pack)
 * and from an agent's own edit tools (`selfProtectionFindingForPath`).
 *
 * ONE list, here: add a new agent's hook file to `AGENT_HOOK_FILES` (a path below a project
 * or the home folder) or, for a file only in the home folder, to `homeFiles`.
 */
import { existsSync, realpathSync } from 'node:fs';
import { homedir, tmpdir, userInfo } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Finding } from '../findings';

/** Why a change to one of these files is asked about, said to the person. */
export const SELF_PROTECTION_REASON = 'It changes a file Airlock itself depends on; changing it could turn Airlock off or blind it, so a person must confirm.';

/**
 * Hook and settings files of each agent, as path endings matched anywhere (a project or the
 * home folder): a folder entry covers everything below it.
 */
export const AGENT_HOOK_FILES: ReadonlyArray<{ ending: string; folder?: boolean; what: string }> = [
  { ending: '.claude/settings.json', what: "Claude Code's settings (where Airlock's hook is installed)" },
  { ending: '.claude/settings.local.json', what: "Claude Code's local settings (where Airlock's hook can be installed)" },
  { ending: '.claude/hooks', folder: true, what: "Claude Code's hooks folder" },
  { ending: '.cursor/hooks.json', what: "Cursor's hooks file (where Airlock's hook is installed)" },
  { ending: '.cursor/hooks', folder: true, what: "Cursor's hooks folder" },
  { ending: '.github/hooks', folder: true, what: "the GitHub Copilot agent's hook files" },
  { ending: '.copilot/hooks', folder: true, what: "GitHub Copilot CLI's hook files" },
  { ending: '.codex', folder: true, what: "Codex's configuration and hooks" },
  { ending: '.gemini/settings.json', what: "Gemini CLI's settings (its hooks)" },
  { ending: '.windsurf/hooks.json', what: "Windsurf's hooks file" },
  { ending: '.codeium/windsurf/hooks.json', what: "Windsurf's user hooks file" },
  { ending: '.kiro/hooks', folder: true, what: "Kiro's hooks" },
  { ending: '.kiro/settings', folder: true, what: "Kiro's settings" },
  { ending: 'opencode.json', what: "opencode's configuration (its plugins and permissions)" },
  { ending: 'opencode.jsonc', what: "opencode's configuration (its plugins and permissions)" },
  { ending: '.clinerules/hooks', folder: true, what: "Cline's hooks" },
  { ending: '.airlock', folder: true, what: "the repository's Airlock policy" },
];

/** The extension's own storage in any editor (launcher, shims, logs): `…/globalStorage/airlock-dev.airlock`. */
const EXTENSION_STORAGE = /(^|\/)globalStorage\/airlock-dev\.airlock(\/|$)/i;
/** The editors' user settings (`airlock.*` lives there) and their state database (SecretStorage, extension state). */
const EDITOR_USER_FILES =
  /(^|\/)(Code|Code - Insiders|Code - OSS|Cursor|VSCodium|Windsurf|Kiro|code-server|Positron)\/User\/(settings\.json|globalStorage\/state\.vscdb[^/]*)$/i;
/** Runtime folders of any user id (a registry or socket planted there is how an impostor is found). */
const RUNTIME_FOLDERS = /^(\/run\/user\/\d+\/airlock|\/(private\/)?tmp\/airlock-\d+)(\/|$)/;
/** `$SOMETHING/airlock/...` or `$SOMETHING/.airlock`: a folder of Airlock's under a variable Airlock cannot resolve. */
const UNKNOWN_PREFIX_AIRLOCK = /^(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|~[^/]*)\/(\.?airlock(-[0-9]+)?|\.config\/airlock)(\/|$)/;

function uid(): string {
  try {
    return String(userInfo().uid);
  } catch {
    return 'user';
  }
}

/** The user's home as this process knows it (never as a command line says). */
function home(env: NodeJS.ProcessEnv): string {
  return (isAbsolute(env.HOME ?? '') ? env.HOME : undefined) ?? homedir();
}

/** Folders that are Airlock's own, whole: config, state and runtime, under each name they may have. */
export function airlockFolders(env: NodeJS.ProcessEnv = process.env): Array<{ path: string; what: string }> {
  const h = home(env);
  const out: Array<{ path: string; what: string }> = [
    { path: join(h, '.config', 'airlock'), what: "Airlock's user configuration and policy" },
    { path: join(h, '.airlock'), what: "Airlock's state and logs" },
    { path: join(tmpdir(), `airlock-${uid()}`), what: "Airlock's runtime folder (how hooks find the editor)" },
    { path: join('/tmp', `airlock-${uid()}`), what: "Airlock's runtime folder (how hooks find the editor)" },
    { path: join('/run/user', uid(), 'airlock'), what: "Airlock's runtime folder (how hooks find the editor)" },
  ];
  const add = (value: string | undefined, sub: string[], what: string) => {
    if (value && isAbsolute(value)) out.push({ path: join(value, ...sub), what });
  };
  add(env.XDG_CONFIG_HOME, ['airlock'], "Airlock's user configuration and policy");
  add(env.XDG_STATE_HOME, ['airlock'], "Airlock's state and logs");
  add(env.XDG_RUNTIME_DIR, ['airlock'], "Airlock's runtime folder (how hooks find the editor)");
  add(env.AIRLOCK_STATE_DIR, [], "Airlock's state and logs");
  add(env.AIRLOCK_RUNTIME_DIR, [], "Airlock's runtime folder (how hooks find the editor)");
  if (env.LOCALAPPDATA) add(env.LOCALAPPDATA, ['airlock'], "Airlock's state and runtime folder");
  return out;
}

/** Single files of Airlock's outside those folders. */
function homeFiles(env: NodeJS.ProcessEnv): Array<{ path: string; what: string }> {
  const out: Array<{ path: string; what: string }> = [];
  if (env.AIRLOCK_POLICY_FILE && isAbsolute(env.AIRLOCK_POLICY_FILE)) out.push({ path: env.AIRLOCK_POLICY_FILE, what: "Airlock's user policy" });
  return out;
}

/** Expands what a command line would expand in a leading position: `~`, `$HOME`, `${HOME}`, and XDG folders this process knows. */
export function expandHome(path: string, env: NodeJS.ProcessEnv = process.env): string {
  const h = home(env);
  let out = path.replace(/^~(?=$|\/)/, h).replace(/^\$\{?HOME\}?(?=$|\/)/, h);
  out = out.replace(/^\$\{?(XDG_[A-Z_]+|AIRLOCK_[A-Z_]+|TMPDIR)(:-[^}]*)?\}?(?=$|\/)/, (whole, name: string) => {
    const value = name === 'TMPDIR' ? (env.TMPDIR ?? tmpdir()) : env[name];
    return value && isAbsolute(value) ? value : whole;
  });
  return out;
}

/** The absolute, normalized path, with symbolic links of its existing part followed (a link to a hook file is that file). */
export function canonicalPath(path: string, cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const expanded = expandHome(path, env);
  const absolute = resolve(cwd, expanded);
  let existing = absolute;
  const rest: string[] = [];
  for (let i = 0; i < 64 && !existsSync(existing); i++) {
    const parent = dirname(existing);
    if (parent === existing) break;
    rest.unshift(existing.slice(parent.length).replace(/^[\\/]/, ''));
    existing = parent;
  }
  try {
    return join(realpathSync(existing), ...rest);
  } catch {
    return absolute;
  }
}

function slash(path: string): string {
  return path.replace(/\\/g, '/');
}

/**
 * How names compare: on a case-insensitive file system (macOS, Windows by default)
 * `.Cursor/Hooks.json` is Cursor's hooks file, so endings and folders compare lowercased.
 */
export interface NameCase {
  ignoreCase?: boolean;
}

function fold(path: string, names: NameCase): string {
  return names.ignoreCase ? slash(path).toLowerCase() : slash(path);
}

function endsWithEntry(path: string, entry: { ending: string; folder?: boolean }, names: NameCase = {}): boolean {
  const p = fold(path, names);
  const ending = fold(entry.ending, names);
  if (p === ending || p.endsWith(`/${ending}`)) return true;
  return entry.folder === true && (p.startsWith(`${ending}/`) || p.includes(`/${ending}/`));
}

function within(path: string, folder: string, names: NameCase = {}): boolean {
  const p = fold(path, names);
  const f = fold(folder, names).replace(/\/+$/, '');
  return p === f || p.startsWith(`${f}/`);
}

/** What the path is, when it is one of Airlock's own files (or inside one of its folders); else undefined. */
function kindOfCanonical(path: string, env: NodeJS.ProcessEnv, names: NameCase = {}): string | undefined {
  for (const folder of airlockFolders(env)) if (within(path, folder.path, names)) return folder.what;
  for (const file of homeFiles(env)) if (fold(path, names) === fold(file.path, names)) return file.what;
  for (const entry of AGENT_HOOK_FILES) if (endsWithEntry(path, entry, names)) return entry.what;
  const p = names.ignoreCase ? slash(path).toLowerCase() : slash(path);
  if (RUNTIME_FOLDERS.test(p)) return "Airlock's runtime folder (how hooks find the editor)";
  if (EXTENSION_STORAGE.test(slash(path))) return "Airlock's extension storage (its launcher, terminal shims and logs)";
  if (EDITOR_USER_FILES.test(slash(path))) return "the editor's user settings or state (where Airlock's settings and keys live)";
  return undefined;
}

/**
 * What `path` (as a command or tool wrote it, relative to `cwd`) is, when writing, moving or
 * deleting it would change one of Airlock's own files; undefined for any other path.
 */
export function airlockFileKind(path: string, cwd: string, env: NodeJS.ProcessEnv = process.env, names: NameCase = {}): string | undefined {
  if (!path || path === '-' || path.startsWith('/dev/')) return undefined;
  const written = slash(path);
  const direct = kindOfCanonical(written, env, names);
  if (direct && !isAbsolute(written) && !written.startsWith('~') && !written.startsWith('$')) return direct;
  if (UNKNOWN_PREFIX_AIRLOCK.test(expandHome(written, env))) return "a folder of Airlock's (under a variable known only when the line runs)";
  const canonical = canonicalPath(path, cwd, env);
  return kindOfCanonical(canonical, env, names) ?? kindOfCanonical(resolve(cwd, expandHome(path, env)), env, names);
}

/**
 * What `folder` holds of Airlock's, when deleting or moving the whole folder would take one of
 * Airlock's files with it (`rm -rf ~/.claude`, `mv .cursor /tmp`); undefined otherwise.
 */
export function airlockFilesInside(folder: string, cwd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = airlockFileKind(folder, cwd, env);
  if (own) return own;
  const dir = canonicalPath(folder, cwd, env);
  for (const candidate of [...airlockFolders(env), ...homeFiles(env)]) {
    if (within(candidate.path, dir) && slash(candidate.path) !== slash(dir) && existsSync(candidate.path)) return candidate.what;
  }
  for (const entry of AGENT_HOOK_FILES) {
    const parts = entry.ending.split('/');
    // `dir` is the project (holding `.claude/settings.json`) or one of the entry's own leading folders (`.claude`).
    for (let i = 0; i < parts.length; i++) {
      const base =
        i === 0 ? dir : dir.endsWith(`/${parts.slice(0, i).join('/')}`) ? dir.slice(0, dir.length - parts.slice(0, i).join('/').length - 1) : undefined;
      if (base !== undefined && existsSync(join(base, ...parts))) return entry.what;
    }
  }
  return undefined;
}

/**
 * For an agent's own file tools (Claude Code's Write, Edit, MultiEdit, NotebookEdit; Cursor's
 * and VS Code's edit events): the finding when the file written is one of Airlock's own, so the
 * hook asks with typed confirmation; undefined for any other file.
 */
export function selfProtectionFindingForPath(path: string, cwd: string, env: NodeJS.ProcessEnv = process.env): Finding | undefined {
  if (typeof path !== 'string' || path.trim() === '') return undefined;
  const kind = airlockFileKind(path, cwd, env);
  if (!kind) return undefined;
  return {
    rule: 'airlock-self.tool-write',
    severity: 'critical',
    decision: 'ask',
    reason: `Writes ${path}, ${kind}. ${SELF_PROTECTION_REASON}`,
    segment: path,
    resource: kind,
    suggestion: "Change Airlock's settings from the editor (Airlock: Show Protection Status), not through the agent.",
  };
}
