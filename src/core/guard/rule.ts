import type { Finding } from '../findings';
import type { SimpleCommand } from '../shell/command';
import type { Severity } from '../types';
import type { FileRecovery } from './git-state';

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
   * proves it by running each positive example through the fast path. `defineRule` fills it
   * with `tools` when a rule leaves it out.
   */
  keywords: string[];
  /** argv[0] values this rule looks at; the engine calls `match` only for these. */
  tools: string[];
  /** Returns a verdict when the command matches, undefined when it does not. */
  match(command: SimpleCommand, context: RuleContext): RuleVerdict | undefined;
  /**
   * Whole command lines as typed, run by the rule tester (test/unit/guard/rule-tester.ts): each
   * `match` line must trigger this rule (with the decision and severity it states, when it states
   * them); each `noMatch` line must not (and, when it states `decision: 'allow'`, nothing else may
   * stop the line either).
   */
  examples: { match: MatchExample[]; noMatch: NoMatchExample[] };
}

/** A line the rule must match; the object form states the finding's decision and severity. */
export type MatchExample = string | { line: string; decision?: 'ask' | 'deny'; severity?: Severity };

/** A line the rule must not match; `decision: 'allow'` says the whole line must pass. */
export type NoMatchExample = string | { line: string; decision?: 'allow' };

/** The command line of an example, whichever form it is written in. */
export function exampleLine(example: MatchExample | NoMatchExample): string {
  return typeof example === 'string' ? example : example.line;
}

/** A rule as written in its module: `keywords` may be left out when they are the tool names. */
export type RuleDefinition = Omit<Rule, 'keywords'> & { keywords?: string[] };

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
  /**
   * Whether git could bring a file back if it were deleted or overwritten now (read from the
   * repository's index). Absent in hand-built contexts: a rule then treats the file as not recoverable.
   */
  fileRecovery?(path: string, cwd: string): FileRecovery;
  /** Tracked files under a path whose content differs from git's index; `unknown` when it cannot tell. */
  modifiedTracked?(path: string, cwd: string): string[] | 'unknown';
}

/** Rules of one tool family, with the words that bring them into play. */
export interface Pack {
  id: string;
  name: string;
  description: string;
  rules: Rule[];
  /**
   * Tools of this pack whose first word `help` only prints help (`gcloud help sql`, `git help
   * reset`): no rule is consulted for such a call. Elsewhere `help` may be a name (`find help -delete`).
   */
  helpSubcommand?: readonly string[];
  /**
   * npm packages whose binary is one of this pack's tools under another name, for package
   * runners: `npx @railway/cli volume delete` runs `railway`. Package name → tool name.
   */
  packages?: Readonly<Record<string, string>>;
}

/** Declares a rule; fills `keywords` with the tool names when the rule leaves them out. */
export function defineRule(rule: RuleDefinition): Rule {
  return { ...rule, keywords: rule.keywords ?? [...rule.tools] };
}

export function definePack(pack: Pack): Pack {
  return pack;
}
