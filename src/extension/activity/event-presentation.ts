import { isAbsolute, relative } from 'node:path';
import type { ActivityEvent } from '../../core/events';
import { actorLabel, environmentLabel, eventOutcome, eventSubject, formatDuration } from '../../core/log/describe';
import { ruleById as tokenRuleById } from '../../core/tokens/rules/index';

/**
 * How one event looks in the sidebar: label, description, codicon and colour, tooltip and
 * context flags. No vscode import, so it is unit-tested; the tree adapts it to a TreeItem.
 */
export interface EventPresentation {
  label: string;
  description: string;
  icon: { id: string; color?: string };
  /** Markdown (untrusted: no command links, no HTML). */
  tooltip: string;
  /** Space-separated flags the context menu's `when` clauses match (`viewItem =~ /\bcommand\b/`). */
  contextValue: string;
}

const RED = 'testing.iconFailed';
const GREEN = 'testing.iconPassed';
const YELLOW = 'problemsWarningIcon.foreground';
const BLUE = 'problemsInfoIcon.foreground';

const MAX_LABEL = 120;

/**
 * `verificationProblem`: why this event's line failed the last verification (edited, rewritten,
 * or after a gap). Such an item is marked, never hidden: what it claims may not be what happened.
 */
export function presentEvent(event: ActivityEvent, workspaceRoot?: string, verificationProblem?: string, ran?: ActivityEvent): EventPresentation {
  const subject = shortPath(eventSubject(event), event, workspaceRoot);
  // An edit of Airlock's own files no hook could stop: its title says who, what and that it could not be stopped.
  const label = truncate(isObservedEdit(event) ? (event.reason ?? subject) : labelPrefix(event) + subject, MAX_LABEL);
  const description = [
    eventOutcome(event),
    ran ? eventOutcome(ran) : undefined,
    event.environment ? (event.environment === 'production' ? 'PRODUCTION' : event.environment) : undefined,
    event.kind === 'token' ? undefined : ruleLabel(event.rule),
    event.durationMs !== undefined ? formatDuration(event.durationMs) : undefined,
    clock(event.time),
  ]
    .filter(Boolean)
    .join(' · ');
  const flags = ['airlockEvent', `kind-${event.kind}`];
  if (event.command) flags.push('command');
  if (event.cwd) flags.push('cwd');
  if (event.file) flags.push('file');
  if (event.rule) flags.push('rule');
  // Only a guard rule that stopped something can be trusted; a token type is not a rule to switch
  // off, nor are the gates' own secret checks (`gates.secret-read`...): no policy entry disables them.
  if (event.rule && !event.rule.startsWith('gates.') && (event.kind === 'decision' || event.kind === 'confirmation') && event.decision !== 'allow')
    flags.push('trustable');
  if (verificationProblem) {
    flags.push('unverified');
    return {
      label,
      description: `UNVERIFIED · ${description}`,
      icon: { id: 'warning', color: RED },
      tooltip: `**This line failed verification:** ${escapeMarkdown(verificationProblem)}\n\n${tooltipFor(event)}`,
      contextValue: flags.join(' '),
    };
  }
  return { label, description, icon: iconFor(event), tooltip: tooltipFor(event), contextValue: flags.join(' ') };
}

export function isObservedEdit(event: ActivityEvent): boolean {
  return event.kind === 'protection-gap' && !event.command && event.details?.observeOnly === true;
}

function labelPrefix(event: ActivityEvent): string {
  switch (event.kind) {
    case 'token':
      return event.rule ? `${tokenTitle(event.rule)} in ` : 'Token in ';
    case 'protection-gap':
      return 'Unguarded: ';
    case 'file-read':
      return event.command ? '' : 'Read ';
    default:
      return '';
  }
}

/** A token rule's title ("PostgreSQL URL with password"), not its id. */
function tokenTitle(id: string): string {
  return tokenRuleById(id)?.title ?? ruleLabel(id) ?? id;
}

