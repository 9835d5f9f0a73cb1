/**
 * Matching the subcommand path of a CLI (`railway volume delete`, `aws s3 rm`,
 * `gcloud sql instances delete`) against the readings of its argv. The arguments themselves
 * are read by the one argument reader, `src/core/argv.ts`.
 *
 * Cloud CLIs accept global options with separate values before and between the words of
 * the path (`kubectl -n prod delete`, `railway volume -s api delete`). Each pack lists the
 * options it knows take a value; for any option it does not know, the path is read both
 * ways (`readings`) and a rule matches when either reading matches: a destructive path is
 * never hidden by an unfamiliar flag.
 */

import { asksForHelp, readings } from '../../argv';
import type { Finding } from '../../findings';
import type { SimpleCommand } from '../../shell/command';
import type { RuleVerdict } from '../rule';

/** One step of a path: the word, or any of its aliases. `*` matches any single word. */
export type PathStep = string | readonly string[];

function stepMatches(step: PathStep, word: string | undefined): boolean {
  if (word === undefined) return false;
  if (step === '*') return true;
  return typeof step === 'string' ? step === word : step.includes(word);
}

/** True when `words` begins with the path. */
export function startsWithPath(words: readonly string[], path: readonly PathStep[]): boolean {
  return path.every((step, i) => stepMatches(step, words[i]));
}

/** `apps:destroy` → `apps`, `destroy`: how `topic:command` CLIs (Heroku, Netlify, old wrangler) name commands. */
function openTopics(words: readonly string[]): string[] {
  return words.flatMap((w, i) => (i === 0 ? w.split(':') : [w]));
}

/** Every reading of the command's arguments, topics opened when asked; none for a help request. */
function commandReadings(command: SimpleCommand, valued: readonly string[], topics = false): string[][] {
  const args = command.argv.slice(1);
  if (asksForHelp(args, valued)) return [];
  const all = readings(args, valued);
  return topics ? all.map(openTopics) : all;
}

/**
 * The first of `paths` that a reading of the command's arguments starts with, as the words
 * of that reading; undefined when none does. Help requests never match.
 */
export function matchPath(command: SimpleCommand, valued: readonly string[], ...paths: ReadonlyArray<readonly PathStep[]>): string[] | undefined {
  return commandReadings(command, valued).find((words) => paths.some((p) => startsWithPath(words, p)));
}

/**
 * Like `matchPath`, for CLIs with `topic:command` names (Heroku, Netlify): the first word's
 * colons are opened up, so `apps:destroy`, `apps destroy` and `pg:backups:delete` read alike.
 */
export function matchTopicPath(command: SimpleCommand, valued: readonly string[], ...paths: ReadonlyArray<readonly PathStep[]>): string[] | undefined {
  return commandReadings(command, valued, true).find((words) => paths.some((p) => startsWithPath(words, p)));
}

/** Verbs that read, create or change without destroying: a command path that reaches one of them is not a delete. */
const HARMLESS_VERBS = new Set([
  // Not here: words that are also command groups somewhere (gcloud run, gcloud deploy, gcloud logging logs, az search).
  'get',
  'list',
  'ls',
  'show',
  'describe',
  'create',
  'add',
  'new',
  'update',
  'set',
  'info',
  'inspect',
  'status',
  'view',
  'ssh',
  'connect',
  'exec',
  'start',
  'stop',
  'restart',
  'wait',
  'watch',
  'print',
  'download',
  'upload',
  'copy',
  'cp',
  'tail',
  'check',
  'validate',
  'login',
  'open',
]);

/**
 * For CLIs shaped `tool GROUP... VERB [NAME]` (gcloud, az, doctl): the first of the leading
 * command words that is one of `verbs` (a list, or a pattern for CLIs with verbs like `bucket-delete`), as long as no harmless verb or non-command word
 * (a name, a path, a URL) comes before it. Returns the words up to and including the verb.
 */
export function leadingVerb(words: readonly string[], verbs: Verbs, maxDepth = 5): string[] | undefined {
  const isVerb: (w: string, i: number) => boolean = Array.isArray(verbs)
    ? (w) => verbs.includes(w)
    : verbs instanceof RegExp
      ? (w) => verbs.test(w)
      : (w, i) => (verbs as VerbTest)(w, i, words);
  for (let i = 0; i < Math.min(words.length, maxDepth); i++) {
    const word = words[i]!;
    if (isVerb(word, i)) return words.slice(0, i + 1);
    if (HARMLESS_VERBS.has(word) || !/^[a-z][a-z0-9-]*$/.test(word)) return undefined;
  }
  return undefined;
}

/** Decides from its position whether a word is the verb (doctl's `d` is droplet after `compute`, delete elsewhere). */
export type VerbTest = (word: string, index: number, words: readonly string[]) => boolean;
/** The verbs: a list, a pattern (for CLIs with verbs like `bucket-delete`), or a test that sees the word's position. */
export type Verbs = readonly string[] | RegExp | VerbTest;

export interface LeadingVerbOptions {
  /** How many leading words may come before the verb, verb included (default 5). */
  maxDepth?: number;
  /** The fewest words the path may have, verb included (default 2: at least one group word). */
  minWords?: number;
  /** Open `topic:command` names first. */
  topics?: boolean;
  /** Leading words to drop first (gcloud's `alpha`, `beta`). */
  drop?: ReadonlySet<string>;
}

/** `leadingVerb` over every reading of the command's arguments; help requests never match. */
export function matchLeadingVerb(command: SimpleCommand, valued: readonly string[], verbs: Verbs, options: LeadingVerbOptions = {}): string[] | undefined {
  const { maxDepth = 5, minWords = 2, topics = false, drop } = options;
  for (const reading of commandReadings(command, valued, topics)) {
    const words = drop?.has(reading[0] ?? '') ? reading.slice(1) : reading;
    const path = leadingVerb(words, verbs, maxDepth);
    if (path && path.length >= minWords) return path;
  }
  return undefined;
}

/**
 * The verdict for a command that runs another one somewhere else (`kubectl exec`, `railway run`,
 * SQL sent to D1): the strictest of the nested command's findings, its reason prefixed with where
 * it runs. Undefined when the nested command is harmless.
 */
export function nestedVerdict(findings: readonly Finding[], where: string): RuleVerdict | undefined {
  const worst = findings.find((f) => f.decision === 'deny') ?? findings[0];
  if (!worst) return undefined;
  return {
    reason: `${where}: ${worst.reason}`,
    severity: worst.severity,
    decision: worst.decision,
    ...(worst.resource ? { resource: worst.resource } : {}),
    ...(worst.suggestion ? { suggestion: worst.suggestion } : {}),
  };
}
