import { join } from 'node:path';
import { absolute, classifyTool, commonBase, editedCall, MalformedPayload, maybeJson, str } from '../../hooks/payload';
import type { HookCall, HookOutput, HookVerdict } from '../../hooks/types';
import { jsonHookFormat } from '../hook-file-formats';
import { exactKeys, parseAnswer, SELF_TEST_SESSION, selfTestId } from './shared';
import type { AgentModule } from './types';

/** Events Airlock answers in Cursor's hooks.json. preToolUse only for file writes: the others cover shell, MCP and reads. */
export const CURSOR_EVENTS = ['beforeShellExecution', 'beforeMCPExecution', 'beforeReadFile', 'preToolUse'] as const;
/**
 * Edits no blocking hook sees: the agent's edits reported after the fact, and Tab's, which have
 * no before-event at all. Airlock can only alert on these (src/core/hooks/observed-edit.ts).
 */
export const CURSOR_OBSERVE_EVENTS = ['afterFileEdit', 'afterTabFileEdit'] as const;
const WRITE_MATCHER = 'Write|Edit|Delete';
const TIMEOUT_S = 30;

// failClosed: Cursor lets a call through when the hook crashes, times out or answers nothing, unless set.
const format = jsonHookFormat({
  skeleton: '{\n  "version": 1,\n  "hooks": {}\n}\n',
  emptyKeys: ['version'],
  lists: [
    ...CURSOR_EVENTS.map((event) => ({
      path: ['hooks', event],
      entry: (command: string) => (event === 'preToolUse' ? { command, failClosed: true, matcher: WRITE_MATCHER } : { command, failClosed: true }),
    })),
    // failClosed means nothing after the edit: there is nothing left to block.
    ...CURSOR_OBSERVE_EVENTS.map((event) => ({ path: ['hooks', event], entry: (command: string) => ({ command }), observeOnly: true })),
  ],
});

function parse(p: Record<string, unknown>, fallbackCwd: string): HookCall {
  const base = commonBase('cursor', p, fallbackCwd);
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
    case 'preToolUse': {
      const toolName = str(p.tool_name);
      if (toolName === undefined) throw new MalformedPayload('preToolUse without a "tool_name" string');
      return classifyTool(base, toolName, p.tool_input);
    }
    case 'afterFileEdit':
    case 'afterTabFileEdit': {
      const file = str(p.file_path);
      if (file === undefined) throw new MalformedPayload(`${base.event} without a "file_path" string`);
      return editedCall(base, [file]);
    }
    case '':
      throw new MalformedPayload('the hook input has no "hook_event_name"');
    default:
      return { ...base, kind: 'other' };
  }
}

function answer(call: Pick<HookCall, 'event'> | undefined, verdict: HookVerdict): HookOutput {
  // Airlock's person is asked in the editor, never through Cursor's own prompt: not allowed is denied.
  const permission = verdict.decision === 'allow' ? 'allow' : 'deny';
  const body: Record<string, string> = { permission };
  // beforeReadFile documents the permission only; the messages are harmless extras elsewhere.
  // Older builds read camelCase userMessage/agentMessage: both spellings go out.
  if (permission !== 'allow' && call?.event !== 'beforeReadFile') {
    body.user_message = verdict.userMessage;
    body.agent_message = verdict.agentMessage;
    body.userMessage = verdict.userMessage;
    body.agentMessage = verdict.agentMessage;
  }
  return { stdout: `${JSON.stringify(body)}\n`, stderr: '', exitCode: 0 };
}

/** Cursor (cursor.com/docs/agent/hooks): .cursor/hooks.json, answers on stdout, failClosed entries. */
export const cursor: AgentModule = {
  id: 'cursor',
  name: 'Cursor',
  requester: 'cursor',
  defaultTimeoutS: 30,
  installTimeoutS: TIMEOUT_S,
  parse,
  answer,
  // afterFileEdit and afterTabFileEdit document no answer, and none reaches the agent.
  observed: () => ({ stdout: '', stderr: '', exitCode: 0 }),
  // Cursor's "ask" behaves as deny in beforeShellExecution and is not enforced in preToolUse.
  canAsk: () => false,
  // beforeReadFile.
  answersReads: true,
  malformedExit: 2,
  files: {
    workspace: (root) => [{ path: join(root, '.cursor', 'hooks.json'), label: 'Cursor (.cursor/hooks.json)', format }],
    user: (home) => [{ path: join(home, '.cursor', 'hooks.json'), label: 'Cursor, every project (~/.cursor/hooks.json)', format }],
  },
  detect: { homeDirs: ['.cursor'], binaries: ['cursor', 'cursor-agent'], workspaceDirs: ['.cursor'] },
  selfTest: {
    payload: (command, cwd) =>
      JSON.stringify({
        hook_event_name: 'beforeShellExecution',
        conversation_id: SELF_TEST_SESSION,
        generation_id: selfTestId(),
        workspace_roots: [cwd],
        command,
        cwd,
        sandbox: false,
      }),
    read: (out) => {
      if (out.exitCode === 2) return 'deny';
      if (out.exitCode !== 0) return { wrong: `exit code ${out.exitCode}` };
      const body = parseAnswer(out.stdout);
      if (typeof body === 'string') return { wrong: body };
      const extra = exactKeys(body, ['permission', 'user_message', 'agent_message', 'userMessage', 'agentMessage'], 'the answer');
      if (extra) return { wrong: extra };
      if (body.permission === 'allow') return 'allow';
      if (body.permission !== 'deny') return { wrong: `permission is ${String(body.permission)}` };
      return typeof body.agent_message === 'string' && typeof body.user_message === 'string' ? 'deny' : { wrong: 'deny without user_message/agent_message' };
    },
  },
};
