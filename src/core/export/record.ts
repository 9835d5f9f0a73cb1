/**
 * One logged event as OpenTelemetry log-record fields. Attribute names join the agents' own
 * telemetry (Claude Code exports `session.id` and `prompt.id`; hooks give `tool_use_id`), the
 * rest are `airlock.*`. Every string is the event's own, already redacted before it was logged:
 * the collector sees exactly what the laptop's log holds, and the line's chain hash with it.
 */
import type { AnyValueMap } from '@opentelemetry/api-logs';
import type { ActivityEvent } from '../events';
import type { QueuedEvent } from './queue';

export interface RecordContext {
  /** The workspace folder the log belongs to. */
  workspace?: string;
  user?: string;
  host?: string;
}

export interface RecordFields {
  timestamp: number;
  severityNumber: number;
  severityText: string;
  body: string;
  eventName: string;
  attributes: AnyValueMap;
}

// SeverityNumber values of the OTel logs data model (INFO, WARN, ERROR, FATAL).
const SEVERITY: Record<string, [number, string]> = { low: [9, 'INFO'], medium: [13, 'WARN'], high: [17, 'ERROR'], critical: [21, 'FATAL'] };

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Rule ids an event names: its own, and any its details list (several findings). */
function ruleIds(event: ActivityEvent): string[] {
  const out = new Set<string>();
  if (event.rule) out.add(event.rule);
  const rules = event.details?.rules;
  if (Array.isArray(rules)) for (const r of rules) if (typeof r === 'string') out.add(r);
  return [...out];
}

export function recordFields(item: QueuedEvent, ctx: RecordContext): RecordFields {
  const e = item.event;
  const time = Date.parse(e.time);
  const [severityNumber, severityText] = SEVERITY[e.severity ?? ''] ?? [9, 'INFO'];
  const attributes: AnyValueMap = {
    'airlock.event.id': e.id,
    'airlock.event.kind': e.kind,
    'airlock.agent': e.actor,
    'airlock.log.seq': item.seq,
    'airlock.log.hash': item.hash,
    // The event exactly as it is in the log line, so `airlock log --verify --against` can compare more than the hash.
    'airlock.event': JSON.stringify(e),
  };
  const set = (key: string, value: string | string[] | number | undefined) => {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return;
    attributes[key] = value;
  };
  set('session.id', text(e.session));
  set('tool_use_id', text(e.details?.toolUseId));
  set('prompt.id', text(e.details?.promptId));
  set('airlock.decision', e.decision);
  set('airlock.decided_by', e.decidedBy);
  set('airlock.rule_ids', ruleIds(e));
  set('airlock.environment', e.environment ?? undefined);
  set('airlock.environment.evidence', e.evidence);
  set('airlock.command', text(e.command));
  set('airlock.file', text(e.file));
  set('airlock.cwd', text(e.cwd));
  set('airlock.workspace', ctx.workspace);
  set('user.name', ctx.user);
  set('host.name', ctx.host);
  return {
    timestamp: Number.isFinite(time) ? time : Date.now(),
    severityNumber,
    severityText,
    body: e.reason ?? e.command ?? e.file ?? e.kind,
    eventName: `airlock.${e.kind}`,
    attributes,
  };
}
