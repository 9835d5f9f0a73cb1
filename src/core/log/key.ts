import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The activity log's key: 32 random bytes the editor keeps in its SecretStorage (the OS
 * keychain). Lines and the head record the editor writes carry an HMAC-SHA256 under it, so
 * someone who edits the log, even re-hashing the whole chain, cannot make the MACs agree.
 * Processes without the editor (`airlock hook` while no editor is open) write lines without a
 * MAC; a later editor line chains over them and so seals them.
 */
export type LogKey = Buffer;

export const LOG_KEY_SECRET = 'airlock.logKey.v1';

export function newLogKey(): LogKey {
  return randomBytes(32);
}

/** A stored key (hex), or undefined when it is not one. */
export function parseLogKey(text: string | undefined): LogKey | undefined {
  return text && /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, 'hex') : undefined;
}

export function macOf(key: LogKey, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

export function macMatches(key: LogKey, text: string, mac: string): boolean {
  const expected = Buffer.from(macOf(key, text), 'hex');
  const given = Buffer.from(mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
