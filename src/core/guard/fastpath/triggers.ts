/**
 * Words that send a line to the full check although no rule names them: they make Airlock
 * read something the line itself does not show (a nested script, a script file, standard
 * input run as a program, a remote command) or print secrets.
 */

import { PACKAGE_MANAGERS } from '../../shell/unwrap';
import { DEFAULT_PROTECTED_FILES } from '../../tokens/protected-files';
import type { Pack } from '../rule';
import { protectedFileTriggers } from './file-words';

/**
 * Words that run package.json scripts. In-process they are triggers like any other; the
 * launcher instead reads the nearest package.json and sends the call to the full check only when
 * that file holds a trigger word (so `npm test` stays fast when the scripts are harmless).
 */
export const SCRIPT_RUNNER_WORDS = PACKAGE_MANAGERS;

export const UNWRAPPING_WORDS = [
  'sh',
  'bash',
  'zsh',
  'dash',
  'ksh',
  'mksh',
  'ash',
  'fish',
  'busybox',
  'eval',
  'source',
  'exec',
  'xargs',
  'parallel',
  'ssh',
  'su',
  'watch',
  'function',
  'cmd',
  'pwsh',
  'powershell',
  'sudo',
  'doas',
  'trap',
  'coproc',
];

export const INTERPRETER_WORDS = [
  'python',
  'python2',
  'python3',
  'node',
  'nodejs',
  'ruby',
  'perl',
  'php',
  'deno',
  'bun',
  'lua',
  'rscript',
  'pwsh',
  'powershell',
];

export const SECRET_PRINTING_WORDS = ['env', 'printenv', 'secret', 'secrets', 'token', 'credentials', 'netrc', 'npmrc', 'pgpass', 'id_rsa', 'id_ed25519'];

/**
 * The secret gate (src/core/hooks/secret-access.ts) judges lines the rules allow: commands that
 * print the environment (`set`, `export -p`, `declare -x`) and any line naming a protected file.
 * The file words are derived from the default protected-file globs (`*.pem` gives `pem`); the
 * installed launcher adds the words of the user's own globs.
 */
export const ENVIRONMENT_PRINTING_WORDS = ['printenv', 'env', 'set', 'export', 'declare', 'typeset'];
export const DEFAULT_FILE_WORDS: readonly string[] = protectedFileTriggers(DEFAULT_PROTECTED_FILES) ?? [];

/**
 * Rule keywords that matter only beside another word: the only rule keyed on `mv` judges a move
 * onto /dev/null, and that path has the word `null`. Written `mv&null` in the trigger set, so a
 * plain `mv a b` stays on the fast path (in the terminal shims too). A policy's own `mv` stays a
 * plain trigger. A test checks every rule with such a keyword still sends its examples on.
 */
export const PAIRED_KEYWORDS: Readonly<Record<string, readonly string[]>> = { mv: ['null'] };

/** Every word that brings the full check into play, for the given packs and extra policy words. */
export function allTriggerWords(packs: readonly Pack[], extra: readonly string[] = []): string[] {
  const words = new Set<string>([
    ...UNWRAPPING_WORDS,
    ...INTERPRETER_WORDS,
    ...SECRET_PRINTING_WORDS,
    ...ENVIRONMENT_PRINTING_WORDS,
    ...DEFAULT_FILE_WORDS,
    ...SCRIPT_RUNNER_WORDS,
    ...extra,
  ]);
  for (const pack of packs)
    for (const rule of pack.rules)
      for (const keyword of rule.keywords) {
        const companions = PAIRED_KEYWORDS[keyword];
        if (companions) for (const companion of companions) words.add(`${keyword}&${companion}`);
        else words.add(keyword);
      }
  return [...words].sort();
}
