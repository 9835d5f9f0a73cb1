/**
 * Telling whether two command lines run the same command, for the gates' bookkeeping: a
 * person's approval is handed over only to the very command they approved, and the terminal
 * watcher recognises a command a gate asked about even when the typed line still shows `$DIR`
 * where the gate saw the expanded word. Comparison is by words (argv), never by substring: an
 * approval of `rm -rf build/cache` says nothing about `rm -rf build`.
 */
import { resolve } from 'node:path';
import { isShellParserLoaded } from './parser';
import { reduceLine } from './reduce';

export interface LineCommand {
  argv: string[];
  cwd: string;
  /** Per word: true when the word is only known when the line runs (`$DIR`, `$(pwd)`, a glob). */
  dynamic: boolean[];
}

/** Nothing is read from disk: only the words written on the line count. */
const READ_NOTHING = (): undefined => undefined;

/**
 * The simple commands a line runs, after unwrapping (`sudo`, `cd x &&`, `bash -c`). Undefined
 * when the shell parser is not loaded or the line cannot be reduced: callers then compare
 * nothing and ask again, never match on a guess.
 */
export function lineCommands(line: string, cwd: string): LineCommand[] | undefined {
  if (!isShellParserLoaded() || line.trim() === '' || line.length > 16 * 1024) return undefined;
  const reduction = reduceLine(line, { cwd: resolve(cwd), readFile: READ_NOTHING, maxDepth: 4 });
  if (reduction.problems.some((p) => p.kind === 'too-complex' || p.kind === 'too-deep')) return undefined;
  return reduction.commands.map((c) => ({ argv: c.argv, cwd: c.cwd, dynamic: c.argv.map(isDynamicWord) }));
}

/** A command the engine reported (its argv as typed), in the form the comparisons take. */
export function asLineCommand(argv: readonly string[], cwd: string): LineCommand {
  return { argv: [...argv], cwd: resolve(cwd), dynamic: argv.map(isDynamicWord) };
}

function isDynamicWord(word: string): boolean {
  return /[$`*?[]/.test(word);
}

/** True when `actual` is exactly the command `approved` (same words, same directory). */
export function sameCommand(approved: LineCommand, actual: readonly string[], cwd: string): boolean {
  if (approved.dynamic.some(Boolean)) return false;
  return resolve(cwd) === approved.cwd && approved.argv.length === actual.length && approved.argv.every((w, i) => w === actual[i]);
}

/**
 * True when `typed` (words as the person typed them, perhaps with `$DIR` in them) could have
 * expanded to `seen` (the words a gate was shown). A word only known at run time matches any
 * run of words, since `$FLAGS` may split into several or none; a word with a known part must
 * keep that part (`"$DIR"/x` matches `/srv/x`, never `/srv/y`).
 */
export function couldExpandTo(typed: LineCommand, seen: readonly string[]): boolean {
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === typed.argv.length) result = j === seen.length;
    else if (!typed.dynamic[i]) result = j < seen.length && typed.argv[i] === seen[j] && go(i + 1, j + 1);
    else {
      const pattern = wordPattern(typed.argv[i]!);
      // A wholly dynamic word may stand for zero or more words; a partly known one for exactly one.
      if (pattern === undefined) {
        result = false;
        for (let k = j; k <= seen.length && !result; k++) result = go(i + 1, k);
      } else result = j < seen.length && pattern.test(seen[j]!) && go(i + 1, j + 1);
    }
    memo.set(key, result);
    return result;
  };
  return typed.argv.length > 0 && seen.length > 0 && go(0, 0);
}

/** The word as a regular expression, its run-time parts as wildcards; undefined when nothing of it is known. */
function wordPattern(word: string): RegExp | undefined {
  const parts = word.split(/\$\{[^}]*\}|\$\([^)]*\)|`[^`]*`|\$[A-Za-z_][A-Za-z0-9_]*|\$[0-9@*#?$!-]|[*?]|\[[^\]]*\]/);
  // Many run-time parts would make a backtracking pattern: such a word matches any one word.
  if (parts.every((p) => p === '') || parts.length > 8) return parts.length > 8 ? /^/ : undefined;
  return new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`, 's');
}
