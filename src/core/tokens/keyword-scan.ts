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

export class KeywordScanner {
  private readonly delta: Int32Array;
  /** For each state, the keywords that end there (own and via failure links), or undefined. */
  private readonly outputs: Array<readonly string[] | undefined>;
  private readonly fallback: readonly string[];

  constructor(keywords: readonly string[]) {
    const words = [...new Set(keywords)].filter((k) => k.length > 0);
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
    // Breadth first: a state's failure target is always finished before the state itself.
    const queue: number[] = [0];
    const collected: string[][] = own.map((o) => [...o]);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      if (state !== 0) collected[state]!.push(...collected[fail[state]!]!);
      this.outputs[state] = collected[state]!.length > 0 ? collected[state] : undefined;
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
    const { delta, outputs } = this;
    // Common keywords (`key`) occur thousands of times: report each end state once.
    const reported = new Uint8Array(outputs.length);
    let state = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      state = c < ALPHABET ? delta[state * ALPHABET + c]! : 0;
      if (outputs[state] !== undefined && reported[state] === 0) {
        reported[state] = 1;
        for (const k of outputs[state]!) present.add(k);
      }
    }
    for (const k of this.fallback) if (text.includes(k)) present.add(k);
    return present;
  }
}
