import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ActivityEvent } from '../events';
import { isRecoveryEvent, type RecoveryDetails } from './event-factory';
import { ACTIVE_FILE, chainFiles } from './files';
import { type HeadRecord, headMessage, headPath, readHeadRecord } from './head';
import { type LogKey, macMatches } from './key';
import { checkLine, GENESIS, type LineProblem } from './line';

export type VerifyIssueKind =
  /**
   * The last line was cut short (crash, power loss): bytes after the file's last newline, or those
   * bytes once the next writer ended them with a newline and chained a recovery record after them.
   * Not tampering. A complete line (one that ended in a newline) is never torn.
   */
  | 'torn'
  /** A line's own hash does not match its content: it was edited. */
  | 'edited'
  /** A line that is not a log line at all, where none was torn: inserted or mangled. */
  | 'unreadable'
  /** A valid line that does not follow the one before: a line was deleted, inserted or moved before it. */
  | 'chain-break'
  /** The log ends before a line the writer remembers (an anchor): lines were cut from the end. */
  | 'truncated'
  /** The line at the anchor's position is not the one the writer wrote: the end was rewritten. */
  | 'rewritten'
  /**
   * A line (or the head record) whose MAC does not match under the editor's log key, or a line
   * without a MAC that claims what only the editor records (a person's answer): forged.
   */
  | 'forged'
  /** The head record kept outside the log is gone while the log has lines: the end cannot be vouched for. */
  | 'head-missing';

export interface VerifyOptions {
  /** The editor's log key: every line's and the head record's MAC is checked with it. */
  key?: LogKey;
}

/**
 * A line the writer remembers having written, kept outside the log (the extension keeps the last
 * one in its own storage). A hash chain alone cannot show lines cut from the end, or the end
 * rewritten with fresh hashes; checking the anchor can.
 */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

export interface VerifyIssue {
  kind: VerifyIssueKind;
  /** File name inside the log folder. */
  file: string;
  /** 1-based line number inside that file. */
  line: number;
  /** Sequence number the line carries, when it could be read. */
  seq?: number;
  message: string;
}

export interface VerifyReport {
  /** True when the chain is unbroken. Torn lines recovered after a crash do not make it false. */
  ok: boolean;
  /** Valid lines checked. */
  lines: number;
  files: number;
  /** The first line whose chain breaks (what `airlock log --verify` reports). */
  firstBreak?: VerifyIssue;
  /** Every finding in log order: breaks, and torn lines that were recovered or are still at the end. */
  issues: VerifyIssue[];
  /** The last valid line: the chain's head. */
  head: { seq: number; hash: string };
  /** True when MACs were checked with the editor's log key; false: chain and head record only. */
  keyed: boolean;
  /** Lines after the last line with a MAC (written while no editor was open): not yet sealed. */
  unsealed: number;
  /** Lines that carry a MAC (written by the editor). */
  signedLines: number;
}

interface Damage {
  file: string;
  line: number;
  problem: LineProblem;
  /** The sequence number an edited line claims (readers show its event: the view marks it). */
  seq?: number;
  /** Bytes of damaged lines since the last valid one, newlines included. */
  bytes: number;
  count: number;
  /** Some damaged line ended in a newline in the file as read. */
  terminated: boolean;
}

/** One raw line of the log, in chain order. */
interface RawLine {
  file: string;
  number: number;
  raw: string;
  /** False for a last line without its newline. */
  terminated: boolean;
  /** The first line of a non-empty file (counts files). */
  firstOfFile: boolean;
}

function* rawLines(dir: string): Generator<RawLine> {
  for (const path of chainFiles(dir)) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const file = basename(path);
    let start = 0;
    let number = 0;
    while (start < text.length) {
      let stop = text.indexOf('\n', start);
      const terminated = stop !== -1;
      if (!terminated) stop = text.length;
      number++;
      yield { file, number, raw: text.slice(start, stop), terminated, firstOfFile: number === 1 };
      start = stop + 1;
    }
  }
}

/**
 * Walks the whole chain: every line's own hash, its link to the line before, and its sequence
 * number. After a break it resynchronises on the line that broke, so one edit is one finding
 * and everything after it is still checked.
 */
class ChainVerifier {
  private readonly head: HeadRecord | undefined;
  private headSeen = false;
  private lastKeyedSeq = 0;
  private unsealed = 0;
  private signedLines = 0;
  private readonly key: LogKey | undefined;

  constructor(
    private readonly dir: string,
    private readonly anchor?: ChainAnchor,
    options: VerifyOptions = {},
  ) {
    this.head = readHeadRecord(dir);
    this.key = options.key;
  }

  private anchorSeen = false;
  private readonly issues: VerifyIssue[] = [];
  private expected = { seq: 1, prev: GENESIS };
  private lines = 0;
  private files = 0;
  private damage: Damage | undefined;

