import type { CheckResult } from '../../../src/core/findings';
import type { HookAgent } from '../../../src/core/hooks/types';

export const ROOT = '/work/demo-app';

/** A stand-in for the guard: `railway volume delete` asks on production, `rm -rf /` is denied. */
export async function fakeAssess(line: string): Promise<CheckResult> {
  if (/rm -rf \/$/.test(line))
    return {
      decision: 'deny',
      environment: null,
      findings: [{ rule: 'fs.rm-root', severity: 'critical', decision: 'deny', reason: 'Deletes the whole filesystem', segment: 'rm -rf /' }],
    };
  if (/railway volume delete/.test(line)) {
    return {
      decision: 'ask',
      environment: 'production',
      confirmation: 'typed',
      target: {
        name: 'production',
        resource: 'vol_1',
        environment: 'production',
        evidence: [{ source: '.railway/config.json', value: 'production' }],
        sharedWith: [],
      },
      findings: [
        {
          rule: 'railway.volume-delete',
          severity: 'critical',
          decision: 'ask',
          reason: 'Deletes a Railway volume and every byte on it',
          segment: 'railway volume delete vol_1',
          resource: 'a Railway volume',
        },
      ],
    };
  }
  return { decision: 'allow', environment: null, findings: [] };
}

/**
 * Each agent's documented payloads (from its hook reference), one builder per kind of call.
 * `read` is undefined for agents that have no read event (Codex reads through the shell).
 */
