import * as crypto from 'node:crypto';
import type { ActivityEvent } from '../events';

/**
 * One line of the activity log:
 *
 *   {"seq":7,"prev":"<sha256 of line 6>","event":{...},"hash":"<sha256 of this line up to ,"hash">"}
 *
 * `hash` covers the exact bytes before it (seq, prev and the event), so editing any line, the
 * last one included, breaks its own hash; `prev` repeats the previous line's hash, so deleting,
 * inserting or reordering lines breaks the chain at the first line that moved. Hashing the raw
 * bytes, never a re-serialisation, means a reader needs no canonical JSON to check a line.
 *
 * Lines the editor writes also carry `"mac":"<HMAC-SHA256 of the bytes before it>"` under a key
 * kept in the editor's SecretStorage, just before `hash` (which covers it). A plain hash chain can
 * be re-hashed by anyone who edits it; a MAC cannot be made without the key (see key.ts).
 */
export interface LogLine {
  seq: number;
  prev: string;
  event: ActivityEvent;
  /** HMAC of the line (seq, prev, event) under the editor's log key; absent on lines written without the editor. */
  mac?: string;
  hash: string;
}

/** `prev` of the very first line of a log. */
export const GENESIS = '0'.repeat(64);

const HASH_SUFFIX_LENGTH = ',"hash":"'.length + 64 + '"}'.length;
const MAC_LENGTH = ',"mac":"'.length + 64 + '"'.length;
const MAC_SUFFIX = /,"mac":"([0-9a-f]{64})"$/;
const SUFFIX = /,"hash":"([0-9a-f]{64})"\}$/;
const PREFIX = /^\{"seq":(\d{1,15}),"prev":"([0-9a-f]{64})","event":/;

/** One-shot `crypto.hash` where the runtime has it (Node ≥ 20.12; twice as fast per line), else a Hash object. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

export function sha256(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The line to write (without its newline); `mac` signs it with the editor's log key when given. */
export function encodeLine(seq: number, prev: string, event: ActivityEvent, mac?: (body: string) => string): { text: string; hash: string } {
  let body = `{"seq":${seq},"prev":"${prev}","event":${JSON.stringify(event)}`;
  if (mac) body += `,"mac":"${mac(body)}"`;
  const hash = sha256(body);
  return { text: `${body},"hash":"${hash}"}`, hash };
}

export type LineProblem = 'unparseable' | 'hash-mismatch';

/**
 * Reads one line and checks its own hash. Never throws: a torn or edited line comes back as a
 * problem, so one bad line cannot stop a reader.
 */
export function decodeLine(text: string): { line: LogLine } | { problem: LineProblem } {
  const checked = checkLine(text);
  if ('problem' in checked) return checked;
  let event: unknown;
  try {
    event = JSON.parse(checked.eventJson);
  } catch {
    return { problem: 'unparseable' };
  }
  if (!isEventShaped(event)) return { problem: 'unparseable' };
  return { line: { seq: checked.seq, prev: checked.prev, event, hash: checked.hash, ...(checked.mac ? { mac: checked.mac } : {}) } };
}

/**
 * Checks a line's framing and own hash without parsing the event: what `verify` needs for
 * every line (the hash covers the event's bytes, so a parse adds nothing but time).
 * A line whose hash matches was written by an Airlock writer, whose events are valid JSON.
 */
export function checkLine(
  text: string,
): { seq: number; prev: string; hash: string; eventJson: string; mac?: string; macBody?: string } | { problem: LineProblem; seq?: number } {
  const prefix = PREFIX.exec(text);
  const suffix = SUFFIX.exec(text);
  if (!prefix || !suffix || text.length < prefix[0].length + HASH_SUFFIX_LENGTH + 2) return { problem: 'unparseable' };
  const body = text.slice(0, text.length - HASH_SUFFIX_LENGTH);
  // A torn write is a prefix of a line: it never ends in a whole hash. So a complete line
  // whose hash is wrong was edited, whatever its content.
  if (sha256(body) !== suffix[1]) return { problem: 'hash-mismatch', seq: Number(prefix[1]) };
  const mac = body.length > prefix[0].length + MAC_LENGTH ? MAC_SUFFIX.exec(body.slice(body.length - MAC_LENGTH)) : null;
  if (mac) {
    const macBody = body.slice(0, body.length - MAC_LENGTH);
    return { seq: Number(prefix[1]), prev: prefix[2]!, hash: suffix[1]!, eventJson: macBody.slice(prefix[0].length), mac: mac[1]!, macBody };
  }
  return { seq: Number(prefix[1]), prev: prefix[2]!, hash: suffix[1]!, eventJson: body.slice(prefix[0].length) };
}

function isEventShaped(value: unknown): value is ActivityEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const event = value as Partial<ActivityEvent>;
  return typeof event.id === 'string' && typeof event.time === 'string' && typeof event.kind === 'string';
}

/**
 * Reads a line's sequence number and event without checking its hash: for loading, where
 * `verify` is the check. Slices the event out of the fixed framing and parses only that, which
 * keeps loading 100,000 lines within the view's budget.
 */
export function parseLineUnchecked(text: string): { seq: number; event: ActivityEvent } | undefined {
  if (!text.startsWith('{"seq":')) return undefined;
  const comma = text.indexOf(',', 7);
  if (comma < 8 || comma > 22 || !text.startsWith(',"prev":"', comma)) return undefined;
  const eventStart = comma + ',"prev":"'.length + 64 + '","event":'.length;
  let eventEnd = text.length - HASH_SUFFIX_LENGTH;
  if (eventEnd <= eventStart || !text.startsWith('","event":', eventStart - 10) || !text.startsWith(',"hash":"', eventEnd)) return undefined;
  if (eventEnd - MAC_LENGTH > eventStart && text.startsWith(',"mac":"', eventEnd - MAC_LENGTH)) eventEnd -= MAC_LENGTH;
  const seq = Number(text.slice(7, comma));
  try {
    const event: unknown = JSON.parse(text.slice(eventStart, eventEnd));
    return Number.isSafeInteger(seq) && isEventShaped(event) ? { seq, event } : undefined;
  } catch {
    return undefined;
  }
}
