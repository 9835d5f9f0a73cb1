/**
 * The fast path: decides, without parsing, that a line cannot match any rule, so it is allowed
 * at once. dcg's quick reject, made sound: a line goes to the full check when, after the
 * normalisation below, any of its words is a trigger word, or it contains anything that can
 * build a word at run time. The launcher's POSIX sh copy (generated from the same word list by
 * `shellPrefilterFunction`) normalises identically; a test runs every positive case through both.
 *
 * Normalisation: lowercase ASCII letters only (as awk does in the C locale); remove quotes and
 * backslashes; split into words at every character other than `a-z`, `0-9`, `_` and `-` (so
 * `/usr/bin/RM` gives `usr`, `bin`, `rm`; any non-ASCII character separates words).
 */

/** Characters that can build or hide a word when the line runs: expansions, substitutions, globs, braces. */
export const RUNTIME_WORD_CHARS = ['$', '`', '{', '}', '*', '?', '[', ']'];

/**
 * Constructs that hide what runs behind words the split cannot see: `. script` (the POSIX
 * `source`) and function definitions `name()` (a fork bomb needs no keyword at all).
 */
export const HIDDEN_CONSTRUCTS = /(^|[\n;&|(!])[ \t]*\.[ \t]|\([ \t]*\)/;

export function prefilterWords(text: string): string[] {
  return text
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/['"\\]/g, '')
    .split(/[^a-z0-9_-]+/)
    .filter(Boolean);
}

/**
 * The trigger set: every word of every keyword, split the same way lines are. A keyword written
 * `*frag` (from a protected-file glob such as `id_*`) is kept as a fragment: any word containing
 * `frag` is a trigger.
 */
export function triggerSet(keywords: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const keyword of keywords) {
    // `word&companion`: a trigger only when both words are on the line (src/core/guard/fastpath/triggers.ts).
    if (PAIR.test(keyword)) {
      set.add(keyword);
      continue;
    }
    if (keyword.startsWith('*')) {
      const fragment = keyword.slice(1).toLowerCase();
      if (/^[a-z0-9_-]+$/.test(fragment)) set.add(`*${fragment}`);
      else for (const word of prefilterWords(fragment)) set.add(`*${word}`);
      continue;
    }
    for (const word of prefilterWords(keyword)) set.add(word);
  }
  return set;
}

const PAIR = /^[a-z0-9_-]+&[a-z0-9_-]+$/;
const matchers = new WeakMap<ReadonlySet<string>, RegExp>();
const pairMatchers = new WeakMap<ReadonlySet<string>, Array<[RegExp, RegExp]>>();

function wordMatcher(word: string): RegExp {
  return new RegExp(`(?<![a-z0-9_-])${word.replace(/-/g, '\\-')}(?![a-z0-9_-])`);
}

function pairs(triggers: ReadonlySet<string>): Array<[RegExp, RegExp]> {
  let list = pairMatchers.get(triggers);
  if (!list) {
    list = [...triggers]
      .filter((w) => PAIR.test(w))
      .map((w) => w.split('&') as [string, string])
      .map(([a, b]) => [wordMatcher(a), wordMatcher(b)]);
    pairMatchers.set(triggers, list);
  }
  return list;
}

/**
 * One regular expression for the whole set: a trigger word bounded by non-word characters, i.e.
 * equal to one of the line's words. ~0.2 ms on 100 KB where splitting into an array took ~20 ms.
 */
function triggerMatcher(triggers: ReadonlySet<string>): RegExp {
  let matcher = matchers.get(triggers);
  if (!matcher) {
    const words = [...triggers]
      .filter((w) => /^[a-z0-9_-]+$/.test(w))
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/-/g, '\\-'));
    const fragments = [...triggers].filter((w) => /^\*[a-z0-9_-]+$/.test(w)).map((w) => `[a-z0-9_-]*${w.slice(1).replace(/-/g, '\\-')}[a-z0-9_-]*`);
    const alternatives = [...words, ...fragments];
    matcher = alternatives.length ? new RegExp(`(?<![a-z0-9_-])(?:${alternatives.join('|')})(?![a-z0-9_-])`) : /(?!)/;
    matchers.set(triggers, matcher);
  }
  return matcher;
}

