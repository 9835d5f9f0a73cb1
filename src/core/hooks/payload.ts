import { isAbsolute, resolve } from 'node:path';
import { agentModule } from '../protection/agents';
import type { HookAgent, HookCall } from './types';

/** A payload Airlock cannot read: answered deny, with this message. */
export class MalformedPayload extends Error {}

/**
 * Tool names, lowercased, across agents. One table so a tool that several agents share
 * (`read_file`, `apply_patch`...) is read the same way whoever sends it.
 */
export const SHELL_TOOLS = new Set([
  'bash',
  'shell',
  'run_in_terminal',
  'runinterminal',
  'runterminalcommand',
  'run_terminal_cmd',
  'terminal',
  'execute_command',
  'runcommand',
  'run_shell_command',
  'execute_bash',
  'local_shell',
  'exec_command',
  'powershell',
]);
const READ_TOOLS = new Set(['read', 'read_file', 'readfile', 'view', 'notebookread', 'get_file_contents', 'fs_read', 'read_many_files']);
const SEARCH_TOOLS = new Set(['grep', 'search', 'grep_search', 'text_search', 'file_search', 'glob', 'search_file_content', 'search_files', 'list_files']);
/** Tools that write, edit, move or delete files: Airlock's own files among them must not be touched unseen. */
const WRITE_TOOLS = new Set([
  'write',
  'edit',
  'multiedit',
  'notebookedit',
  'create_file',
  'replace_string_in_file',
  'multi_replace_string_in_file',
  'insert_edit_into_file',
  'edit_notebook_file',
  'edit_file',
  'write_file',
  'replace',
  'create',
  'str_replace',
  'str_replace_editor',
  'apply_patch',
  'fs_write',
  'write_to_file',
  'replace_in_file',
  'patch',
  'delete_file',
  'delete',
  'move_file',
  'rename_file',
]);
/** Tools a pre-tool hook judges (lowercased): their post-tool event needs no second look (the launcher answers it too). */
export const JUDGED_BEFORE = new Set([...WRITE_TOOLS, ...SHELL_TOOLS, ...READ_TOOLS, ...SEARCH_TOOLS]);
/** Names whose search looks at file names only, never inside files. */
const NAME_ONLY_SEARCH = new Set(['glob', 'file_search', 'list_files']);

export function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Cursor, Copilot CLI and Cline send some tool arguments as a JSON string, others as an object. */
export function maybeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** What every agent's payload has in common, before the tool is read. */
export type Base = Omit<HookCall, 'kind'>;

/** Reads an agent's hook payload. Throws MalformedPayload with a plain message; never anything else. */
export function parsePayload(agent: HookAgent, text: string, fallbackCwd: string): HookCall {
  if (text.trim() === '') throw new MalformedPayload('the hook received no input on stdin');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MalformedPayload('the hook input is not valid JSON');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new MalformedPayload('the hook input is not a JSON object');
  return agentModule(agent).parse(json as Record<string, unknown>, fallbackCwd);
}

/** The common fields most agents send: cwd, roots, event, session, call id. */
export function commonBase(
  agent: HookAgent,
  p: Record<string, unknown>,
  fallbackCwd: string,
  extra: { roots?: string[]; cwd?: string; event?: string; session?: string } = {},
): Base {
  const roots = extra.roots ?? strings(p.workspace_roots);
  const cwdRaw = extra.cwd ?? str(p.cwd) ?? roots[0] ?? fallbackCwd;
  const cwd = isAbsolute(cwdRaw) ? cwdRaw : resolve(fallbackCwd, cwdRaw);
  return {
    agent,
    // VS Code's documentation spells the common fields in camelCase, its source in snake_case.
    event: extra.event ?? str(p.hook_event_name) ?? str(p.hookEventName) ?? '',
    cwd,
    roots,
    session: extra.session ?? str(p.conversation_id) ?? str(p.session_id) ?? str(p.sessionId),
    callId: id(p.tool_use_id ?? p.toolUseId),
    permissionMode: str(p.permission_mode),
    promptId: id(p.prompt_id ?? p.promptId),
  };
}

/** An agent's id for a call or prompt: short printable text only (it is logged and exported as is). */
function id(value: unknown): string | undefined {
  return typeof value === 'string' && /^[\w.:-]{1,128}$/.test(value) ? value : undefined;
}

/** The Claude-shaped PreToolUse payload (Claude Code, VS Code, Codex, Copilot's VS Code format, Kiro, Gemini). */
export function toolUseCall(base: Base, p: Record<string, unknown>, events: readonly string[] = ['PreToolUse']): HookCall {
  if (base.event !== '' && !events.includes(base.event)) return { ...base, kind: 'other' };
  const toolName = str(p.tool_name) ?? str(p.toolName);
  if (toolName === undefined) throw new MalformedPayload(`${base.event || 'PreToolUse'} without a "tool_name" string`);
  return classifyTool(base, toolName, p.tool_input ?? p.toolArgs);
}