/** `railway.volume-delete` reads as "railway: volume delete"; the id itself is in the tooltip. */
export function ruleLabel(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const dot = id.indexOf('.');
  const words = (text: string) => text.replace(/[-_]+/g, ' ');
  return dot > 0 ? `${id.slice(0, dot)}: ${words(id.slice(dot + 1))}` : words(id);
}

function shortPath(subject: string, event: ActivityEvent, root?: string): string {
  if (!root || event.command || !event.file || subject !== event.file.replace(/\s+/g, ' ').trim()) return subject;
  if (!isAbsolute(event.file)) return subject;
  const rel = relative(root, event.file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : subject;
}

export function iconFor(event: ActivityEvent): { id: string; color?: string } {
  switch (event.kind) {
    case 'decision':
      return event.decision === 'deny'
        ? { id: 'circle-slash', color: RED }
        : event.decision === 'ask'
          ? { id: 'question', color: YELLOW }
          : { id: 'pass', color: GREEN };
    case 'confirmation':
      if (event.decidedBy === 'timeout') return { id: 'watch', color: RED };
      if (event.decidedBy === 'no-editor') return { id: 'debug-disconnect', color: event.decision === 'deny' ? RED : YELLOW };
      return event.decision === 'allow' ? { id: 'unlock', color: YELLOW } : { id: 'lock', color: RED };
    case 'command':
      return event.exitCode !== undefined && event.exitCode !== 0 ? { id: 'terminal', color: RED } : { id: 'terminal' };
    case 'file-read':
      return event.decision === 'deny'
        ? { id: 'lock', color: RED }
        : event.decision === 'ask'
          ? { id: 'question', color: YELLOW }
          : { id: 'file', color: event.decision === 'allow' ? YELLOW : undefined };
    case 'token':
      return { id: 'key', color: severityColor(event.severity) };
    case 'protection-gap':
      return { id: 'warning', color: RED };
    default:
      return { id: 'shield', color: event.severity ? severityColor(event.severity) : BLUE };
  }
}

function severityColor(severity: ActivityEvent['severity']): string {
  switch (severity) {
    case 'critical':
    case 'high':
      return RED;
    case 'medium':
      return YELLOW;
    default:
      return BLUE;
  }
}

function clock(time: string): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Markdown-escapes text shown outside code (so `*`, `_`, `[`, `<` in a path stay literal). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function codeBlock(text: string, language = ''): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** The evidence, as the details panel and the tooltip show it (field, value) in a fixed order. */
export function eventFields(event: ActivityEvent): Array<[string, string]> {
  const fields: Array<[string, string | undefined]> = [
    ['Outcome', eventOutcome(event)],
    ['Environment', environmentLabel(event)],
    ['Who', actorLabel(event.actor) + (event.session ? ` (session ${event.session})` : '')],
    ['Decided by', event.decidedBy],
    ['Rule', event.rule],
    ['Severity', event.severity],
    ['File', event.file],
    ['Working folder', event.cwd],
    ['Exit code', event.exitCode?.toString()],
    ['Duration', event.durationMs !== undefined ? formatDuration(event.durationMs) : undefined],
    ['When', new Date(event.time).toString() === 'Invalid Date' ? event.time : new Date(event.time).toLocaleString()],
  ];
  return fields.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '');
}

function tooltipFor(event: ActivityEvent): string {
  const parts: string[] = [];
  parts.push(`**${escapeMarkdown(eventOutcome(event))}**${event.environment ? ` in **${escapeMarkdown(environmentLabel(event)!.toUpperCase())}**` : ''}`);
  if (event.command) parts.push(codeBlock(event.command, 'sh'));
  if (event.reason) parts.push(escapeMarkdown(event.reason));
  parts.push(
    eventFields(event)
      .filter(([name]) => name !== 'Outcome' && name !== 'Environment')
      .map(([name, value]) => `- ${name}: ${escapeMarkdown(value)}`)
      .join('\n'),
  );
  if (event.evidence?.length) parts.push(`Evidence:\n${event.evidence.map((e) => `- ${escapeMarkdown(e)}`).join('\n')}`);
  return parts.join('\n\n');
}
