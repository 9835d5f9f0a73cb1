import { isAscii } from 'node:buffer';

/**
 * Which of many literal keywords occur in a text, in one pass: an Aho–Corasick automaton compiled
 * to a dense table (one array read per character). The token rules' keywords are its input, so a
 * rule added with keywords is covered without touching this file. It replaced one alternation
 * regex of every keyword, which the scan profile showed as its largest single cost.
 *
 * The result is exact: every keyword that occurs anywhere, including inside or overlapping
 * another (the automaton's output links report contained keywords).
 */

/** Characters the table covers directly; keywords are ASCII, so anything else restarts the match. */
const ALPHABET = 128;
const LOWER_I = 0x69;
const LOWER_K = 0x6b;

/** A byte table entry's state, whether or not a keyword ends there. */
function plainState(entry: number): number {
  return entry < 0 ? ~entry : entry;
}

/**
 * A character's bytes beyond its UTF-16 units, counted at its lead byte (the caller refuses
 * invalid UTF-8, so its continuation bytes follow): one for a two-byte character, two for a
 * three-byte one and for a four-byte one (a surrogate pair).
 */
function leadShift(lead: number): number {
  return lead < 0xe0 ? -1 : lead < 0xf8 ? -2 : 0;
}

/** The shift (text offset minus byte offset) that the lead bytes in [from, to) add up to. */
function offsetShift(bytes: Uint8Array, from: number, to: number): number {
  // Most files are ASCII: a native check, not a second pass in JavaScript.
  if (isAscii(bytes.subarray(from, to))) return 0;
  let shift = 0;
  for (let i = from; i < to; i++) if (bytes[i]! >= 0xc0) shift += leadShift(bytes[i]!);
  return shift;
}

/** One pass's results, shared by its lanes. */
interface ByteRun {
  bytes: Uint8Array;
  length: number;
  present: Set<string>;
  reported: Uint8Array;
  found: number[];
  special: boolean;
}

/** A lane's position: its state, its byte, the text offset of that byte minus it, and where it records sites from. */
interface ByteLane {
  state: number;
  i: number;
  shift: number;
  sitesFrom: number;
  found: number[];
}

function finish(run: ByteRun): ByteScan {
  // Reported by where they end: shorter keywords ending later can start later.
  return { present: run.present, sites: Float64Array.from(run.found).sort(), special: run.special };
}

/** What `scanBytes` read from a file's bytes. */
export interface ByteScan {
  present: Set<string>;
  /** Occurrences of the tracked keywords: `start * 16 + length`, sorted. */
  sites: Float64Array;
  /** `İ` or the Kelvin sign occurs: offsets in the lowercased text differ, or `k`/`i` came from them. */
  special: boolean;
}

export class KeywordScanner {
  private readonly delta: Int32Array;
  /** For each state, the keywords that end there (own and via failure links), or undefined. */
  private readonly outputs: Array<readonly string[] | undefined>;
  /** 1 where `outputs` has keywords: a typed array is the cheapest test in the inner loop. */
  private readonly ends: Uint8Array;
  private readonly fallback: readonly string[];

  /** For each state, the lengths of the tracked keywords that end there, or undefined. */
  private readonly trackedLengths: Array<readonly number[] | undefined>;
  /**
   * Bytes a second lane reads before its half: the longest keyword, at three bytes a character
   * (the Kelvin sign is three bytes and reads as `k`), after which its state is exact.
   */
  private readonly overlap: number;

