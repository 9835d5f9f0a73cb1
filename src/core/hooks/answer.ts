import type { HookAgent, HookCall, HookOutput, HookVerdict } from './types';

/**
 * Puts a verdict in the agent's own format and exit-code convention.
 * - Cursor: `{"permission", "user_message", "agent_message"}` on stdout, exit 0; the camelCase
 *   spellings older builds read are emitted too. `beforeReadFile` takes the permission only.
 * - Claude Code and VS Code: `hookSpecificOutput.permissionDecision` on stdout, exit 0.
 *   A benign allow prints nothing: Airlock never approves on the person's behalf, it only
 *   stays out of the way, so the agent's own permission rules still apply. That is also what
 *   the launcher's shell fast path answers.
 */
export function formatAnswer(agent: HookAgent, call: Pick<HookCall, 'event'> | undefined, verdict: HookVerdict): HookOutput {
  if (agent === 'cursor') return cursorAnswer(call?.event, verdict);
  return toolUseAnswer(verdict);
}

function cursorAnswer(event: string | undefined, verdict: HookVerdict): HookOutput {
  // Airlock's person is asked in the editor, never through Cursor's own prompt: not allowed is denied.
  const permission = verdict.decision === 'allow' ? 'allow' : 'deny';
  const body: Record<string, string> = { permission };
  // beforeReadFile documents the permission only; the messages are harmless extras elsewhere.
  if (permission !== 'allow' && event !== 'beforeReadFile') {
    body.user_message = verdict.userMessage;
    body.agent_message = verdict.agentMessage;
    body.userMessage = verdict.userMessage;
    body.agentMessage = verdict.agentMessage;
  }
  return { stdout: `${JSON.stringify(body)}\n`, stderr: '', exitCode: 0 };
}

function toolUseAnswer(verdict: HookVerdict): HookOutput {
  if (verdict.decision === 'allow' && verdict.decidedBy === 'rules') return { stdout: '', stderr: '', exitCode: 0 };
  const reason = verdict.decision === 'deny' ? verdict.agentMessage : verdict.userMessage;
  const body = {
    hookSpecificOutput: {
      hookEventName: 'PreToolUse',
      permissionDecision: verdict.decision,
      permissionDecisionReason: reason,
    },
  };
  return { stdout: `${JSON.stringify(body)}\n`, stderr: '', exitCode: 0 };
}

/** The answer to a payload Airlock cannot read: deny, exit 2 (every agent's "block"), plain words. */
export function malformedAnswer(agent: HookAgent, message: string): HookOutput {
  const verdict: HookVerdict = {
    decision: 'deny',
    decidedBy: 'rules',
    userMessage: `Airlock blocked this action: ${message}.`,
    agentMessage: `Airlock could not read this tool call (${message}), so it was blocked. Stop and tell the person; do not retry it another way.`,
  };
  const out = formatAnswer(agent, undefined, verdict);
  return { ...out, stderr: `airlock hook ${agent}: ${message}\n`, exitCode: 2 };
}
