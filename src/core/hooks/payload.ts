import { isAbsolute, resolve } from 'node:path';
import type { HookAgent, HookCall } from './types';

/** A payload Airlock cannot read: answered deny, with this message. */
export class MalformedPayload extends Error {}

const SHELL_TOOLS = new Set(['bash', 'shell', 'run_in_terminal', 'runinterminal', 'runterminalcommand', 'run_terminal_cmd', 'terminal', 'execute_command', 'runcommand']);
const READ_TOOLS = new Set(['read', 'read_file', 'readfile', 'view', 'notebookread', 'get_file_contents']);
const SEARCH_TOOLS = new Set(['grep', 'search', 'grep_search', 'text_search', 'file_search', 'glob']);

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Cursor sends MCP tool_input as a JSON string in some builds and as an object in others. */
function maybeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try { return JSON.parse(value); } catch { return value; }
}

/** Reads an agent's hook payload. Throws MalformedPayload with a plain message; never anything else. */
export function parsePayload(agent: HookAgent, text: string, fallbackCwd: string): HookCall {
  if (text.trim() === '') throw new MalformedPayload('the hook received no input on stdin');
  let json: unknown;
  try { json = JSON.parse(text); } catch { throw new MalformedPayload('the hook input is not valid JSON'); }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new MalformedPayload('the hook input is not a JSON object');
  const p = json as Record<string, unknown>;
  const roots = strings(p.workspace_roots);
  const cwdRaw = str(p.cwd) ?? roots[0] ?? fallbackCwd;
  const cwd = isAbsolute(cwdRaw) ? cwdRaw : resolve(fallbackCwd, cwdRaw);
  const base = {
    agent,
    // VS Code's documentation spells the common fields in camelCase, its source in snake_case.
    event: str(p.hook_event_name) ?? str(p.hookEventName) ?? '',
    cwd,
    roots,
    session: str(p.conversation_id) ?? str(p.session_id) ?? str(p.sessionId),
    permissionMode: str(p.permission_mode),
    toolUseId: id(p.tool_use_id ?? p.toolUseId),
    promptId: id(p.prompt_id ?? p.promptId),
  };
  return agent === 'cursor' ? cursorCall(base, p) : toolUseCall(base, p);
}

type Base = Omit<HookCall, 'kind'>;

/** An agent's id for a call or prompt: short printable text only (it is logged and exported as is). */
function id(value: unknown): string | undefined {
  return typeof value === 'string' && /^[\w.:-]{1,128}$/.test(value) ? value : undefined;
}

function cursorCall(base: Base, p: Record<string, unknown>): HookCall {
  switch (base.event) {
    case 'beforeShellExecution': {
      const command = str(p.command);
      if (command === undefined) throw new MalformedPayload('beforeShellExecution without a "command" string');
      return { ...base, kind: 'command', command };
    }
    case 'beforeReadFile': {
      const file = str(p.file_path);
      if (file === undefined) throw new MalformedPayload('beforeReadFile without a "file_path" string');
      return { ...base, kind: 'read', file: absolute(file, base.cwd) };
    }
    case 'beforeMCPExecution': {
      const toolName = str(p.tool_name);
      if (toolName === undefined) throw new MalformedPayload('beforeMCPExecution without a "tool_name" string');
      return { ...base, kind: 'tool', toolName, toolInput: maybeJson(p.tool_input) };
    }
    case '':
      throw new MalformedPayload('the hook input has no "hook_event_name"');
    default:
      return { ...base, kind: 'other' };
  }
}

/** Claude Code and VS Code share the PreToolUse shape. */
function toolUseCall(base: Base, p: Record<string, unknown>): HookCall {
  if (base.event !== '' && base.event !== 'PreToolUse') return { ...base, kind: 'other' };
  const toolName = str(p.tool_name) ?? str(p.toolName);
  if (toolName === undefined) throw new MalformedPayload('PreToolUse without a "tool_name" string');
  const input = record(p.tool_input ?? p.toolArgs);
  const name = toolName.toLowerCase();
  const command = str(input.command) ?? str(input.commandLine);
  if (SHELL_TOOLS.has(name) || (command !== undefined && !name.startsWith('mcp__'))) {
    if (command === undefined) throw new MalformedPayload(`${toolName} call without a "tool_input.command" string`);
    return { ...base, kind: 'command', command, toolName };
  }
  const file = str(input.file_path) ?? str(input.filePath) ?? str(input.path) ?? str(input.notebook_path);
  if (READ_TOOLS.has(name)) {
    if (file === undefined) throw new MalformedPayload(`${toolName} call without a file path`);
    return { ...base, kind: 'read', file: absolute(file, base.cwd), toolName };
  }
  if (SEARCH_TOOLS.has(name)) {
    // A search that looks inside a protected file reads it; one over names only does not.
    // A search that looks inside files (not one over names only) reads what its path and glob cover.
    if (name === 'glob' || name === 'file_search') return { ...base, kind: 'other', toolName };
    return { ...base, kind: 'read', file: absolute(file ?? '.', base.cwd), toolName, toolInput: input };
  }
  return { ...base, kind: 'tool', toolName, toolInput: p.tool_input };
}

function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