  constructor(keywords: readonly string[], tracked: readonly string[] = []) {
    const words = [...new Set([...keywords, ...tracked])].filter((k) => k.length > 0);
    this.overlap = 3 * Math.max(1, ...words.map((k) => k.length));
    // Keywords with non-ASCII characters (none today) are looked for with includes().
    this.fallback = words.filter((k) => [...k].some((c) => c.charCodeAt(0) >= ALPHABET));
    const ascii = words.filter((k) => !this.fallback.includes(k));
    const goto: Array<Map<number, number>> = [new Map()];
    const own: string[][] = [[]];
    for (const word of ascii) {
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i);
        let next = goto[state]!.get(c);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          own.push([]);
          goto[state]!.set(c, next);
        }
        state = next;
      }
      own[state]!.push(word);
    }
    const states = goto.length;
    const fail = new Int32Array(states);
    this.delta = new Int32Array(states * ALPHABET);
    this.outputs = new Array(states);
    this.ends = new Uint8Array(states);
    this.trackedLengths = new Array(states);
    if (tracked.some((k) => k.length >= 16)) throw new Error('tracked keywords are shorter than 16 characters');
    // Breadth first: a state's failure target is always finished before the state itself.
    const queue: number[] = [0];
    const collected: string[][] = own.map((o) => [...o]);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      if (state !== 0) collected[state]!.push(...collected[fail[state]!]!);
      this.outputs[state] = collected[state]!.length > 0 ? collected[state] : undefined;
      this.ends[state] = collected[state]!.length > 0 ? 1 : 0;
      const lengths = collected[state]!.filter((k) => tracked.includes(k)).map((k) => k.length);
      this.trackedLengths[state] = lengths.length > 0 ? lengths : undefined;
      for (let c = 0; c < ALPHABET; c++) {
        const next = goto[state]!.get(c);
        if (next !== undefined) {
          fail[next] = state === 0 ? 0 : this.delta[fail[state]! * ALPHABET + c]!;
          this.delta[state * ALPHABET + c] = next;
          queue.push(next);
        } else {
          this.delta[state * ALPHABET + c] = state === 0 ? 0 : this.delta[fail[state]! * ALPHABET + c]!;
        }
      }
    }
  }

  /** The keywords occurring in `text` (give it lowercased when the keywords are lowercase). */
  find(text: string): Set<string> {
    const present = new Set<string>();
    const { delta, outputs, ends } = this;
    // Common keywords (`key`) occur thousands of times: report each end state once.
    const reported = new Uint8Array(outputs.length);
    let state = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      state = c < ALPHABET ? delta[state * ALPHABET + c]! : 0;
      if (ends[state] === 1 && reported[state] === 0) {
        reported[state] = 1;
        for (const k of outputs[state]!) present.add(k);
      }
    }
    for (const k of this.fallback) if (text.includes(k)) present.add(k);
    return present;
  }

  /**
   * `find` over the decoded, lowercased text of these UTF-8 bytes, read from the bytes themselves,
   * so a file without a keyword is never decoded or lowercased. The table folds ASCII upper case.
   * A non-ASCII character restarts the match as in `find`, except the only two whose lower case
   * holds ASCII: `İ` (U+0130) lowercases to `i` and a combining dot, the Kelvin sign (U+212A) to
   * `k`; `special` says one was seen. Undefined when a keyword is not ASCII (decode and use `find`).
   *
   * `tracked` keywords are also reported at every occurrence (`sites`, sorted by start, each
   * `start * 16 + length`), with offsets in UTF-16 units of the decoded text (a leading BOM, which
   * the decoder drops, is skipped). The offsets equal the lowercased text's unless `special`.
   */
  scanBytes(bytes: Uint8Array, length = bytes.length): ByteScan | undefined {
    if (this.fallback.length > 0) return undefined;
    const table = this.byteTable();
    const run: ByteRun = { bytes, length, present: new Set(), reported: new Uint8Array(this.outputs.length), found: [], special: false };
    const bom = length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const first = bom ? 3 : 0;
    // A lane's text offset of byte i is i + shift (see ByteLane).
    const a: ByteLane = { state: 0, i: first, shift: bom ? -3 : 0, sitesFrom: 0, found: run.found };
    const overlap = this.overlap;
    if (length - first < 8 * overlap + 4096) {
      this.runLane(table, a, length, run);
      return finish(run);
    }
    // Two lanes over the two halves, stepped together: each lane's next read depends on its last,
    // and two independent chains run nearly twice as fast as one. The second lane starts early
    // enough before the middle that its state is exact from the middle on; before it, it reports
    // only what is truly there (keywords it sees whole), and no sites (the first lane has them).
    const mid = first + ((length - first) >> 1);
    const b: ByteLane = { state: 0, i: mid - overlap, shift: 0, sitesFrom: mid, found: [] };
    const from = b.i;
    let sa = 0;
    let sb = 0;
    let ia = a.i;
    let ib = b.i;
    while (ia < mid && ib < length) {
      const xa = table[(sa << 8) | bytes[ia]!]!;
      const xb = table[(sb << 8) | bytes[ib]!]!;
      if ((xa | xb) >= 0) {
        sa = xa;
        sb = xb;
        ia++;
        ib++;
        continue;
      }
      if (xa >= 0) sa = xa;
      else {
        a.state = sa;
        a.i = ia;
        this.event(table, xa, a, run);
        sa = a.state;
        ia = a.i;
      }
      ia++;
      if (xb >= 0) sb = xb;
      else {
        b.state = sb;
        b.i = ib;
        this.event(table, xb, b, run);
        sb = b.state;
        ib = b.i;
      }
      ib++;
    }
    a.state = sa;
    a.i = ia;
    this.runLane(table, a, mid, run);
    b.state = sb;
    b.i = ib;
    this.runLane(table, b, length, run);
    if (b.found.length > 0) {
      // The second lane's shift started at 0 where it started: add the first lane's shift there.
      const base = ((bom ? -3 : 0) + offsetShift(bytes, first, from)) * 16;
      for (const site of b.found) run.found.push(site + base);
    }
    return finish(run);
  }

  /** One lane from `lane.i` up to `end` (exclusive). */
  private runLane(table: Int32Array, lane: ByteLane, end: number, run: ByteRun): void {
    const { bytes } = run;
    let state = lane.state;
    for (let i = lane.i; i < end; i++) {
      const next = table[(state << 8) | bytes[i]!]!;
      // The common case: an ASCII byte leading to a state where no keyword ends.
      if (next >= 0) {
        state = next;
        continue;
      }
      lane.state = state;
      lane.i = i;
      this.event(table, next, lane, run);
      state = lane.state;
      i = lane.i;
    }
    lane.state = state;
    lane.i = end;
  }

  /**
   * A negative table entry at `lane.i`: a keyword ends (report it, and the tracked ones' sites), or
   * a non-ASCII lead byte (restart; `İ` and the Kelvin sign first step on `i` and `k`). Leaves
   * `lane.i` on the last byte it used.
   */
  private event(table: Int32Array, entry: number, lane: ByteLane, run: ByteRun): void {
    const { bytes, length } = run;
    const i = lane.i;
    let target = ~entry;
    if (target === this.ends.length) {
      const b = bytes[i]!;
      if (b === 0xc4 && bytes[i + 1] === 0xb0 && i + 1 < length) {
        run.special = true;
        // `i` then a combining dot, which restarts the match.
        this.report(plainState(table[(lane.state << 8) | LOWER_I]!), run.present, run.reported);
        lane.state = 0;
        lane.i = i + 1;
        lane.shift--;
        return;
      }
      if (b === 0xe2 && bytes[i + 1] === 0x84 && bytes[i + 2] === 0xaa && i + 2 < length) {
        run.special = true;
        target = plainState(table[(lane.state << 8) | LOWER_K]!);
        lane.i = i + 2;
        lane.shift -= 2;
      } else {
        lane.shift += leadShift(b);
        lane.state = 0;
        return;
      }
    }
    lane.state = target;
    const lengths = this.trackedLengths[target];
    if (lengths !== undefined && lane.i >= lane.sitesFrom) for (const n of lengths) lane.found.push((lane.i + lane.shift - n + 1) * 16 + n);
    this.report(target, run.present, run.reported);
  }

  private report(state: number, present: Set<string>, reported: Uint8Array): void {
    if (this.ends[state] === 1 && reported[state] === 0) {
      reported[state] = 1;
      for (const k of this.outputs[state]!) present.add(k);
    }
  }

  private bytes?: Int32Array;

  /**
   * The table by byte (256 columns, upper case folded in), built on first use. A state where a
   * keyword ends is stored as its complement (negative), and a lead byte of a non-ASCII character
   * as the complement of the state count: the scan's inner loop tests one sign.
   */
  private byteTable(): Int32Array {
    if (this.bytes) return this.bytes;
    const states = this.ends.length;
    const table = new Int32Array(states * 256);
    for (let state = 0; state < states; state++) {
      const row = state * 256;
      for (let c = 0; c < ALPHABET; c++) {
        const next = this.delta[state * ALPHABET + c]!;
        table[row + c] = this.ends[next] === 1 ? ~next : next;
      }
      table.copyWithin(row + 0x41, row + 0x61, row + 0x7b);
      // Continuation bytes restart the match like any non-ASCII byte, without a closer look:
      // their character was counted at its lead byte.
      table.fill(0, row + 0x80, row + 0xc0);
      table.fill(~states, row + 0xc0, row + 0x100);
    }
    this.bytes = table;
    return table;
  }
}
