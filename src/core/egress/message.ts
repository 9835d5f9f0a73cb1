import { describeTarget } from '../environment/describe';
import type { Target } from '../environment/target';
import type { EgressJudgement } from './judge';

/** Why a held request did not go out. */
export type Refusal = { kind: 'blocked' } | { kind: 'timeout' } | { kind: 'no-editor'; why: string } | { kind: 'unreadable'; why: string };

/**
 * The body of the 403 a sandboxed client gets instead of the provider's answer: what was
 * stopped, why, and that the agent must ask the person. Plain text, so curl, a Python traceback
 * and an agent's transcript all show it as it is. Redacted by the caller.
 */
export function refusalText(judgement: EgressJudgement, target: Target | undefined, refusal: Refusal): string {
  const outcome =
    refusal.kind === 'blocked'
      ? 'The person blocked it in the editor.'
      : refusal.kind === 'timeout'
        ? 'Nobody confirmed it in the editor in time.'
        : refusal.kind === 'no-editor'
          ? `No editor could ask the person to confirm it (${refusal.why}).`
          : `Airlock could not read the request (${refusal.why}).`;
  const lines = [
    `Airlock stopped this request before it left the machine: ${judgement.summary}`,
    ...judgement.findings.slice(0, 3).map((f) => `Why: ${f.reason}`),
    ...(target ? [`Environment: ${describeTarget(target)}`] : []),
    outcome,
    'Nothing was sent to the API. Do not retry this request another way: stop and ask the person to confirm it in the editor, or to run it themselves.',
  ];
  return `${lines.join('\n')}\n`;
}
