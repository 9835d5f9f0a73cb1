import type { HookAgent } from '../protection/agents';
import type { Decision, Environment, Requester, Severity } from '../types';

/** The agents whose pre-tool hooks Airlock answers: the keys of the agent registry. */
export type { HookAgent } from '../protection/agents';
export { HOOK_AGENTS } from '../protection/agents';

/** One tool call an agent is about to make, read from its hook payload. */
export interface HookCall {
  agent: HookAgent;
  /** The hook event as the agent named it (beforeShellExecution, PreToolUse...). */
  event: string;
  /**
   * command: a shell line; read: a file's content; write: a file written, edited, moved or
   * deleted; tool: an MCP or other tool call; edited: files an agent already changed, told
   * through an event that can only observe (Cursor's afterFileEdit, VS Code's PostToolUse...);
   * other: nothing Airlock gates.
   */
  kind: 'command' | 'read' | 'write' | 'tool' | 'edited' | 'other';
  command?: string;
  file?: string;
  /** Every file a write (or an observed edit) touches (a patch can touch several); `file` is the first. */
  files?: string[];
  toolName?: string;
  /** The tool's arguments, for MCP and other tools. */
  toolInput?: unknown;
  cwd: string;
  roots: string[];
  session?: string;
  /** The agent's id for this one call (Claude's tool_use_id...), when it sends one. */
  callId?: string;
  /** The agent's id of the prompt that led to it (Claude Code `prompt_id`, the OTel `prompt.id`). */
  promptId?: string;
  /** Claude Code's permission mode; `bypassPermissions` means no prompt ever reaches a person. */
  permissionMode?: string;
  /** True when no person sits at the agent (cloud agents, CI): its own "ask" would be a deny. */
  headless?: boolean;
  /** Which of the agent's payload formats this came in (Copilot CLI has two). */
  format?: string;
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

export type { Requester };