export const PAYLOADS: Record<HookAgent, { shell: (c: string) => unknown; read?: (f: string) => unknown; write: (f: string) => unknown; malformed: unknown }> =
  {
    cursor: {
      shell: (command) => ({
        hook_event_name: 'beforeShellExecution',
        conversation_id: 'c1',
        generation_id: 'g1',
        workspace_roots: [ROOT],
        command,
        cwd: ROOT,
        sandbox: false,
      }),
      read: (file_path) => ({
        hook_event_name: 'beforeReadFile',
        conversation_id: 'c1',
        generation_id: 'g1',
        workspace_roots: [ROOT],
        file_path,
        content: 'x',
        attachments: [],
      }),
      write: (file_path) => ({
        hook_event_name: 'preToolUse',
        conversation_id: 'c1',
        generation_id: 'g1',
        workspace_roots: [ROOT],
        tool_name: 'Write',
        tool_input: { file_path, contents: '{}' },
      }),
      malformed: { hook_event_name: 'beforeShellExecution', conversation_id: 'c1' },
    },
    claude: {
      shell: (command) => ({
        session_id: 's1',
        transcript_path: '/tmp/t',
        cwd: ROOT,
        permission_mode: 'default',
        hook_event_name: 'PreToolUse',
        tool_name: 'Bash',
        tool_input: { command, description: 'x' },
        tool_use_id: 'toolu_1',
      }),
      read: (file_path) => ({
        session_id: 's1',
        transcript_path: '/tmp/t',
        cwd: ROOT,
        permission_mode: 'default',
        hook_event_name: 'PreToolUse',
        tool_name: 'Read',
        tool_input: { file_path },
        tool_use_id: 'toolu_2',
      }),
      write: (file_path) => ({
        session_id: 's1',
        transcript_path: '/tmp/t',
        cwd: ROOT,
        permission_mode: 'default',
        hook_event_name: 'PreToolUse',
        tool_name: 'Write',
        tool_input: { file_path, content: '{}' },
        tool_use_id: 'toolu_3',
      }),
      malformed: { hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: {} },
    },
    vscode: {
      shell: (command) => ({
        timestamp: '2026-12-06T00:00:00Z',
        hook_event_name: 'PreToolUse',
        session_id: 's2',
        transcript_path: '/tmp/t',
        cwd: ROOT,
        tool_name: 'run_in_terminal',
        tool_input: { command, explanation: 'x', isBackground: false },
        tool_use_id: 't2',
      }),
      read: (filePath) => ({
        timestamp: '2026-12-06T00:00:00Z',
        hook_event_name: 'PreToolUse',
        session_id: 's2',
        cwd: ROOT,
        tool_name: 'read_file',
        tool_input: { filePath, startLine: 1, endLine: 50 },
        tool_use_id: 't3',
      }),
      write: (filePath) => ({
        timestamp: '2026-12-06T00:00:00Z',
        hook_event_name: 'PreToolUse',
        session_id: 's2',
        cwd: ROOT,
        tool_name: 'replace_string_in_file',
        tool_input: { filePath, oldString: 'a', newString: 'b' },
        tool_use_id: 't4',
      }),
      malformed: { hook_event_name: 'PreToolUse', tool_name: 'read_file', tool_input: {} },
    },
    codex: {
      shell: (command) => ({
        session_id: 's3',
        turn_id: '1',
        transcript_path: null,
        cwd: ROOT,
        hook_event_name: 'PreToolUse',
        model: 'gpt-5-codex',
        permission_mode: 'default',
        tool_name: 'Bash',
        tool_input: { command },
        tool_use_id: 'call_1',
      }),
      write: (file) => ({
        session_id: 's3',
        turn_id: '1',
        cwd: ROOT,
        hook_event_name: 'PreToolUse',
        tool_name: 'apply_patch',
        tool_input: { command: `*** Begin Patch\n*** Update File: ${file}\n@@\n-a\n+b\n*** End Patch\n` },
        tool_use_id: 'call_2',
      }),
      malformed: { hook_event_name: 'PreToolUse', tool_input: { command: 'ls' } },
    },
    gemini: {
      shell: (command) => ({
        session_id: 's4',
        transcript_path: '/tmp/t',
        cwd: ROOT,
        hook_event_name: 'BeforeTool',
        timestamp: '2026-12-06T00:00:00Z',
        tool_name: 'run_shell_command',
        tool_input: { command, description: 'x' },
      }),
      read: (absolute_path) => ({
        session_id: 's4',
        cwd: ROOT,
        hook_event_name: 'BeforeTool',
        timestamp: 't',
        tool_name: 'read_file',
        tool_input: { absolute_path },
      }),
      write: (file_path) => ({
        session_id: 's4',
        cwd: ROOT,
        hook_event_name: 'BeforeTool',
        timestamp: 't',
        tool_name: 'write_file',
        tool_input: { file_path, content: '{}' },
      }),
      malformed: { hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command: 42 } },
    },
    copilot: {
      shell: (command) => ({ timestamp: 1765000000000, cwd: ROOT, toolName: 'bash', toolArgs: JSON.stringify({ command, description: 'x' }) }),
      read: (path) => ({ timestamp: 1765000000000, cwd: ROOT, toolName: 'view', toolArgs: JSON.stringify({ path }) }),
      write: (path) => ({ timestamp: 1765000000000, cwd: ROOT, toolName: 'edit', toolArgs: JSON.stringify({ path, old_str: 'a', new_str: 'b' }) }),
      malformed: { timestamp: 1, cwd: ROOT, toolName: 'bash', toolArgs: '{"description": "no command"}' },
    },
    windsurf: {
      shell: (command_line) => ({
        agent_action_name: 'pre_run_command',
        trajectory_id: 'tr1',
        execution_id: 'e1',
        timestamp: 't',
        tool_info: { command_line, cwd: ROOT },
      }),
      read: (file_path) => ({ agent_action_name: 'pre_read_code', trajectory_id: 'tr1', execution_id: 'e2', timestamp: 't', tool_info: { file_path } }),
      write: (file_path) => ({
        agent_action_name: 'pre_write_code',
        trajectory_id: 'tr1',
        execution_id: 'e3',
        timestamp: 't',
        tool_info: { file_path, edits: [{ old_string: 'a', new_string: 'b' }] },
      }),
      malformed: { agent_action_name: 'pre_run_command', tool_info: {} },
    },
    kiro: {
      shell: (command) => ({ hook_event_name: 'preToolUse', cwd: ROOT, tool_name: 'execute_bash', tool_input: { command } }),
      read: (path) => ({ hook_event_name: 'preToolUse', cwd: ROOT, tool_name: 'fs_read', tool_input: { operations: [{ mode: 'Line', path }] } }),
      write: (path) => ({ hook_event_name: 'preToolUse', cwd: ROOT, tool_name: 'fs_write', tool_input: { command: 'create', path, file_text: '{}' } }),
      malformed: { hook_event_name: 'preToolUse', cwd: ROOT, tool_name: 'execute_bash', tool_input: {} },
    },
    opencode: {
      shell: (command) => ({
        hook_event_name: 'tool.execute.before',
        tool: 'bash',
        sessionID: 'ses1',
        callID: 'call1',
        args: { command, description: 'x' },
        cwd: ROOT,
      }),
      read: (filePath) => ({ hook_event_name: 'tool.execute.before', tool: 'read', sessionID: 'ses1', callID: 'call2', args: { filePath }, cwd: ROOT }),
      write: (filePath) => ({
        hook_event_name: 'tool.execute.before',
        tool: 'edit',
        sessionID: 'ses1',
        callID: 'call3',
        args: { filePath, oldString: 'a', newString: 'b' },
        cwd: ROOT,
      }),
      malformed: { hook_event_name: 'tool.execute.before', args: { command: 'ls' }, cwd: ROOT },
    },
    cline: {
      shell: (command) => ({
        clineVersion: '3.36.0',
        hookName: 'PreToolUse',
        timestamp: 't',
        taskId: 'task1',
        workspaceRoots: [ROOT],
        userId: 'u',
        preToolUse: { toolName: 'execute_command', parameters: { command, requires_approval: 'false' } },
      }),
      read: (path) => ({
        clineVersion: '3.36.0',
        hookName: 'PreToolUse',
        timestamp: 't',
        taskId: 'task1',
        workspaceRoots: [ROOT],
        userId: 'u',
        preToolUse: { toolName: 'read_file', parameters: { path } },
      }),
      write: (path) => ({
        clineVersion: '3.36.0',
        hookName: 'PreToolUse',
        timestamp: 't',
        taskId: 'task1',
        workspaceRoots: [ROOT],
        userId: 'u',
        preToolUse: { toolName: 'write_to_file', parameters: { path, content: '{}' } },
      }),
      malformed: { clineVersion: '3.36.0', hookName: 'PreToolUse', taskId: 'task1', workspaceRoots: [ROOT], preToolUse: { parameters: {} } },
    },
  };
