import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { ActivityEvent } from '../events';
import { ensurePrivateDir, runtimeDir } from '../ipc/paths';
import type { AlertRequest, EditedFile } from '../ipc/protocol';
import { agentModule } from '../protection/agents';
import { airlockFileKind, canonicalPath, expandHome } from '../protection/airlock-files';
import type { HookCall, HookOutput } from './types';

/**
 * Edits Airlock hears of only after they happened (Cursor's afterFileEdit and afterTabFileEdit,
 * VS Code's and Copilot's PostToolUse, Windsurf's post_write_code): nothing can be stopped, so
 * when one of them changed Airlock's own files the hook logs it first, then tells the editor,
 * which warns the person and checks its protection again, and tells the agent where it can hear.
 */

/** A person allowed this file's edit through a blocking hook moments ago: its after-event is no surprise. */
const ALLOWED_WITHIN_MS = 5 * 60_000;
/** Two hook files seeing the same edit (VS Code also runs Copilot CLI's file) alert once. */
const ONCE_FOR_MS = 60_000;

export interface ObserveDeps {
  env: NodeJS.ProcessEnv;
  /** The payload as received: with the agent's call id, it tells one edit seen twice from two edits. */
  payload: string;
  /** Appends to the activity log (multi-process safe). Called before the editor hears of it. */
  record?: (event: ActivityEvent) => Promise<void>;
  /** Tells the editor; false when none took it. */
  alert?: (request: AlertRequest, paths: string[]) => Promise<boolean>;
  /** True when the log holds a person's allow of an edit of `file` since `since` (ms). */
  personAllowed?: (file: string, since: number) => Promise<boolean>;
  redact?: (text: string) => string;
  /** Folder for the seen-once markers; the private runtime folder when not given. */
  onceDir?: string;
  /** Case-insensitive names (macOS, Windows): `.Cursor/Hooks.json` is the hook file. */
  ignoreCase?: boolean;
  now?: () => number;
}

export interface ObservedEdit {
  files: EditedFile[];
  title: string;
  /** What the agent hears, where its format lets a message reach it. */
  agentMessage: string;
  logged: boolean;
  told: boolean;
}

/** Where a written path may point: `~` expanded; a relative one against the cwd and every workspace root. */
export function candidatePaths(path: string, cwd: string, roots: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const expanded = expandHome(path, env);
  if (isAbsolute(expanded)) return [resolve(expanded)];
  return [...new Set([cwd, ...roots].filter((d) => isAbsolute(d)).map((d) => resolve(d, expanded)))];
}

/** Each of the call's files that is one of Airlock's own (`..` and symbolic links followed), with what it is. */
export function airlockFilesEdited(
  call: Pick<HookCall, 'files' | 'file' | 'cwd' | 'roots'>,
  env: NodeJS.ProcessEnv,
  ignoreCase = caseInsensitive(),
): EditedFile[] {
  const out: EditedFile[] = [];
  for (const written of call.files ?? (call.file ? [call.file] : [])) {
    for (const candidate of candidatePaths(written, call.cwd, call.roots, env)) {
      const what = airlockFileKind(candidate, call.cwd, env, { ignoreCase });
      if (what) {
        out.push({ path: canonicalPath(candidate, call.cwd, env), what });
        break;
      }
    }
  }
  return out;
}

function caseInsensitive(): boolean {
  return process.platform === 'darwin' || process.platform === 'win32';
}

