import type { CheckResult, Finding, Target } from '../guard/types';
import { DEFAULT_ENVIRONMENT_POLICY, type EffectiveEnvironmentPolicy } from '../policy/environments';
import { stricterDecision, type Decision, type Environment } from '../types';
import { confirmationFor } from './classify';
import type { EnvironmentOptions } from './context';
import { resolveTarget } from './resolve';

export interface ApplyEnvironmentOptions extends Omit<EnvironmentOptions, 'patterns'> {
  /** Environment patterns and decisions from the merged policy. */
  policy?: EffectiveEnvironmentPolicy;
}

const RISK: Record<Environment, number> = { production: 3, unknown: 2, staging: 1, development: 0 };

/**
 * Adds the target environment to a guard result: resolves each guarded finding's command,
 * reports the riskiest target (production, then unknown, staging, development) with its
 * evidence and the confirmation it needs, and applies the per-environment decision. A result
 * with no finding is returned as is (`environment: null`).
 */
export function applyEnvironment(result: CheckResult, options: ApplyEnvironmentOptions): CheckResult {
  const guarded = result.findings.filter((f) => f.command);
  if (!guarded.length) {
    // Engine findings ("cannot parse", "unreadable script") carry no command: nothing to resolve, so unknown.
    if (!result.findings.length) return result;
    return { ...result, environment: 'unknown', confirmation: 'typed' };
  }
  const policy = options.policy ?? DEFAULT_ENVIRONMENT_POLICY;
  const targets = new Map<Finding, Target>();
  for (const finding of guarded) {
    targets.set(finding, resolveTarget(finding.command!, { ...options, patterns: policy.patterns }));
  }
  let target: Target | undefined;
  for (const t of targets.values()) if (!target || RISK[t.environment] > RISK[target.environment]) target = t;
  const environment = target!.environment;

  const notes = [...(result.notes ?? [])];
  let decision: Decision = 'allow';
  for (const finding of result.findings) {
    const t = targets.get(finding);
    const rule = t ? policy.decisions[t.environment] : 'ask';
    if (!t || finding.rule.startsWith('guard.') || isSelfProtection(finding) || finding.decision === 'deny') { decision = stricterDecision(decision, finding.decision); continue; }
    if (rule === 'deny') {
      decision = 'deny';
      note(notes, `denied by policy: destructive commands on ${t.environment} are refused (${finding.rule})`);
    } else if (rule === 'allow-and-log') {
      note(notes, `allowed by policy and logged: ${t.environment} (${finding.rule})`);
    } else decision = stricterDecision(decision, finding.decision);
  }
  return {
    ...result,
    decision,
    environment,
    target: target!,
    // Changing Airlock's own files would turn it off: always typed, whatever the environment.
    confirmation: result.findings.some(isSelfProtection) ? 'typed' : confirmationFor(environment),
    ...(notes.length ? { notes } : {}),
  };
}

/** Findings about Airlock's own files: never loosened by a per-environment decision. */
function isSelfProtection(finding: Finding): boolean {
  return finding.rule.startsWith('airlock-self.');
}

function note(notes: string[], text: string): void {
  if (!notes.includes(text)) notes.push(text);
}
