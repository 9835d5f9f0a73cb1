import { join } from 'node:path';
import { classifyTool, commonBase, MalformedPayload, maybeJson, record, str, strings } from '../../hooks/payload';
import type { HookCall, HookOutput, HookVerdict } from '../../hooks/types';
import { wholeFileFormat } from '../hook-file-formats';
import { exactKeys, parseAnswer, SELF_TEST_SESSION } from './shared';
import type { AgentModule } from './types';

const MARKER = 'airlock-cline-hook';

/** Cline runs an executable named after the event; this one hands the payload to Airlock. */
function script(command: string): string {
  return `#!/bin/sh\n# ${MARKER}: written by "Airlock: Protect"; "Airlock: Remove Protection" deletes it.\nexec ${command}\n`;
}

function parse(p: Record<string, unknown>, fallbackCwd: string): HookCall {
  const roots = strings(p.workspaceRoots);
  const base = commonBase('cline', p, fallbackCwd, { roots, cwd: roots[0], event: str(p.hookName) ?? '', session: str(p.taskId) });
  if (base.event !== 'PreToolUse') return { ...base, kind: 'other' };
  const pre = record(p.preToolUse);
  const toolName = str(pre.toolName);
  if (toolName === undefined) throw new MalformedPayload('PreToolUse without "preToolUse.toolName"');
  const params = record(pre.parameters);
  if (toolName === 'use_mcp_tool') {
    // MCP calls name their server and tool: read as mcp__server__tool like every other agent's.
    return {
      ...base,
      kind: 'tool',
      toolName: `mcp__${str(params.server_name) ?? 'server'}__${str(params.tool_name) ?? 'tool'}`,
      toolInput: maybeJson(params.arguments),
    };
  }
  return classifyTool(base, toolName, params);
}

/** `cancel: true` blocks; errorMessage tells the model why. No "ask", no input rewrite. */
function answer(_call: unknown, verdict: HookVerdict): HookOutput {
  const body = verdict.decision === 'allow' ? { cancel: false } : { cancel: true, errorMessage: verdict.agentMessage };
  return { stdout: `${JSON.stringify(body)}\n`, stderr: '', exitCode: 0 };
}

/** Cline (docs.cline.bot/customization/hooks): executable hooks in .clinerules/hooks/ and ~/Documents/Cline/Hooks/. */
export const cline: AgentModule = {
  id: 'cline',
  name: 'Cline',
  requester: 'cline',
  // Cline kills a hook after 30 s (HOOK_EXECUTION_TIMEOUT_MS): Airlock answers before that.
  defaultTimeoutS: 30,
  installTimeoutS: 30,
  parse,
  answer,
  canAsk: () => false,
  // The answer on stdout blocks; an odd exit code might be read as a failed hook and ignored.
  // PreToolUse sees read_file.
  answersReads: true,
  malformedExit: 0,
  files: {
    workspace: (root) => [
      {
        path: join(root, '.clinerules', 'hooks', 'PreToolUse'),
        label: 'Cline (.clinerules/hooks/PreToolUse)',
        format: wholeFileFormat(script, MARKER, { executable: true }),
      },
    ],
    user: (home) => [
      {
        path: join(home, 'Documents', 'Cline', 'Hooks', 'PreToolUse'),
        label: 'Cline, every project (~/Documents/Cline/Hooks/PreToolUse)',
        format: wholeFileFormat(script, MARKER, { executable: true }),
      },
    ],
  },
  detect: { homeDirs: ['Documents/Cline', '.cline'], binaries: ['cline'], workspaceDirs: ['.clinerules', '.cline'] },
  selfTest: {
    payload: (command, cwd) =>
      JSON.stringify({
        clineVersion: '3.36.0',
        hookName: 'PreToolUse',
        timestamp: new Date().toISOString(),
        taskId: SELF_TEST_SESSION,
        workspaceRoots: [cwd],
        userId: 'airlock',
        preToolUse: { toolName: 'execute_command', parameters: { command, requires_approval: 'false' } },
      }),
    read: (out) => {
      if (out.exitCode !== 0) return { wrong: `exit code ${out.exitCode}` };
      const body = parseAnswer(out.stdout);
      if (typeof body === 'string') return { wrong: body };
      const extra = exactKeys(body, ['cancel', 'errorMessage', 'contextModification'], 'the answer');
      if (extra) return { wrong: extra };
      if (body.cancel === false) return 'allow';
      return body.cancel === true && typeof body.errorMessage === 'string' ? 'deny' : { wrong: 'cancel is not a boolean' };
    },
  },
  note: 'Cline runs hooks only with "Enable Hooks" on in its settings (CLI: cline config set hooks-enabled=true); no Windows (.ps1) hook yet.',
};
