import { join } from 'node:path';
import { postToolUseAnswer, toolUseAnswer } from '../../hooks/answer';
import { classifyTool, commonBase, MalformedPayload, postToolCall, str, toolUseCall } from '../../hooks/payload';
import type { HookCall, HookOutput, HookVerdict } from '../../hooks/types';
import { jsonHookFormat } from '../hook-file-formats';
import { exactKeys, parseAnswer, readToolUse } from './shared';
import type { AgentModule } from './types';
import { OBSERVE_TIMEOUT_S } from './vscode';

const TIMEOUT_S = 300;
const entry = (command: string, timeoutSec: number) => ({
  type: 'command',
  bash: command,
  powershell: command.startsWith('"') ? `& ${command}` : command,
  timeoutSec,
});
const format = jsonHookFormat({
  skeleton: '{\n  "version": 1,\n  "hooks": {}\n}\n',
  emptyKeys: ['version'],
  lists: [
    { path: ['hooks', 'preToolUse'], entry: (command) => entry(command, TIMEOUT_S) },
    // After a tool ran: an edit by a tool the pre-hook did not read as one can only be alerted on.
    { path: ['hooks', 'postToolUse'], entry: (command) => entry(command, OBSERVE_TIMEOUT_S), observeOnly: true },
  ],
});

const POST_EVENTS = ['postToolUse', 'PostToolUse'];

/** The post-tool event: named so, or (camelCase payloads name no event) carrying the tool's result. */
function isPostToolUse(p: Record<string, unknown>): boolean {
  const event = str(p.hook_event_name) ?? str(p.hookEventName);
  return event !== undefined ? POST_EVENTS.includes(event) : p.toolResult !== undefined && p.tool_name === undefined;
}

function parse(p: Record<string, unknown>, fallbackCwd: string): HookCall {
  if (isPostToolUse(p)) {
    const camel = p.tool_name === undefined && p.toolName !== undefined;
    const base = {
      ...commonBase('copilot', p, fallbackCwd, { event: str(p.hook_event_name) ?? str(p.hookEventName) ?? 'postToolUse' }),
      format: camel ? 'camel' : 'vscode',
    };
    const toolName = str(p.tool_name) ?? str(p.toolName);
    if (toolName === undefined) throw new MalformedPayload('postToolUse without a "toolName" string');
    return postToolCall(base, toolName, camel ? p.toolArgs : (p.tool_input ?? p.toolArgs));
  }
  // The camelCase event sends camelCase fields (toolName, toolArgs as a JSON string); the
  // PascalCase one (and VS Code running this file) sends VS Code's snake_case payload.
  if (p.tool_name === undefined && p.toolName !== undefined) {
    const base = { ...commonBase('copilot', p, fallbackCwd, { event: str(p.hookEventName) ?? 'preToolUse' }), format: 'camel' };
    const toolName = str(p.toolName);
    if (toolName === undefined) throw new MalformedPayload('preToolUse without a "toolName" string');
    return classifyTool(base, toolName, p.toolArgs);
  }
  return { ...toolUseCall(commonBase('copilot', p, fallbackCwd), p, ['PreToolUse', 'preToolUse']), format: 'vscode' };
}

function answer(call: Pick<HookCall, 'format'> | undefined, verdict: HookVerdict): HookOutput {
  if (call?.format === 'vscode') return toolUseAnswer(verdict);
  if (verdict.decision === 'allow' && verdict.decidedBy === 'rules') return { stdout: '', stderr: '', exitCode: 0 };
  const reason = verdict.decision === 'deny' ? verdict.agentMessage : verdict.userMessage;
  return { stdout: `${JSON.stringify({ permissionDecision: verdict.decision, permissionDecisionReason: reason })}\n`, stderr: '', exitCode: 0 };
}

/**
 * GitHub Copilot CLI (docs.github.com/en/copilot/reference/hooks-reference): .github/hooks/*.json
 * and ~/.copilot/hooks. Command hooks fail closed on a crash or odd exit, but timeouts fail
 * open: the watchdog answers well before `timeoutSec`.
 */
export const copilot: AgentModule = {
  id: 'copilot',
  name: 'Copilot CLI',
  requester: 'copilot',
  defaultTimeoutS: 30,
  installTimeoutS: TIMEOUT_S,
  parse,
  answer,
  // The CLI ignores postToolUse output; VS Code running this file reads PostToolUse's.
  observed: (call, alert) => (call.format === 'vscode' ? postToolUseAnswer(alert) : { stdout: '', stderr: '', exitCode: 0 }),
  // The CLI's own prompt reaches a person; the cloud agent has none (its ask is a deny).
  canAsk: (call) => !call.headless,
  // preToolUse sees every tool.
  answersReads: true,
  malformedExit: 2,
  silentMeansNoOpinion: true,
  files: {
    workspace: (root) => [
      { path: join(root, '.github', 'hooks', 'airlock-copilot-cli.json'), label: 'Copilot CLI (.github/hooks/airlock-copilot-cli.json)', format },
    ],
    user: (home) => [{ path: join(home, '.copilot', 'hooks', 'airlock.json'), label: 'Copilot CLI, every project (~/.copilot/hooks/airlock.json)', format }],
  },
  detect: { homeDirs: ['.copilot'], binaries: ['copilot'], workspaceDirs: [] },
  selfTest: {
    payload: (command, cwd) =>
      JSON.stringify({ timestamp: Date.now(), cwd, toolName: 'bash', toolArgs: JSON.stringify({ command, description: 'Airlock self-test' }) }),
    read: (out) => {
      if (out.exitCode === 2) return 'deny';
      if (out.exitCode !== 0) return { wrong: `exit code ${out.exitCode}` };
      if (out.stdout.trim() === '') return 'allow';
      const body = parseAnswer(out.stdout);
      if (typeof body === 'string') return { wrong: body };
      if ('hookSpecificOutput' in body) return readToolUse(out);
      const extra = exactKeys(body, ['permissionDecision', 'permissionDecisionReason'], 'the answer');
      if (extra) return { wrong: extra };
      const d = String(body.permissionDecision);
      if (d === 'deny' && !body.permissionDecisionReason) return { wrong: 'deny without permissionDecisionReason (required)' };
      return d === 'allow' || d === 'deny' || d === 'ask' ? d : { wrong: `permissionDecision is ${d}` };
    },
  },
};
