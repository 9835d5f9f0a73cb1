/**
 * Findings the engine itself reports when it cannot see what a line would do. Never guess:
 * each is `ask`, with a reason a person can act on.
 */

import type { Finding } from '../findings';
import type { ProblemKind, ReduceProblem } from '../shell/reduce';

export interface EngineFindingSpec {
  id: string;
  decision?: 'ask' | 'deny';
  reason: string;
  suggestion?: string;
}

export const ENGINE_FINDINGS: Record<ProblemKind | 'bad-input' | 'rule-failed', EngineFindingSpec> = {
  'parse-error': {
    id: 'guard.unparseable',
    reason: 'Airlock could not parse this line and it mentions a guarded tool',
    suggestion: 'Fix the quoting, or split the line into simpler commands.',
  },
  'too-deep': {
    id: 'guard.nesting-too-deep',
    reason: 'The line nests shells or substitutions deeper than Airlock follows',
    suggestion: 'Run the inner command directly.',
  },
  'unreadable-script': {
    id: 'guard.unreadable-script',
    reason: 'The line runs a script Airlock cannot read',
    suggestion: 'Check the script exists and is readable, then run it again.',
  },
  'opaque-script-input': {
    id: 'guard.opaque-script-input',
    reason: 'A shell or interpreter runs a program piped in from something Airlock cannot see',
    suggestion: 'Download to a file, read it, then run the file.',
  },
  'dynamic-command': {
    id: 'guard.dynamic-command',
    reason: 'The command name is only known when the line runs, so Airlock cannot tell what it would do',
    suggestion: 'Write the command name out.',
  },
  'maybe-dynamic-command': {
    id: 'guard.dynamic-command',
    reason: 'A word only known when the line runs may be the command name, and the arguments look destructive',
    suggestion: 'Write the command name out.',
  },
  'fork-bomb': { id: 'filesystem.fork-bomb', decision: 'deny', reason: 'A fork bomb: it starts processes until the machine stops responding' },
  'too-complex': { id: 'guard.too-complex', reason: 'The line is too complex for Airlock to check in full', suggestion: 'Split it into smaller commands.' },
  'bad-input': { id: 'guard.bad-input', reason: 'The line cannot be checked as given' },
  'rule-failed': { id: 'guard.rule-failed', reason: 'A guard rule failed on this line, so Airlock cannot vouch for it' },
};

export function engineFinding(kind: keyof typeof ENGINE_FINDINGS, segment: string, detail?: string): Finding {
  const spec = ENGINE_FINDINGS[kind];
  return {
    rule: spec.id,
    severity: spec.decision === 'deny' ? 'critical' : 'high',
    decision: spec.decision ?? 'ask',
    reason: detail ? `${spec.reason}: ${detail}.` : `${spec.reason}.`,
    segment: segment.slice(0, 500),
    ...(spec.suggestion ? { suggestion: spec.suggestion } : {}),
  };
}

/** Arguments that make a command with a run-time name worth asking about. */
const DESTRUCTIVE_ARGUMENT =
  /^(-rf|-fr|-r|--force|--hard|delete|destroy|drop|rm|remove|purge|wipe|reset|truncate|prune|down|clean|flush|flushall|kill|terminate|uninstall|revoke)$/i;

/** What the line names: any fast-path trigger word, and a rule's own keyword (a guarded tool). */
export interface LineMentions {
  trigger: boolean;
  guardedTool: boolean;
}

/**
 * `source <(kubectl completion bash)`, `eval "$(helm completion zsh)"`: a CLI's own completion
 * script for a shell, printed by the tool (which the rules check as a command of its own). It only
 * defines completion functions, so sourcing it is not an unreadable program.
 */
const COMPLETION_SCRIPT =
  /^(?:(?:source|\.)\s+<\(|\$\()\s*[A-Za-z][\w.-]*(?:\s+[a-z][\w-]*)?\s+completions?\s+(?:(?:-s|--shell)[=\s]\s*)?(?:bash|zsh|fish|powershell|pwsh)\s*\)$/;

export function problemFinding(problem: ReduceProblem, mentions: LineMentions): Finding | undefined {
  if (problem.kind === 'parse-error' && !mentions.trigger) return undefined;
  if (
    (problem.kind === 'unreadable-script' || problem.kind === 'dynamic-command' || problem.kind === 'maybe-dynamic-command') &&
    COMPLETION_SCRIPT.test(problem.segment.trim())
  )
    return undefined;
  if (problem.kind === 'maybe-dynamic-command') {
    // `env $(cat .env | xargs) npm test`: the run-time word is most likely assignments. Asked about
    // only on a line that names a guarded tool or with destructive arguments (`$T destroy`).
    // A name certainly in command position (`$X -rf ~`, `$(cat cmd.txt)`) always asks.
    const words = problem.segment.split(/\s+/).slice(1);
    if (!mentions.guardedTool && !words.some((w) => DESTRUCTIVE_ARGUMENT.test(w.replace(/['"]/g, '')))) return undefined;
  }
  return engineFinding(problem.kind, problem.segment, problem.detail);
}
