/**
 * What lets the launcher answer reads without Node (src/launcher/prefilter-awk.ts):
 * - the read index: one line per file whose content the token scanner found clean, keyed by what
 *   `stat` shows (size, mtime and ctime in seconds, inode) so any later write invalidates it;
 * - the read spool: reads the launcher answered, one JSON line each, written before the answer;
 *   the CLI folds them into the workspace's activity log the next time it runs.
 * Both live beside the launcher, which names them to the CLI (AIRLOCK_READ_INDEX/_SPOOL).
 */

import { randomBytes } from 'node:crypto';
import { appendFileSync, type BigIntStats, readFileSync, renameSync, rmSync, statSync, truncateSync } from 'node:fs';
import type { ActivityEvent } from '../events';
import type { Requester } from '../types';

/** Past this the index starts again: a linear scan in awk must stay a few milliseconds. */
const MAX_INDEX_BYTES = 2 * 1024 * 1024;
/** A file changed in the last seconds could change again within the same mtime second. */
const SETTLED_MS = 2000;

export function statExact(path: string): BigIntStats | undefined {
  try {
    return statSync(path, { bigint: true });
  } catch {
    return undefined;
  }
}

/** The index line for a file as `stat -L` shows it (seconds, as GNU `%Y %Z` and BSD `%m %c` print). */
export function indexKey(path: string, s: BigIntStats): string {
  return `${s.size} ${s.mtimeNs / 1_000_000_000n} ${s.ctimeNs / 1_000_000_000n} ${s.ino}\t${path}`;
}

/**
 * Records that the scanner found `path` clean, if it did not change while being scanned
 * (`before`, when given, is its stat from before the read) and has not changed in the last seconds.
 */
export function noteCleanRead(indexFile: string | undefined, path: string, before: BigIntStats | undefined, now = Date.now()): void {
  if (!indexFile || !path.startsWith('/') || /[\t\n\r]/.test(path)) return;
  const after = statExact(path);
  if (!after || !after.isFile()) return;
  // Without a stat from before the read, the settle time below covers it: a file unchanged for
  // the last 2 s was unchanged while it was read (a read takes milliseconds).
  if (before && (indexKey(path, after) !== indexKey(path, before) || after.mtimeNs !== before.mtimeNs || after.ctimeNs !== before.ctimeNs)) return;
  if (BigInt(now) * 1_000_000n - after.mtimeNs < BigInt(SETTLED_MS) * 1_000_000n || BigInt(now) * 1_000_000n - after.ctimeNs < BigInt(SETTLED_MS) * 1_000_000n)
    return;
  try {
    if ((statExact(indexFile)?.size ?? 0n) > BigInt(MAX_INDEX_BYTES)) truncateSync(indexFile, 0);
    appendFileSync(indexFile, `${indexKey(path, after)}\n`, { mode: 0o600 });
  } catch {
    /* no index: reads of this file keep going through Node */
  }
}

const ACTORS: Record<string, Requester> = {
  claude: 'claude',
  cursor: 'cursor',
  vscode: 'copilot',
  gemini: 'gemini',
  kiro: 'kiro',
  copilot: 'copilot',
  windsurf: 'windsurf',
};
const MAX_SPOOL_BYTES = 16 * 1024 * 1024;

/**
 * Moves the spool aside (so two CLIs never fold the same lines) and appends each read to the log
 * of its workspace. Only reads the rules allowed can come from here: whatever a line says, it is
 * logged as a file read allowed by the rules, never as anything a person decided.
 */
export async function foldReadSpool(spool: string | undefined, append: (cwd: string, event: ActivityEvent) => Promise<void>): Promise<number> {
  if (!spool || statExact(spool) === undefined) return 0;
  const taken = `${spool}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(spool, taken);
  } catch {
    return 0;
  }
  let text = '';
  try {
    if ((statExact(taken)?.size ?? 0n) <= BigInt(MAX_SPOOL_BYTES)) text = readFileSync(taken, 'utf8');
  } finally {
    rmSync(taken, { force: true });
  }
  let folded = 0;
  for (const line of text.split('\n')) {
    const event = spoolEvent(line);
    if (!event) continue;
    try {
      await append(event.cwd ?? '/', event);
      folded++;
    } catch {
      /* the log refused it: keep going */
    }
  }
  return folded;
}

function spoolEvent(line: string): ActivityEvent | undefined {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const text = (key: string) => (typeof entry[key] === 'string' && entry[key] !== '' ? (entry[key] as string) : undefined);
  const agent = text('agent');
  const file = text('file');
  if (!agent || !ACTORS[agent] || !file) return undefined;
  const time = text('time');
  return {
    id: randomBytes(9).toString('base64url'),
    time: time && !Number.isNaN(Date.parse(time)) ? time : new Date().toISOString(),
    kind: 'file-read',
    actor: ACTORS[agent]!,
    session: text('session'),
    command: text('tool'),
    file,
    cwd: text('cwd') ?? file.replace(/\/[^/]*$/, '') ?? '/',
    decision: 'allow',
    decidedBy: 'rules',
    reason: '',
    environment: null,
    details: {
      hook: agent,
      event:
        agent === 'cursor' ? 'beforeReadFile' : /^(PreToolUse|preToolUse|BeforeTool|pre_read_code)$/.test(text('event') ?? '') ? text('event')! : 'PreToolUse',
      answeredBy: 'launcher',
    },
  };
}
