import type { Severity } from '../types';
import type { Finding, SimpleCommand } from './types';

/**
 * One guard rule, in the style of an ESLint rule: its metadata (id, what it destroys, why,
 * the safer alternative) sits beside its logic and its own examples, which run as tests.
 */
export interface Rule {
  /** `<pack>.<name>`, e.g. `railway.volume-delete`. Stable: policies and logs refer to it. */
  id: string;
  /** What it destroys, in plain words: "a Railway volume and every byte on it". */
  resource: string;
  severity: Severity;
  /** `deny` only for the catastrophic and never-needed; `ask` for what a person may well want. */
  decision: 'ask' | 'deny';
  /** Why Airlock stopped it, for a person reading the confirmation. */
  reason: string;
  /** A safer alternative, when one exists. */
  suggestion?: string;
  /**
   * Words without which this rule cannot match. The fast path lets a line through without
   * parsing when it contains none of any rule's keywords (as whole words, case-insensitive,
   * after quotes and backslashes are removed), so list every word the rule needs; a test
   * proves it by running each positive example through the fast path.
   */
  keywords: string[];
  /** argv[0] values this rule looks at; the engine calls `match` only for these. */
  tools: string[];
  /** Returns a verdict when the command matches, undefined when it does not. */
  match(command: SimpleCommand, context: RuleContext): RuleVerdict | undefined;
  /** Whole command lines as typed: each `match` line must trigger this rule, each `noMatch` must not. */
  examples: { match: string[]; noMatch: string[] };
}

/** What a match reports; unset fields fall back to the rule's own metadata. */
export interface RuleVerdict {
  reason?: string;
  resource?: string;
  decision?: 'ask' | 'deny';
  severity?: Severity;
  suggestion?: string;
}

export interface RuleContext {
  /**
   * Reads a file (relative paths against `cwd`), bounded in size. Undefined when it cannot
   * be read (missing, too large, not text): a rule that needed it must then answer `ask`.
   */
  readFile(path: string, cwd: string): string | undefined;
  /** Runs the full engine on a nested command line (a script, a subprocess call), depth-limited. */
  checkLine(line: string, cwd: string): Finding[];
  /** Runs the full engine on an argv, as if it were a simple command. */
  checkArgv(argv: string[], cwd: string): Finding[];
  /** Git branches whose rewriting or deletion is guarded (default main, master, production, release/*). */
  protectedBranches: string[];
  /** Minimatch globs where deletes are routine (build output, temp folders). */
  routineDeletePaths: string[];
}

/** Rules of one tool family, with the words that bring them into play. */
export interface Pack {
  id: string;
  name: string;
  description: string;
  rules: Rule[];
}

/** Declares a rule; exists so a rule module reads as one typed object. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

export function definePack(pack: Pack): Pack {
  return pack;
}