/** The path as the person knows it: inside the workspace relative to it, under home with `~`. */
export function displayPath(path: string, roots: readonly string[], env: NodeJS.ProcessEnv): string {
  for (const root of roots) {
    const rel = relative(root, path);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel;
  }
  const home = env.HOME && isAbsolute(env.HOME) ? env.HOME : homedir();
  const rel = relative(home, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? `~/${rel}` : path;
}

export function observedTitle(agentName: string, shown: string[]): string {
  const [first = '', ...rest] = shown;
  const what = rest.length === 0 ? `${first}, one of Airlock's own files` : `${first} and ${rest.length} more of Airlock's own files`;
  return `${agentName} edited ${what}, where Airlock could not stop it`;
}

/**
 * The observe-only edit: undefined when no file it touched is Airlock's (nothing logged, nothing
 * said). Otherwise logged (high severity), then the editor told, once per edit however many hook
 * files report it.
 */
export async function observeEdit(call: HookCall, deps: ObserveDeps): Promise<ObservedEdit | undefined> {
  const now = deps.now ?? Date.now;
  const found = airlockFilesEdited(call, deps.env, deps.ignoreCase ?? caseInsensitive());
  const files: EditedFile[] = [];
  for (const file of found) {
    if (deps.personAllowed && (await deps.personAllowed(file.path, now() - ALLOWED_WITHIN_MS).catch(() => false))) continue;
    files.push(file);
  }
  if (files.length === 0) return undefined;
  const mod = agentModule(call.agent);
  const roots = [...call.roots, call.cwd];
  const shown = files.map((f) => displayPath(f.path, roots, deps.env));
  const title = observedTitle(mod.name, shown);
  const agentMessage = `Airlock: you changed ${shown.join(', ')}, which ${files.length === 1 ? 'is' : 'are'} Airlock's own (${files.map((f) => f.what).join('; ')}). The change was reported to the person. Airlock's files are not yours to change: do not edit them again or undo this another way; tell the person what you changed and why.`;
  const result: ObservedEdit = { files, title, agentMessage, logged: false, told: false };
  if (!claimOnce(onceKey(call, deps.payload, files), deps.onceDir ?? privateDir(deps.env), now())) return result;
  const redact = deps.redact ?? ((t: string) => t);
  if (deps.record) {
    try {
      await deps.record({
        id: randomBytes(9).toString('base64url'),
        time: new Date(now()).toISOString(),
        kind: 'protection-gap',
        actor: mod.requester,
        session: call.session,
        file: files[0]!.path,
        cwd: call.cwd,
        severity: 'high',
        reason: redact(title),
        details: {
          hook: call.agent,
          event: call.event,
          observeOnly: true,
          ...(call.toolName ? { tool: call.toolName } : {}),
          files: files.map((f) => ({ path: f.path, what: f.what })),
          ...(call.callId ? { toolUseId: call.callId } : {}),
        },
      });
      result.logged = true;
    } catch {
      // The editor is still told: a log failure must not silence the alert.
    }
  }
  if (deps.alert) {
    const request: AlertRequest = {
      requester: mod.requester,
      agent: call.agent,
      event: call.event,
      title,
      files,
      cwd: call.cwd,
      ...(call.session ? { session: call.session } : {}),
      ...(call.toolName ? { tool: call.toolName } : {}),
    };
    result.told = await deps.alert(request, [call.cwd, ...call.roots]).catch(() => false);
  }
  return result;
}

/** The answer the agent's observe-only event expects, with the alert where the format carries one. */
export function observedAnswer(call: HookCall, observed: ObservedEdit | undefined): HookOutput {
  const mod = agentModule(call.agent);
  return mod.observed ? mod.observed(call, observed?.agentMessage) : { stdout: '', stderr: '', exitCode: 0 };
}

function onceKey(call: HookCall, payload: string, files: EditedFile[]): string {
  return createHash('sha256')
    .update(call.callId ? `id\0${call.callId}` : `payload\0${payload}`)
    .update(`\0${files.map((f) => f.path).join('\0')}`)
    .digest('hex')
    .slice(0, 40);
}

function privateDir(env: NodeJS.ProcessEnv): string | undefined {
  try {
    const dir = join(runtimeDir(env), 'observed');
    ensurePrivateDir(runtimeDir(env));
    ensurePrivateDir(dir);
    return dir;
  } catch {
    return undefined;
  }
}

/** True for the first process to report this edit; with no folder to mark it in, every process reports. */
function claimOnce(key: string, dir: string | undefined, now: number): boolean {
  if (!dir) return true;
  sweep(dir, now);
  try {
    closeSync(openSync(join(dir, key), 'wx', 0o600));
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EEXIST';
  }
}

function sweep(dir: string, now: number): void {
  try {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (now - statSync(path).mtimeMs > ONCE_FOR_MS) unlinkSync(path);
    }
  } catch {
    /* another process swept first */
  }
}
