import { join } from 'node:path';
import { exitCodeAnswer } from '../../hooks/answer';
import { classifyTool, commonBase, editedCall, MalformedPayload, record, str } from '../../hooks/payload';
import type { HookCall } from '../../hooks/types';
import { jsonHookFormat } from '../hook-file-formats';
import { readExitCode, SELF_TEST_SESSION, selfTestId } from './shared';
import type { AgentModule } from './types';

const EVENTS = ['pre_run_command', 'pre_read_code', 'pre_write_code', 'pre_mcp_tool_use'] as const;
const format = jsonHookFormat({
  skeleton: '{\n  "hooks": {}\n}\n',
  lists: [
    ...EVENTS.map((event) => ({ path: ['hooks', event], entry: (command: string) => ({ command, show_output: true }) })),
    // After Cascade wrote: an edit pre_write_code did not stop can only be alerted on.
    { path: ['hooks', 'post_write_code'], entry: (command: string) => ({ command, show_output: false }), observeOnly: true },
  ],
});

function parse(p: Record<string, unknown>, fallbackCwd: string): HookCall {
  const info = record(p.tool_info);
  const event = str(p.agent_action_name) ?? '';
  const base = commonBase('windsurf', p, fallbackCwd, { event, cwd: str(info.cwd), session: str(p.trajectory_id) });
  switch (event) {
    case 'pre_run_command': {
      const command = str(info.command_line);
      if (command === undefined) throw new MalformedPayload('pre_run_command without "tool_info.command_line"');
      return classifyTool(base, 'execute_command', { command });
    }
    case 'pre_read_code':
      if (str(info.file_path) === undefined) throw new MalformedPayload('pre_read_code without "tool_info.file_path"');
      return classifyTool(base, 'read_file', { file_path: info.file_path });
    case 'pre_write_code':
      if (str(info.file_path) === undefined) throw new MalformedPayload('pre_write_code without "tool_info.file_path"');
      return classifyTool(base, 'write_file', { file_path: info.file_path });
    case 'post_write_code': {
      const file = str(info.file_path);
      if (file === undefined) throw new MalformedPayload('post_write_code without "tool_info.file_path"');
      return editedCall(base, [file]);
    }
    case 'pre_mcp_tool_use': {
      const tool = str(info.mcp_tool_name);
      if (tool === undefined) throw new MalformedPayload('pre_mcp_tool_use without "tool_info.mcp_tool_name"');
      return { ...base, kind: 'tool', toolName: `mcp__${str(info.mcp_server_name) ?? 'server'}__${tool}`, toolInput: info.mcp_tool_arguments };
    }
    case '':
      throw new MalformedPayload('the hook input has no "agent_action_name"');
    default:
      return { ...base, kind: 'other' };
  }
}

/** Windsurf Cascade (docs.windsurf.com/windsurf/cascade/hooks): pre-hooks block only with exit 2. */
export const windsurf: AgentModule = {
  id: 'windsurf',
  name: 'Windsurf (Cascade)',
  requester: 'windsurf',
  // Windsurf documents no hook timeout: Airlock answers within 30 s, like Cursor, rather than risk
  // being cut off (and let through) by an undocumented shorter one.
  defaultTimeoutS: 30,
  installTimeoutS: 30,
  parse,
  answer: (_call, verdict) => exitCodeAnswer(verdict),
  canAsk: () => false,
  // pre_read_code.
  answersReads: true,
  malformedExit: 2,
  files: {
    workspace: (root) => [{ path: join(root, '.windsurf', 'hooks.json'), label: 'Windsurf (.windsurf/hooks.json)', format }],
    user: (home) => [{ path: join(home, '.codeium', 'windsurf', 'hooks.json'), label: 'Windsurf, every project (~/.codeium/windsurf/hooks.json)', format }],
  },
  detect: { homeDirs: ['.codeium/windsurf', '.windsurf'], binaries: ['windsurf'], workspaceDirs: ['.windsurf', '.windsurfrules'] },
  selfTest: {
    payload: (command, cwd) =>
      JSON.stringify({
        agent_action_name: 'pre_run_command',
        trajectory_id: SELF_TEST_SESSION,
        execution_id: selfTestId(),
        timestamp: new Date().toISOString(),
        tool_info: { command_line: command, cwd },
      }),
    read: readExitCode,
  },
};
