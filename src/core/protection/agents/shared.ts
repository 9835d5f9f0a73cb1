import type { HookOutput } from '../../hooks/types';

/** Self-test ids: recognisable in the log, never a real session. */
export const SELF_TEST_SESSION = 'airlock-self-test';

export function selfTestId(): string {
  return `${SELF_TEST_SESSION}-${process.pid}-${Date.now().toString(36)}`;
}

type Read = 'allow' | 'deny' | 'ask' | { wrong: string };

/** The answer's JSON object, or what is wrong with it. */
function json(stdout: string): Record<string, unknown> | string {
  try {
    const v = JSON.parse(stdout) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : 'the answer is not a JSON object';
  } catch {
    return `the answer is not JSON: ${stdout.slice(0, 120)}`;
  }
}

function exactKeys(value: Record<string, unknown>, allowed: string[], where: string): string | undefined {
  const extra = Object.keys(value).filter((k) => !allowed.includes(k));
  return extra.length ? `unexpected field(s) ${extra.join(', ')} in ${where}` : undefined;
}

/**
 * Claude Code's shape: nothing (no opinion) or exactly hookSpecificOutput{hookEventName,
 * permissionDecision, permissionDecisionReason}. With `rewrites` (agents whose protocol has
 * `updatedInput`: Claude Code, VS Code), the egress gate's answer is read too: the command handed
 * back wrapped in `airlock run`, with no decision (the agent's own flow applies) or with one.
 */
export function readToolUse(out: HookOutput, decisions: string[] = ['allow', 'deny', 'ask'], rewrites = false): Read {
  if (out.exitCode === 2) return 'deny';
  if (out.exitCode !== 0) return { wrong: `exit code ${out.exitCode}` };
  if (out.stdout.trim() === '') return 'allow';
  const body = json(out.stdout);
  if (typeof body === 'string') return { wrong: body };
  const top = exactKeys(body, ['hookSpecificOutput'], 'the answer');
  if (top) return { wrong: top };
  const h = body.hookSpecificOutput as Record<string, unknown> | undefined;
  if (!h || typeof h !== 'object') return { wrong: 'no hookSpecificOutput object' };
  const inner = exactKeys(h, ['hookEventName', 'permissionDecision', 'permissionDecisionReason', ...(rewrites ? ['updatedInput'] : [])], 'hookSpecificOutput');
  if (inner) return { wrong: inner };
  if (h.hookEventName !== 'PreToolUse') return { wrong: `hookEventName is ${String(h.hookEventName)}` };
  if (h.updatedInput !== undefined) {
    const input = h.updatedInput as Record<string, unknown> | null;
    if (!input || typeof input !== 'object' || Array.isArray(input) || Object.values(input).every((v) => typeof v !== 'string' || v.trim() === ''))
      return { wrong: 'updatedInput holds no command' };
    // A rewritten input with no decision: the (wrapped) call goes on through the agent's own flow.
    if (h.permissionDecision === undefined && h.permissionDecisionReason === undefined) return 'allow';
  }
  if (typeof h.permissionDecisionReason !== 'string' || h.permissionDecisionReason === '') return { wrong: 'no permissionDecisionReason' };
  const d = String(h.permissionDecision);
  return decisions.includes(d) ? (d as Read) : { wrong: `permissionDecision "${d}" is not one of ${decisions.join('/')}` };
}

/** Agents that block by exit code 2 with the reason on stderr (Windsurf, Kiro). */
export function readExitCode(out: HookOutput): Read {
  if (out.exitCode === 0) return out.stdout.trim() === '' ? 'allow' : { wrong: 'unexpected output on stdout' };
  if (out.exitCode === 2) return out.stderr.trim() ? 'deny' : { wrong: 'exit 2 without a reason on stderr' };
  return { wrong: `exit code ${out.exitCode}` };
}

export { exactKeys, json as parseAnswer };
