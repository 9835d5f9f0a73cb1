import type { ActivityEvent } from '../events';
import { redactDeep, redactText } from '../redact';
import type { NewActivityEvent } from './event-factory';

/** Fields Airlock itself fills from closed vocabularies or numbers: nothing to redact there. */
const OWN_FIELDS = new Set(['id', 'time', 'kind', 'actor', 'decision', 'decidedBy', 'severity', 'environment', 'exitCode', 'durationMs']);

/**
 * Redacts every free-text field of an event (command, file, cwd, reason, evidence, details...)
 * with the token engineer's redactor, the one place secrets are recognised. Called on every
 * event before it is written, whoever reports it, so no secret reaches the log file.
 */
export function redactEvent<T extends ActivityEvent | NewActivityEvent>(event: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (value === undefined) continue;
    out[key] = OWN_FIELDS.has(key) ? value : limit(typeof value === 'string' ? redactText(value) : redactDeep(value));
  }
  return out as T;
}

/** Longest string kept in a log line; an adversarial 10 MB command line is logged, but not all of it. */
export const MAX_LOGGED_STRING = 64 * 1024;
const MAX_LOGGED_ITEMS = 1000;

/** Cuts strings and lists to a size a log line and a view can hold. Runs after redaction, so no secret is cut in half unredacted. */
function limit(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return value.length > MAX_LOGGED_STRING ? `${value.slice(0, MAX_LOGGED_STRING)}… [${value.length - MAX_LOGGED_STRING} more characters not logged]` : value;
  }
  if (depth > 8) return '[nested too deep to log]';
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_LOGGED_ITEMS).map((v) => limit(v, depth + 1));
    return value.length > MAX_LOGGED_ITEMS ? [...kept, `[${value.length - MAX_LOGGED_ITEMS} more items not logged]`] : kept;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    const kept = entries.slice(0, MAX_LOGGED_ITEMS).map(([k, v]) => [k, limit(v, depth + 1)]);
    if (entries.length > MAX_LOGGED_ITEMS) kept.push(['…', `${entries.length - MAX_LOGGED_ITEMS} more fields not logged`]);
    return Object.fromEntries(kept);
  }
  return value;
}
