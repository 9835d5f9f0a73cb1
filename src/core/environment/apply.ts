import { minimatch } from 'minimatch';
import type { CheckResult, Finding } from '../findings';
import { DEFAULT_ENVIRONMENT_POLICY, type EffectiveEnvironmentPolicy } from '../policy/environments';
import { type Decision, type Environment, stricterDecision } from '../types';
import { confirmationFor } from './classify';
import type { EnvironmentOptions } from './context';
import { resolveTarget } from './resolve';
import type { Target } from './target';

export interface ApplyEnvironmentOptions extends Omit<EnvironmentOptions, 'patterns'> {
  /** Environment patterns and decisions from the merged policy. */
  policy?: EffectiveEnvironmentPolicy;
  /** Environments whose confirmation is typed besides production and unknown (policy `typedConfirmation`). */
  typedConfirmation?: readonly Environment[];
  /** Environments or target-name globs only a person in the editor may approve (policy `forbidAgentApproval`). */
  personOnly?: readonly string[];
}

/** True when the target's environment, or its name or resource (globs), is one policy reserves for a person. */
function reservedForPerson(target: Target, list: readonly string[] | undefined): boolean {
  if (!list?.length) return false;
  const names = [target.name, target.resource].filter((n): n is string => !!n);
  return list.some((entry) => entry === target.environment || names.some((n) => n === entry || minimatch(n, entry, { nocase: true })));
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
    if (!t || finding.rule.startsWith('guard.') || isSelfProtection(finding) || finding.decision === 'deny') {
      decision = stricterDecision(decision, finding.decision);
      continue;
    }
    if (rule === 'allow-and-log' && reservedForPerson(t, options.personOnly)) {
      note(notes, `policy reserves ${t.environment}${t.name ? ` (${t.name})` : ''} for a person: allow-and-log does not apply (${finding.rule})`);
      decision = stricterDecision(decision, finding.decision);
    } else if (rule === 'deny') {
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
    confirmation: result.findings.some(isSelfProtection) || options.typedConfirmation?.includes(environment) ? 'typed' : confirmationFor(environment),
    ...([...targets.values()].some((t) => reservedForPerson(t, options.personOnly)) ? { personOnly: true } : {}),
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