/** True when one of the line's words (normalised as above) is a trigger word. */
export function mentionsTriggerWord(line: string, triggers: ReadonlySet<string>): boolean {
  const text = line.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/['"\\]/g, '');
  return triggerMatcher(triggers).test(text) || pairs(triggers).some(([a, b]) => a.test(text) && b.test(text));
}

/**
 * Task and test runners whose recipes, conftest.py or config the full check reads (`make wipe`,
 * `npx jest`). Not rule keywords: the engine adds them to its own triggers; the launcher reads the
 * Makefile, justfile or Taskfile in the call's folder instead (so `make test` stays fast when the
 * recipes hold no trigger word) and sends the rest to the full check.
 */
export const TASK_RUNNER_WORDS = ['make', 'gmake', 'bmake', 'just', 'task', 'go-task', 'mise', 'rtx', 'pytest', 'jest', 'vitest', 'npx', 'pnpx', 'bunx'];

/**
 * Words with which a package manager or task runner runs what another folder, another file or
 * the line itself names (`cd sub && make`, `make -C sub`, `make -f - x`, `npx -c '...'`,
 * `make SHELL=python3`): then the files in the call's folder say nothing, so the full check.
 */
export const ELSEWHERE_WORDS = [
  'cd',
  'pushd',
  '-w',
  '--workspace',
  '--workspaces',
  '-ws',
  '--prefix',
  '-c',
  '--dir',
  '--cwd',
  '--filter',
  '-f',
  '--recursive',
  '-r',
  'workspace',
  'workspaces',
  '--directory',
  '-d',
  '--file',
  '--makefile',
  '--justfile',
  '--working-directory',
  '-t',
  '--taskfile',
  '--eval',
  '-e',
  '--call',
  '--config',
  '--rootdir',
  '--root',
  '-p',
  'shell',
  'shellflags',
  'makefiles',
  'makeflags',
];

/**
 * Commands that never run one of their arguments as a program: a `/` after one of them is a
 * path argument. Anywhere else a `/` may name a program run by its path (`./scripts/cleanup`,
 * `nohup bin/setup`), whose file only the full check reads (the engine's RUNS_CODE_BY_PATH).
 */
export const PATH_ARGUMENT_COMMANDS = [
  'ls',
  'cat',
  'head',
  'tail',
  'wc',
  'grep',
  'egrep',
  'fgrep',
  'rg',
  'mkdir',
  'touch',
  'cp',
  'diff',
  'sort',
  'uniq',
  'tree',
  'jq',
  'echo',
  'printf',
  'cd',
  'pushd',
  'popd',
  'stat',
  'file',
  'du',
  'df',
  'less',
  'more',
  'pwd',
  'basename',
  'dirname',
  'realpath',
  'readlink',
  'git',
  'tsc',
  'go',
  'cargo',
  'mv',
  'ln',
  'chmod',
  'kubectl',
  'sed',
];
const PATH_ARGUMENT_SET = new Set(PATH_ARGUMENT_COMMANDS);

/**
 * True when a `/` may be in command position: in some segment (split at `; & | ( ) ! newline`,
 * quotes and backslashes removed), the first word after assignments and redirections holds a
 * `/`, or is not a command known to take paths only as arguments. The awk copy is identical.
 */
export function mayRunByPath(line: string): boolean {
  if (!line.includes('/')) return false;
  for (const segment of line.replace(/['"\\]/g, '').split(/[;&|()\n!]/)) {
    if (!segment.includes('/')) continue;
    let first = '';
    let skipNext = false;
    for (const word of segment.split(/[ \t]+/)) {
      if (word === '') continue;
      if (skipNext) {
        skipNext = false;
        continue;
      }
      if (/^[0-9]*[<>]/.test(word)) {
        if (/^[0-9]*[<>]+$/.test(word)) skipNext = true;
        continue;
      }
      if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) continue;
      first = word;
      break;
    }
    if (first === '') continue;
    if (first.includes('/') || !PATH_ARGUMENT_SET.has(first)) return true;
  }
  return false;
}

/** `py.test` splits into the everyday words py and test: matched as written. */
const PY_TEST = /(^|[^A-Za-z0-9_.-])py\.test([^A-Za-z0-9_.-]|$)/;
const TASK_SET = new Set(TASK_RUNNER_WORDS);
const ELSEWHERE_SET = new Set(ELSEWHERE_WORDS);

/** A task runner word with a word that moves it elsewhere: no file in the folder can settle it. */
export function taskRunsElsewhere(line: string): boolean {
  const words = prefilterWords(line);
  return words.some((w) => TASK_SET.has(w)) && words.some((w) => ELSEWHERE_SET.has(w));
}

/**
 * False only when the line certainly matches no rule: then it may be allowed without parsing.
 * A task runner word alone is left to the caller: the engine counts it as a trigger, the launcher
 * reads the runner's file in the call's folder.
 */
export function needsFullCheck(line: string, triggers: ReadonlySet<string>): boolean {
  for (const ch of RUNTIME_WORD_CHARS) if (line.includes(ch)) return true;
  if (HIDDEN_CONSTRUCTS.test(line)) return true;
  if (mayRunByPath(line) || PY_TEST.test(line) || taskRunsElsewhere(line)) return true;
  return mentionsTriggerWord(line, triggers);
}
