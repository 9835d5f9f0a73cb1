/**
 * Words that send a line to the full check because it may name a protected file (the secret
 * gate's globs): derived from the globs themselves, so a user's own list is covered too.
 *
 * A path matching a glob contains the glob's literal parts. For each glob the first literal
 * word (split as the fast path splits lines: `[a-z0-9_-]` runs, lowercase) is taken: when both
 * its ends are separators (`/`, `.`, the pattern's ends) any matching path has it as a whole
 * word, so it is a plain trigger word (`**\/*.pem` gives `pem`, `**\/.kube/config` gives `kube`);
 * when a wildcard touches it (`**\/id_*`) it is a fragment, written `*id_`, that matches any word
 * containing it. A glob with no literal word (`**\/*`) cannot be derived: undefined.
 */

const WORD_CHAR = /[a-z0-9_-]/;
/** Characters with a glob meaning: a literal next to one of these is only part of a word. */
const GLOB_CHARS = new Set(['*', '?', '[', ']', '{', '}', '(', ')', '!', '+', '@']);

export function globTrigger(glob: string): string | undefined {
  const text = glob.toLowerCase();
  let i = 0;
  while (i < text.length) {
    if (!WORD_CHAR.test(text[i]!)) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
    const word = text.slice(i, end);
    const before = text[i - 1];
    const after = text[end];
    // Inside a class or a brace list the letters are alternatives, not literals.
    if (insideGroup(text, i)) {
      i = end;
      continue;
    }
    const wildBefore = before !== undefined && (GLOB_CHARS.has(before) || before === '\\');
    const wildAfter = after !== undefined && (GLOB_CHARS.has(after) || after === '\\');
    return wildBefore || wildAfter ? `*${word}` : word;
  }
  return undefined;
}

function insideGroup(text: string, at: number): boolean {
  let square = 0;
  let brace = 0;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '[') square++;
    else if (c === ']' && square > 0) square--;
    else if (c === '{') brace++;
    else if (c === '}' && brace > 0) brace--;
  }
  return square > 0 || brace > 0;
}

/** Trigger words and `*fragments` for a glob list; undefined when one glob cannot be derived. */
export function protectedFileTriggers(globs: readonly string[]): string[] | undefined {
  const out = new Set<string>();
  for (const glob of globs) {
    const trigger = globTrigger(glob);
    if (trigger === undefined) return undefined;
    out.add(trigger);
  }
  return [...out].sort();
}