/** Reads one tool call, whatever agent sent it, into what Airlock gates. */
export function classifyTool(base: Base, toolName: string, rawInput: unknown): HookCall {
  const input = record(maybeJson(rawInput));
  const name = toolName.toLowerCase();
  const command = shellLine(input.command) ?? str(input.commandLine) ?? str(input.cmd);
  if (SHELL_TOOLS.has(name)) {
    if (command === undefined) throw new MalformedPayload(`${toolName} call without a "command" string`);
    return { ...base, kind: 'command', command, toolName };
  }
  if (WRITE_TOOLS.has(name)) {
    const patch = name === 'apply_patch' || name === 'patch' ? (str(input.input) ?? str(input.patch) ?? str(input.command) ?? str(input.patchText)) : undefined;
    const paths = patch !== undefined ? patchPaths(patch) : filePaths(input);
    if (paths.length === 0) throw new MalformedPayload(`${toolName} call without a file path`);
    const files = paths.map((f) => absolute(f, base.cwd));
    return { ...base, kind: 'write', file: files[0], files, toolName, toolInput: input };
  }
  if (command !== undefined && !isMcp(name)) return { ...base, kind: 'command', command, toolName };
  const file = filePaths(input)[0];
  if (READ_TOOLS.has(name)) {
    if (file === undefined) throw new MalformedPayload(`${toolName} call without a file path`);
    return { ...base, kind: 'read', file: absolute(file, base.cwd), toolName };
  }
  if (SEARCH_TOOLS.has(name)) {
    // A search that looks inside files (not one over names only) reads what its path and glob cover.
    if (NAME_ONLY_SEARCH.has(name)) return { ...base, kind: 'other', toolName };
    return { ...base, kind: 'read', file: absolute(file ?? '.', base.cwd), toolName, toolInput: input };
  }
  return { ...base, kind: 'tool', toolName, toolInput: maybeJson(rawInput) };
}

/**
 * The files an observe-only event says were edited, kept as the agent wrote them (relative,
 * `~`, `..`): they are resolved when checked (src/core/hooks/observed-edit.ts). None: nothing to look at.
 */
export function editedCall(base: Base, paths: readonly string[]): HookCall {
  const files = [...new Set(paths.filter((p) => p.trim() !== '').map((p) => p.replace(/^file:\/\//, '')))];
  return files.length === 0 ? { ...base, kind: 'other' } : { ...base, kind: 'edited', file: files[0], files };
}

/**
 * A tool that already ran, told through a post-tool event (VS Code's and Copilot's PostToolUse).
 * A tool the pre-tool hook read as a write, a shell call, a read or a search was judged there;
 * any other tool naming files (one the classifier does not know, an MCP tool) may have edited
 * them unseen, so its files are looked at.
 */
export function postToolCall(base: Base, toolName: string, rawInput: unknown): HookCall {
  if (JUDGED_BEFORE.has(toolName.toLowerCase())) return { ...base, kind: 'other', toolName };
  const input = record(maybeJson(rawInput));
  const patch = str(input.patch) ?? str(input.patchText);
  return { ...editedCall(base, patch !== undefined ? [...filePaths(input), ...patchPaths(patch)] : filePaths(input)), toolName };
}

function isMcp(name: string): boolean {
  return name.startsWith('mcp__') || name.startsWith('mcp:') || name.startsWith('mcp_') || name.startsWith('@');
}

/** Codex sends `command` as an argv array in some builds: joined with shell quoting it reads the same. */
function shellLine(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) {
    const argv = value as string[];
    // ["bash", "-lc", "<line>"] is a shell running one line: that line is the command.
    const [shell = '', flag = '', line = ''] = argv;
    if (argv.length === 3 && /^(?:ba|z|da)?sh$/.test(shell.replace(/^.*\//, '')) && /^-l?c$/.test(flag)) return line;
    return argv.map((a) => (/^[A-Za-z0-9_./:=@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
  }
  return undefined;
}

const FILE_KEYS = ['file_path', 'filePath', 'path', 'notebook_path', 'absolute_path', 'target_file', 'targetFile', 'TargetFile', 'filename', 'file', 'uri'];

/** Every file path an input names: the usual keys, lists of edits or paths, Kiro's operations. */
function filePaths(input: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of FILE_KEYS) {
    const v = str(input[key]);
    if (v) out.push(v.replace(/^file:\/\//, ''));
  }
  for (const key of ['paths', 'files', 'filePaths']) out.push(...strings(input[key]));
  for (const key of ['operations', 'edits', 'replacements']) {
    if (Array.isArray(input[key])) for (const item of input[key] as unknown[]) out.push(...filePaths(record(item)));
  }
  for (const key of ['destination', 'new_path', 'newPath', 'to']) {
    const v = str(input[key]);
    if (v) out.push(v);
  }
  return [...new Set(out)];
}

/** Files a patch in the apply_patch envelope (Codex, VS Code) or unified diff touches. */
export function patchPaths(patch: string): string[] {
  const out: string[] = [];
  for (const line of patch.split(/\r?\n/)) {
    const m =
      /^\*\*\* (?:Add|Update|Delete) File: (.+)$/.exec(line) ?? /^\*\*\* Move to: (.+)$/.exec(line) ?? /^(?:\+\+\+|---) (?:[ab]\/)?(.+?)(?:\t.*)?$/.exec(line);
    const file = m?.[1]?.trim();
    if (file !== undefined && file !== '/dev/null') out.push(file);
  }
  return [...new Set(out)];
}

export function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
