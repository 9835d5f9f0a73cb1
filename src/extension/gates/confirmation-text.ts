import { confirmationWord, describeTarget } from '../../core/environment/describe';
import type { CheckResult } from '../../core/findings';
import type { GateKind } from '../../core/ipc/protocol';
import { redactText } from '../../core/redact';
import type { Confirmation, Environment, Requester, Severity } from '../../core/types';

/**
 * What the modal says, built from a check result. Pure (no vscode) so the wording is unit-tested.
 * Order matters: the environment comes first, in capitals, with where Airlock learned it;
 * then what will run, what it destroys and why, who asked, where, and the safer way.
 */
export interface ConfirmationView {
  /** The modal's message line: environment first. */
  title: string;
  /** The modal's detail text. */
  detail: string;
  confirmation: Confirmation;
  /** What the person must type for a typed confirmation (environment or resource name). */
  typedAnswer: string;
  environment: Environment;
  /** For the log: the first rule that matched, its severity, and the environment's evidence. */
  rule?: string;
  severity?: Severity;
  evidence: string[];
}

export interface ConfirmationSubject {
  kind: GateKind;
  requester: Requester;
  command?: string;
  file?: string;
  cwd: string;
  check: CheckResult;
}

const REQUESTER_NAMES: Record<Requester, string> = {
  cursor: 'Cursor agent',
  claude: 'Claude Code',
  copilot: 'Copilot (VS Code agent)',
  codex: 'Codex CLI',
  gemini: 'Gemini CLI',
  windsurf: 'Windsurf Cascade',
  kiro: 'Kiro',
  opencode: 'opencode',
  cline: 'Cline',
  terminal: 'a terminal',
  cli: 'the airlock CLI',
  unknown: 'an unknown caller',
};

export function requesterName(requester: Requester): string {
  return REQUESTER_NAMES[requester] ?? REQUESTER_NAMES.unknown;
}

/** Without a resolved target, the environment alone; `unknown` reads as production-grade. */
export function environmentHeadline(check: CheckResult): string {
  if (check.target) return describeTarget(check.target);
  const environment = check.environment ?? 'unknown';
  return environment === 'unknown' ? 'UNKNOWN ENVIRONMENT (treated as production) — Airlock could not tell where this lands' : environment.toUpperCase();
}

export function confirmationView(subject: ConfirmationSubject): ConfirmationView {
  const { check } = subject;
  // What the person sees may quote a command line: only redacted previews of secrets in it.
  subject = { ...subject, command: subject.command !== undefined ? redactText(subject.command) : undefined };
  const environment: Environment = check.target?.environment ?? check.environment ?? 'unknown';
  // A secret read or a command printing secrets involves no environment: say what is exposed.
  const secretsOnly = check.environment === null && !check.target;
  const headline = secretsOnly
    ? `SECRETS — ${check.findings[0]?.resource ?? subject.file ?? 'credentials'} would be shown to ${requesterName(subject.requester)}`
    : environmentHeadline(check);
  const first = check.findings[0];
  const action =
    subject.kind === 'read'
      ? `read ${subject.file ?? 'a protected file'}`
      : secretsOnly
        ? 'run a command that prints secrets'
        : first?.resource
          ? `destroy ${first.resource}`
          : 'run a destructive command';
  const who = requesterName(subject.requester);
  const title = `${headline}\n${who.charAt(0).toUpperCase()}${who.slice(1)} wants to ${action}.`;

  const lines: string[] = [];
  if (subject.kind === 'read') {
    lines.push(`File: ${subject.file ?? '(unknown)'}`);
  } else if (subject.command !== undefined) {
    lines.push(`Will run: ${clip(subject.command, 400)}`);
    const segments = [...new Set(check.findings.map((f) => redactText(f.segment)).filter((s) => s && s !== subject.command))];
    for (const segment of segments.slice(0, 3)) lines.push(`Dangerous part: ${clip(segment, 200)}`);
  }
  if (check.target?.name || check.target?.resource) {
    lines.push(`Target: ${[check.target.name, check.target.resource].filter(Boolean).join(' · ')}`);
  }
  for (const finding of check.findings.slice(0, 4)) {
    lines.push(`Why: ${redactText(finding.reason)}${finding.rule ? ` [${finding.rule}]` : ''}`);
  }
  if (check.findings.length > 4) lines.push(`…and ${check.findings.length - 4} more reasons.`);
  lines.push(`Asked by: ${requesterName(subject.requester)}`);
  lines.push(`In: ${subject.cwd}`);
  const suggestion = check.findings.find((f) => f.suggestion)?.suggestion;
  if (suggestion) lines.push(`Safer: ${suggestion}`);
  for (const note of check.notes ?? []) lines.push(`Note: ${note}`);

  const confirmation: Confirmation = secretsOnly
    ? 'button'
    : (check.confirmation ?? (environment === 'production' || environment === 'unknown' ? 'typed' : 'button'));
  const typedAnswer = typedAnswerFor(check, environment);
  if (confirmation === 'typed') lines.push(`To allow, you will type “${typedAnswer}”.`);
  const evidence = check.target?.evidence.map((e) => `${e.source}: ${e.value}`) ?? [];
  return { title, detail: lines.join('\n'), confirmation, typedAnswer, environment, rule: first?.rule, severity: first?.severity, evidence };
}

/** The target's name when it is safe to type, else the environment ("production" when unknown). */
export function typedAnswerFor(check: CheckResult, environment: Environment): string {
  if (check.target) return confirmationWord(check.target);
  return environment === 'unknown' ? 'production' : environment;
}

function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ⏎ ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
