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
const NOT_ASCII = 255;
const LOWER_I = 0x69;
const LOWER_K = 0x6b;

/** A byte table entry's state, whether or not a keyword ends there. */
function plainState(entry: number): number {
  return entry < 0 ? ~entry : entry;
}

/** What `scanBytes` read from a file's bytes. */
export interface ByteScan {
  present: Set<string>;
  /** Occurrences of the tracked keywords: `start * 16 + length`, sorted. */
  sites: Float64Array;
  /** `İ` or the Kelvin sign occurs: offsets in the lowercased text differ, or `k`/`i` came from them. */
  special: boolean;
  ascii: boolean;
}

/** A byte's column in the table: ASCII upper case folded to lower case (the keywords are lower case), anything else NOT_ASCII. */
const FOLD = new Uint8Array(256).map((_, b) => (b >= ALPHABET ? NOT_ASCII : b >= 0x41 && b <= 0x5a ? b + 0x20 : b));

export class KeywordScanner {
  private readonly delta: Int32Array;
  /** For each state, the keywords that end there (own and via failure links), or undefined. */
  private readonly outputs: Array<readonly string[] | undefined>;
  /** 1 where `outputs` has keywords: a typed array is the cheapest test in the inner loop. */
  private readonly ends: Uint8Array;
  private readonly fallback: readonly string[];

  /** For each state, the lengths of the tracked keywords that end there, or undefined. */
  private readonly trackedLengths: Array<readonly number[] | undefined>;

  constructor(keywords: readonly string[], tracked: readonly string[] = []) {
    const words = [...new Set([...keywords, ...tracked])].filter((k) => k.length > 0);
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
    const present = new Set<string>();
    const { outputs, trackedLengths } = this;
    const table = this.byteTable();
    const nonAscii = this.ends.length;
    const reported = new Uint8Array(outputs.length);
    const found: number[] = [];
    let special = false;
    let ascii = true;
    let state = 0;
    const bom = length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    // The text offset of byte i is i + shift: ASCII bytes are one unit each, other characters are
    // one unit (two for four-byte sequences, which are surrogate pairs) over several bytes.
    let shift = bom ? -3 : 0;
    for (let i = bom ? 3 : 0; i < length; i++) {
      const next = table[(state << 8) | bytes[i]!]!;
      // The common case: an ASCII byte leading to a state where no keyword ends.
      if (next >= 0) {
        state = next;
        continue;
      }
      let target = ~next;
      if (target === nonAscii) {
        const b = bytes[i]!;
        ascii = false;
        if (b === 0xc4 && bytes[i + 1] === 0xb0 && i + 1 < length) {
          special = true;
          // `i` then a combining dot, which restarts the match.
          this.report(plainState(table[(state << 8) | LOWER_I]!), present, reported);
          state = 0;
          i++;
          shift--;
          continue;
        }
        if (b === 0xe2 && bytes[i + 1] === 0x84 && bytes[i + 2] === 0xaa && i + 2 < length) {
          special = true;
          target = plainState(table[(state << 8) | LOWER_K]!);
          i += 2;
          shift -= 2;
        } else {
          if (b < 0xc0) shift--;
          else if (b >= 0xf0) shift++;
          state = 0;
          continue;
        }
      }
      state = target;
      const lengths = trackedLengths[state];
      if (lengths !== undefined) for (const n of lengths) found.push((i + shift - n + 1) * 16 + n);
      this.report(state, present, reported);
    }
    // Reported by where they end: shorter keywords ending later can start later.
    const sites = Float64Array.from(found).sort();
    return { present, sites, special, ascii };
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
   * keyword ends is stored as its complement (negative), and every non-ASCII byte as the
   * complement of the state count: the scan's inner loop tests one sign.
   */
  private byteTable(): Int32Array {
    if (this.bytes) return this.bytes;
    const states = this.ends.length;
    const table = new Int32Array(states * 256);
    for (let state = 0; state < states; state++)
      for (let b = 0; b < 256; b++) {
        const c = FOLD[b]!;
        const next = c !== NOT_ASCII ? this.delta[state * ALPHABET + c]! : -1;
        table[state * 256 + b] = next === -1 ? ~states : this.ends[next] === 1 ? ~next : next;
      }
    this.bytes = table;
    return table;
  }
}