  feed({ file, number, raw, terminated, firstOfFile }: RawLine): void {
    if (firstOfFile) this.files++;
    const decoded = checkLine(raw);
    if ('problem' in decoded) {
      const bytes = Buffer.byteLength(raw, 'utf8') + (terminated ? 1 : 0);
      const damage = this.damage;
      // A complete line whose hash is wrong was edited; only an incomplete one can be torn.
      this.damage = damage
        ? {
            ...damage,
            bytes: damage.bytes + bytes,
            count: damage.count + 1,
            terminated: damage.terminated || terminated,
            problem: damage.problem === 'hash-mismatch' ? damage.problem : decoded.problem,
          }
        : { file, line: number, problem: decoded.problem, seq: decoded.seq, bytes, count: 1, terminated };
      return;
    }
    const line = decoded;
    this.lines++;
    const follows = line.prev === this.expected.prev && line.seq === this.expected.seq;
    // Anchors pin the line ON the chain at that position: a stray copy elsewhere does not count.
    if (this.anchor && line.seq === this.anchor.seq && !this.anchorSeen && (follows || line.seq === this.expected.seq)) {
      this.anchorSeen = true;
      // A prefix (at least 12 hex characters, as `airlock log --verify` prints it) is enough.
      if (!line.hash.startsWith(this.anchor.hash)) {
        this.issues.push({
          kind: 'rewritten',
          file,
          line: number,
          seq: line.seq,
          message: `line ${number} of ${file} (seq ${line.seq}) is not the line Airlock wrote there: the log was rewritten from this point`,
        });
      }
    }
    if (this.head && line.seq === this.head.seq && !this.headSeen && (follows || line.seq === this.expected.seq)) {
      this.headSeen = true;
      if (line.hash !== this.head.hash) {
        this.issues.push({
          kind: 'rewritten',
          file,
          line: number,
          seq: line.seq,
          message: `line ${number} of ${file} (seq ${line.seq}) is not the last line Airlock recorded in the log's head (${headPath(this.dir)}): the end of the log was replaced`,
        });
      }
      if (this.key && !this.head.mac && line.mac) {
        this.issues.push({
          kind: 'forged',
          file,
          line: number,
          seq: line.seq,
          message: `the head record ${headPath(this.dir)} points at a line the editor wrote but carries no MAC: it was rewritten`,
        });
      }
    }
    if (line.mac) {
      this.signedLines++;
      this.lastKeyedSeq = line.seq;
      this.unsealed = 0;
      if (this.key && !macMatches(this.key, line.macBody!, line.mac)) {
        this.issues.push({
          kind: 'forged',
          file,
          line: number,
          seq: line.seq,
          message: `line ${number} of ${file} (seq ${line.seq}) does not carry the editor's MAC: it was forged or re-written`,
        });
      }
    } else {
      this.unsealed++;
      // Only the editor records a person's answer, and the editor always signs its lines.
      if (claimsPerson(line.eventJson)) {
        this.issues.push({
          kind: 'forged',
          file,
          line: number,
          seq: line.seq,
          message: `line ${number} of ${file} (seq ${line.seq}) claims a person's decision but was not written by the editor (no MAC): it was forged`,
        });
      }
    }
    if (this.damage) {
      const damage = this.damage;
      const recovery = recoveryOf(line.eventJson);
      // A power loss tears only the last line, which then has no newline: the recovery record says
      // the writer had to add one. Complete lines before it (forged, then "recovered" by the next
      // append) were in the file whole, so they are a break, whatever the recovery record says.
      const explained =
        follows &&
        damage.problem === 'unparseable' &&
        damage.count === 1 &&
        recovery !== undefined &&
        recovery.addedNewline &&
        recovery.damagedBytes + 1 === damage.bytes;
      // When the damaged line was a real line someone changed, the break is reported there, once.
      this.issues.push(explained ? tornIssue(damage, true) : damageIssue(damage, follows));
      this.damage = undefined;
    } else if (!follows) {
      this.issues.push({
        kind: 'chain-break',
        file,
        line: number,
        seq: line.seq,
        message:
          line.prev !== this.expected.prev
            ? `line ${number} of ${file} (seq ${line.seq}) does not follow the line before it: a line was deleted, inserted or moved here`
            : `line ${number} of ${file} has sequence number ${line.seq} where ${this.expected.seq} was expected: lines were removed or reordered`,
      });
    }
    this.expected = { seq: line.seq + 1, prev: line.hash };
  }

