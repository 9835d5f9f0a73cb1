import { randomBytes } from 'node:crypto';
import type { ActivityEvent } from '../events';

/** An event as a reporter hands it over: id and time are filled in when missing. */
export type NewActivityEvent = Omit<ActivityEvent, 'id' | 'time'> & Partial<Pick<ActivityEvent, 'id' | 'time'>>;

/** A random, URL-safe event id (12 bytes: no collision in any log a person will keep). */
export function newEventId(): string {
  return randomBytes(12).toString('base64url');
}

export function completeEvent(event: NewActivityEvent, now: Date = new Date()): ActivityEvent {
  return { ...event, id: event.id ?? newEventId(), time: event.time ?? now.toISOString() } as ActivityEvent;
}

/** What the appender writes after damage it found at the end of the log, so a reader sees why the chain skips it. */
export interface RecoveryDetails {
  logRecovery: { damagedBytes: number; addedNewline: boolean };
}

export function isRecoveryEvent(event: ActivityEvent): event is ActivityEvent & { details: RecoveryDetails } {
  const recovery = (event.details as Partial<RecoveryDetails> | undefined)?.logRecovery;
  return (
    event.kind === 'airlock' &&
    typeof recovery === 'object' &&
    recovery !== null &&
    typeof recovery.damagedBytes === 'number' &&
    typeof recovery.addedNewline === 'boolean'
  );
}
