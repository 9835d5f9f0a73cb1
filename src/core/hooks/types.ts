import type { Decision, Environment, Severity } from '../types';

/** The agents whose pre-tool hooks Airlock answers. */
export type HookAgent = 'cursor' | 'claude' | 'vscode';
export const HOOK_AGENTS: HookAgent[] = ['cursor', 'claude', 'vscode'];

/** One tool call an agent is about to make, read from its hook payload. */
export interface HookCall {
  agent: HookAgent;
  /** The hook event as the agent named it (beforeShellExecution, PreToolUse...). */
  event: string;
  /** command: a shell line; read: a file's content; tool: an MCP or other tool call; other: nothing Airlock gates. */
  kind: 'command' | 'read' | 'tool' | 'other';
  command?: string;
  file?: string;
  toolName?: string;
  /** The tool's arguments, for MCP and other tools. */
  toolInput?: unknown;
  cwd: string;
  roots: string[];
  session?: string;
  /** The agent's id of this tool call (Claude Code, VS Code `tool_use_id`). */
  toolUseId?: string;
  /** The agent's id of the prompt that led to it (Claude Code `prompt_id`, the OTel `prompt.id`). */
  promptId?: string;
  /** Claude Code's permission mode; `bypassPermissions` means no prompt ever reaches a person. */
  permissionMode?: string;
}

/** What Airlock answers, before it is put in the agent's own format. */
export interface HookVerdict {
  decision: Decision;
  /** Shown to the person (Cursor's user_message; Claude's ask reason). */
  userMessage: string;
  /** Shown to the agent: what happened and that it must stop and ask, not find another way. */
  agentMessage: string;
  environment?: Environment | null;
  decidedBy: 'rules' | 'person' | 'timeout' | 'no-editor' | 'policy';
  /** For the log: the first finding's rule and severity, and where the environment was learned. */
  rule?: string;
  severity?: Severity;
  evidence?: string[];
}

/** What the process writes and how it exits. */
export interface HookOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}
