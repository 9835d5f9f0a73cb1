import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A log folder holds the active file and the files rotated out of it, oldest first:
 *   activity.000001.jsonl, activity.000002.jsonl, ..., activity.jsonl
 * The chain runs through them in that order: the first line of each file carries the hash of
 * the last line of the one before.
 */
export const ACTIVE_FILE = 'activity.jsonl';
export const LOCK_FILE = 'activity.lock';
const ROTATED = /^activity\.(\d{6,})\.jsonl$/;

export function rotatedName(number: number): string {
  return `activity.${String(number).padStart(6, '0')}.jsonl`;
}

/** The numbers of the rotated files, ascending. */
export function rotatedNumbers(dir: string): number[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const match = ROTATED.exec(name);
      return match ? [Number(match[1])] : [];
    })
    .sort((a, b) => a - b);
}

/** Every file of the log in chain order (the active file last, whether or not it exists yet). */
export function chainFiles(dir: string): string[] {
  return [...rotatedNumbers(dir).map((n) => join(dir, rotatedName(n))), join(dir, ACTIVE_FILE)];
}