  finish(): VerifyReport {
    const issues = [...this.issues];
    // Only bytes after the file's last newline can be a tear; a complete line before them is a break.
    if (this.damage) issues.push(isTornTail(this.damage) ? tornIssue(this.damage, false) : damageIssue(this.damage, false));
    if (this.anchor && !this.anchorSeen) {
      const last = this.expected.seq - 1;
      if (this.anchor.seq <= last) {
        issues.push({
          kind: 'rewritten',
          file: ACTIVE_FILE,
          line: 0,
          seq: this.anchor.seq,
          message: `no line of the chain carries seq ${this.anchor.seq} where the anchor pins it: the log was rewritten`,
        });
      } else
        issues.push({
          kind: 'truncated',
          file: ACTIVE_FILE,
          line: 0,
          seq: this.anchor.seq,
          message: `the log ends at seq ${last}, but Airlock wrote up to seq ${this.anchor.seq}: ${this.anchor.seq - last} line${this.anchor.seq - last === 1 ? ' was' : 's were'} cut from the end`,
        });
    }
    const last = this.expected.seq - 1;
    if (this.head) {
      if (this.head.seq > last) {
        issues.push({
          kind: 'truncated',
          file: ACTIVE_FILE,
          line: 0,
          seq: this.head.seq,
          message: `the log ends at seq ${last}, but its head record (${headPath(this.dir)}) says Airlock wrote up to seq ${this.head.seq}: lines were cut from the end`,
        });
      }
      if (this.key && this.head.mac && !macMatches(this.key, headMessage(this.dir, this.head.seq, this.head.hash), this.head.mac)) {
        issues.push({
          kind: 'forged',
          file: ACTIVE_FILE,
          line: 0,
          seq: this.head.seq,
          message: `the head record ${headPath(this.dir)} does not carry the editor's MAC: it was forged`,
        });
      }
    } else if (this.lines > 0) {
      issues.push({
        kind: 'head-missing',
        file: ACTIVE_FILE,
        line: 0,
        message: `the log's head record (${headPath(this.dir)}) is missing: lines cut from the end could not be detected, so the log cannot be vouched for`,
      });
    }
    const firstBreak = issues.find((issue) => issue.kind !== 'torn');
    return {
      ok: firstBreak === undefined,
      lines: this.lines,
      files: this.files,
      firstBreak,
      issues,
      head: { seq: last, hash: this.expected.prev },
      keyed: this.key !== undefined,
      unsealed: this.lastKeyedSeq > 0 ? this.unsealed : 0,
      signedLines: this.signedLines,
    };
  }
}

export function verifyLog(dir: string, anchor?: ChainAnchor, options: VerifyOptions = {}): VerifyReport {
  const verifier = new ChainVerifier(dir, anchor, options);
  for (const line of rawLines(dir)) verifier.feed(line);
  return verifier.finish();
}

/** The same check, yielding to the event loop every few thousand lines: for the extension host. */
export async function verifyLogAsync(dir: string, anchor?: ChainAnchor, linesPerSlice = 5000, options: VerifyOptions = {}): Promise<VerifyReport> {
  const verifier = new ChainVerifier(dir, anchor, options);
  let count = 0;
  for (const line of rawLines(dir)) {
    verifier.feed(line);
    if (++count % linesPerSlice === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return verifier.finish();
}

/** An event that says a person decided: only the editor, which signs its lines, writes those. */
function claimsPerson(eventJson: string): boolean {
  if (!eventJson.includes('"person"')) return false;
  try {
    const event = JSON.parse(eventJson) as Partial<ActivityEvent>;
    return event.decidedBy === 'person';
  } catch {
    return false;
  }
}

/** The recovery record a line carries, if it is the appender's note about damage before it. */
function recoveryOf(eventJson: string): RecoveryDetails['logRecovery'] | undefined {
  if (!eventJson.includes('"logRecovery"')) return undefined;
  try {
    const event = JSON.parse(eventJson) as ActivityEvent;
    return isRecoveryEvent(event) ? event.details.logRecovery : undefined;
  } catch {
    return undefined;
  }
}

function isTornTail(damage: Damage): boolean {
  return damage.problem === 'unparseable' && damage.count === 1 && !damage.terminated;
}

function tornIssue(damage: Damage, recovered: boolean): VerifyIssue {
  return {
    kind: 'torn',
    file: damage.file,
    line: damage.line,
    message: recovered
      ? `line ${damage.line} of ${damage.file} is incomplete (${damage.bytes} bytes, a crash or power loss while writing); the log continued after it`
      : `the last line (${damage.line} of ${damage.file}) is incomplete (${damage.bytes} bytes, a crash or power loss while writing); the next event continues the chain after it`,
  };
}

function damageIssue(damage: Damage, nextFollows: boolean): VerifyIssue {
  if (damage.problem === 'hash-mismatch') {
    return {
      kind: 'edited',
      file: damage.file,
      line: damage.line,
      seq: damage.seq,
      message: `line ${damage.line} of ${damage.file} was edited: its content no longer matches its hash`,
    };
  }
  return {
    kind: 'unreadable',
    file: damage.file,
    line: damage.line,
    message: nextFollows
      ? `line ${damage.line} of ${damage.file} is not a log line and no crash explains it: it was inserted or mangled`
      : damage.terminated
        ? `line ${damage.line} of ${damage.file} is a complete line (it ends in a newline) that is not a valid log line: it was inserted or mangled, not torn by a crash`
        : `line ${damage.line} of ${damage.file} is not a readable log line: it was edited or cut`,
  };
}
