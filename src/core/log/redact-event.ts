import { redactDeep, redactText } from '../redact';
import type { ActivityEvent } from '../events';
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
    out[key] = OWN_FIELDS.has(key) ? value : typeof value === 'string' ? redactText(value) : redactDeep(value);
  }
  return out as T;
}
