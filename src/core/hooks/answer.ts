import { agentModule } from '../protection/agents';
import type { HookAgent, HookCall, HookOutput, HookVerdict } from './types';

/**
 * Puts a verdict in the agent's own format and exit-code convention: each agent's module
 * (src/core/protection/agents) writes its own; the shapes several agents share are here.
 */
export function formatAnswer(agent: HookAgent, call: Pick<HookCall, 'event' | 'format'> | undefined, verdict: HookVerdict): HookOutput {
  return agentModule(agent).answer(call, verdict);
}

/**
 * Claude Code's shape (VS Code, Copilot's VS Code format): `hookSpecificOutput.permissionDecision`
 * on stdout, exit 0. A benign allow prints nothing: Airlock never approves on the person's
 * behalf, it only stays out of the way, so the agent's own permission rules still apply. That
 * is also what the launcher's shell fast path answers.
 */
export function toolUseAnswer(verdict: HookVerdict, decisions: ReadonlyArray<HookVerdict['decision']> = ['allow', 'deny', 'ask']): HookOutput {
  if (verdict.decision === 'allow' && verdict.decidedBy === 'rules') return { stdout: '', stderr: '', exitCode: 0 };
  // An agent without "ask" hears deny: its ask would fail open or be auto-approved.
  const decision = decisions.includes(verdict.decision) ? verdict.decision : 'deny';
  const reason = decision === 'deny' ? verdict.agentMessage : verdict.userMessage;
  const body = {
    hookSpecificOutput: {
      hookEventName: 'PreToolUse',
      permissionDecision: decision,
      permissionDecisionReason: reason,
    },
  };
  return { stdout: `${JSON.stringify(body)}\n`, stderr: '', exitCode: 0 };
}

/**
 * Claude Code's PostToolUse shape (VS Code, Copilot's VS Code format): nothing for an ordinary
 * edit; for an edit of Airlock's files, `decision: "block"` with the reason, which the agent
 * reads (the tool already ran: "block" stops nothing, it makes the agent read the reason), and
 * the same words as additionalContext.
 */
export function postToolUseAnswer(alert: string | undefined): HookOutput {
  if (alert === undefined) return { stdout: '', stderr: '', exitCode: 0 };
  const body = { decision: 'block', reason: alert, hookSpecificOutput: { hookEventName: 'PostToolUse', additionalContext: alert } };
  return { stdout: `${JSON.stringify(body)}\n`, stderr: '', exitCode: 0 };
}

/** Agents that block only by exit code 2 (Windsurf, Kiro): the reason goes to stderr, which the model reads. */
export function exitCodeAnswer(verdict: HookVerdict): HookOutput {
  if (verdict.decision === 'allow') return { stdout: '', stderr: '', exitCode: 0 };
  return { stdout: '', stderr: `${verdict.agentMessage}\n`, exitCode: 2 };
}

/** The deny Airlock gives for a payload it cannot read. */
export function malformedVerdict(message: string): HookVerdict {
  return {
    decision: 'deny',
    decidedBy: 'rules',
    userMessage: `Airlock blocked this action: ${message}.`,
    agentMessage: `Airlock could not read this tool call (${message}), so it was blocked. Stop and tell the person; do not retry it another way.`,
  };
}

/** The answer to a payload Airlock cannot read: deny in the agent's format, its block exit code, plain words. */
export function malformedAnswer(agent: HookAgent, message: string): HookOutput {
  const mod = agentModule(agent);
  const out = mod.answer(undefined, malformedVerdict(message));
  return { ...out, stderr: out.stderr || `airlock hook ${agent}: ${message}\n`, exitCode: mod.malformedExit };
}
