import type { ActivityEvent } from '../events';
import type { Requester } from '../types';

/**
 * Words for an event, shared by the sidebar, the details panel, the exports and `airlock log`,
 * so a blocked command reads the same everywhere.
 */
export const ACTOR_LABELS: Record<Requester, string> = {
  cursor: 'Cursor agent',
  claude: 'Claude Code',
  copilot: 'Copilot agent',
  codex: 'Codex CLI',
  gemini: 'Gemini CLI',
  windsurf: 'Windsurf Cascade',
  kiro: 'Kiro',
  opencode: 'opencode',
  cline: 'Cline',
  terminal: 'Terminal',
  cli: 'airlock CLI',
  unknown: 'Airlock',
};

export function actorLabel(actor: Requester | string): string {
  return ACTOR_LABELS[actor as Requester] ?? String(actor);
}

export function isAgent(actor: Requester | string): boolean {
  return actor === 'cursor' || actor === 'claude' || actor === 'copilot';
}

/** What the event is about, in one line: the command, the file, or the message. */
export function eventSubject(event: ActivityEvent): string {
  return (event.command ?? event.file ?? event.reason ?? event.rule ?? event.kind).replace(/\s+/g, ' ').trim();
}

/** A short outcome: "blocked", "allowed", "asked", "exit 1", "found"... */
export function eventOutcome(event: ActivityEvent): string {
  switch (event.kind) {
    case 'confirmation':
      if (event.decidedBy === 'timeout') return 'blocked: no answer in time';
      if (event.decidedBy === 'no-editor') return event.decision === 'deny' ? 'blocked: no editor' : 'asked: no editor';
      return event.decision === 'allow' ? 'allowed by person' : 'blocked by person';
    case 'command':
      return event.exitCode === undefined ? 'ran' : `exit ${event.exitCode}`;
    case 'token':
      return event.severity ? `${event.severity} token` : 'token';
    case 'protection-gap':
      return 'unguarded';
    case 'airlock':
      return 'airlock';
    default:
      return decisionWord(event);
  }
}

export function decisionWord(event: ActivityEvent): string {
  switch (event.decision) {
    case 'deny':
      return 'blocked';
    case 'allow':
      return 'allowed';
    case 'ask':
      return 'asked';
    default:
      return event.kind;
  }
}

/** "unknown" reads as what it means: treated as production. */
export function environmentLabel(event: ActivityEvent): string | undefined {
  if (!event.environment) return undefined;
  return event.environment === 'unknown' ? 'unknown (treated as production)' : event.environment;
}

export function isBlocked(event: ActivityEvent): boolean {
  return event.decision === 'deny';
}

/** Production, or unknown, which Airlock treats as production. */
export function isProduction(event: ActivityEvent): boolean {
  return event.environment === 'production' || event.environment === 'unknown';
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}
