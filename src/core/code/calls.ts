import { type CodeToken, UNKNOWN_PART } from './scanner';

/**
 * Calls and literal values in scanned code: `shutil.rmtree('/x')`, `db.getCollection('a').drop()`,
 * Ruby/Perl `system 'rm', '-rf', dir` without parentheses, and `name = 'literal'` assignments
 * so `cmd = 'rm -rf /'; os.system(cmd)` resolves. Linear: brackets are matched once and each
 * call's arguments are split by jumping over nested groups.
 */

export interface CodeCall {
  /** The dotted callee, e.g. ['shutil', 'rmtree'], ['db', 'getCollection', 'drop']. */
  path: string[];
  /** Top-level arguments, each as its tokens. */
  args: CodeToken[][];
}

export type CodeValue = string | string[];
export type Bindings = Map<string, CodeValue>;

const CHAIN_LINKS = new Set(['.', '::', '->']);
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const DECLARATIONS = new Set(['const', 'let', 'var', 'my', 'our', 'local']);
const TEXT_METHODS = new Set(['split', 'strip', 'rstrip', 'lstrip', 'trim', 'lower', 'upper', 'chomp', 'shellsplit']);

export function matchBrackets(tokens: readonly CodeToken[]): Int32Array {
  const match = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    if (OPENERS[t.value]) stack.push(i);
    else if (t.value === ')' || t.value === ']' || t.value === '}') {
      // Pop to the matching opener; a stray closer is ignored.
      for (let k = stack.length - 1; k >= 0; k--) {
        if (OPENERS[tokens[stack[k]!]!.value] === t.value) {
          const open = stack[k]!;
          stack.length = k;
          match[open] = i;
          match[i] = open;
          break;
        }
        if (stack.length - k > 8) break; // bound the search: unbalanced input must stay linear
      }
    }
  }
  return match;
}

/**
 * Every call in the code. `bareCallees` names functions that Ruby and Perl call without
 * parentheses (`system "rm -rf x"`); their arguments run to the end of the statement.
 */
export function findCalls(tokens: readonly CodeToken[], bareCallees: ReadonlySet<string> = new Set()): CodeCall[] {
  const match = matchBrackets(tokens);
  const calls: CodeCall[] = [];
  let chain: string[] = [];
  let chainEnd = -2;
  const chainAfterClose = new Map<number, string[]>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'ident') {
      const linked = i >= 2 && chainEnd === i - 2 && tokens[i - 1]!.kind === 'punct' && CHAIN_LINKS.has(tokens[i - 1]!.value);
      // A method on something that is not a name (`/re/.exec(x)`, `'a'.join(x)`): the receiver is unknown.
      const method = !linked && i >= 1 && tokens[i - 1]!.kind === 'punct' && CHAIN_LINKS.has(tokens[i - 1]!.value);
      chain = linked ? [...chain.slice(-7), t.value] : method ? ['?', t.value] : [t.value];
      chainEnd = i;
      const next = tokens[i + 1];
      if (
        bareCallees.has(t.value) &&
        next &&
        !next.newline &&
        (next.kind === 'string' ||
          next.kind === 'shell' ||
          (next.kind === 'ident' && /^[$@]/.test(next.value)) ||
          (next.kind === 'ident' && bareCallees.has(next.value)))
      ) {
        calls.push({ path: chain, args: splitArgs(tokens, match, i + 1, statementEnd(tokens, match, i + 1)) });
      }
      continue;
    }
    if (t.kind === 'punct' && t.value === '(' && chainEnd === i - 1 && match[i]! > i) {
      calls.push({ path: chain, args: splitArgs(tokens, match, i + 1, match[i]!) });
      chainAfterClose.set(match[i]!, chain);
      continue;
    }
    if (t.kind === 'punct' && (t.value === ')' || t.value === ']') && chainAfterClose.has(i)) {
      chain = chainAfterClose.get(i)!;
      chainAfterClose.delete(i);
      chainEnd = i;
      continue;
    }
    if (t.kind === 'punct' && t.value === '[' && chainEnd === i - 1 && match[i]! > i) {
      // `os['system']` or `db['users']`: keep the chain across the subscript.
      chainAfterClose.set(match[i]!, chain);
    }
  }
  return calls;
}

function statementEnd(tokens: readonly CodeToken[], match: Int32Array, from: number): number {
  let i = from;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (i > from && t.newline) return i;
    if (t.kind === 'punct') {
      if (t.value === ';' || t.value === ')' || t.value === ']' || t.value === '}') return i;
      if (match[i]! > i) {
        i = match[i]! + 1;
        continue;
      }
    }
    if (t.kind === 'ident' && (t.value === 'or' || t.value === 'and' || t.value === 'if' || t.value === 'unless' || t.value === 'die')) return i;
    i++;
  }
  return i;
}

function splitArgs(tokens: readonly CodeToken[], match: Int32Array, from: number, to: number): CodeToken[][] {
  const args: CodeToken[][] = [];
  let current: CodeToken[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct' && t.value === ',') {
      args.push(current);
      current = [];
      continue;
    }
    if (t.kind === 'punct' && match[i]! > i && match[i]! < to) {
      for (let k = i; k <= match[i]!; k++) current.push(tokens[k]!);
      i = match[i]!;
      continue;
    }
    current.push(t);
  }
  if (current.length) args.push(current);
  return args;
}

/** `name = 'literal'`, `const name = [...]`, `my $name = "..."`: the last literal each name was given. */
export function literalBindings(tokens: readonly CodeToken[]): Bindings {
  const bindings: Bindings = new Map();
  const match = matchBrackets(tokens);
  for (let i = 0; i + 2 < tokens.length; i++) {
    const name = tokens[i]!;
    const eq = tokens[i + 1]!;
    if (name.kind !== 'ident' || eq.kind !== 'punct' || eq.value !== '=') continue;
    if (i > 0 && tokens[i - 1]!.kind === 'punct' && CHAIN_LINKS.has(tokens[i - 1]!.value)) continue;
    const end = valueEnd(tokens, match, i + 2);
    const value = end - (i + 2) < MAX_VALUE_TOKENS ? resolveValue(tokens.slice(i + 2, end), bindings) : undefined;
    if (value !== undefined) bindings.set(name.value, value);
    else bindings.delete(name.value);
  }
  bindLoopVariables(tokens, match, bindings);
  return bindings;
}

/** `for (const d of ['dist', 'build'])`, `for d in ('dist', 'build'):`: the loop variable takes every item. */
function bindLoopVariables(tokens: readonly CodeToken[], match: Int32Array, bindings: Bindings): void {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.kind !== 'ident' || tokens[i]!.value !== 'for') continue;
    for (let j = i + 1; j < Math.min(i + 5, tokens.length - 2); j++) {
      const name = tokens[j]!;
      const keyword = tokens[j + 1]!;
      const open = tokens[j + 2]!;
      if (name.kind !== 'ident' || (keyword.value !== 'of' && keyword.value !== 'in')) continue;
      const close = match[j + 2]!;
      if (open.kind === 'punct' && (open.value === '[' || open.value === '(') && close > j + 2) {
        const items = resolveList(tokens.slice(j + 2, close + 1), bindings);
        if (items) bindings.set(name.value, items);
      }
      break;
    }
  }
}

/** Literal values worth binding are short; the bound keeps `x = x = x = ...` linear. */
const MAX_VALUE_TOKENS = 64;

function valueEnd(tokens: readonly CodeToken[], match: Int32Array, from: number): number {
  let i = from;
  const limit = Math.min(tokens.length, from + MAX_VALUE_TOKENS);
  while (i < limit) {
    const t = tokens[i]!;
    if (i > from && t.newline) return i;
    if (t.kind === 'punct') {
      if (t.value === ';' || t.value === ',' || t.value === ')' || t.value === ']' || t.value === '}') return i;
      if (match[i]! > i) {
        i = match[i]! + 1;
        continue;
      }
    }
    if (t.kind === 'ident' && DECLARATIONS.has(t.value)) return i;
    i++;
  }
  return i;
}

/** A string or a list of strings, when the tokens spell one out; unknown parts become UNKNOWN_PART. */
export function resolveValue(tokens: readonly CodeToken[], bindings: Bindings): CodeValue | undefined {
  const list = resolveList(tokens, bindings);
  if (list) return list;
  return resolveString(tokens, bindings);
}

export function resolveString(tokens: readonly CodeToken[], bindings: Bindings): string | undefined {
  let out = '';
  let sawValue = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'string' || t.kind === 'shell') {
      out += t.value;
      sawValue = true;
      continue;
    }
    if (t.kind === 'punct' && (t.value === '+' || t.value === '.' || t.value === '(' || t.value === ')')) continue;
    // `'rm -rf x'.split()`, `.strip()`: the literal stays what it was.
    if (t.kind === 'ident' && TEXT_METHODS.has(t.value) && tokens[i - 1]?.value === '.') continue;
    if (t.kind === 'ident' && !(i > 0 && tokens[i - 1]!.kind === 'punct' && tokens[i - 1]!.value === '.' && tokens[i - 2]?.kind === 'string')) {
      const bound = bindings.get(t.value);
      if (typeof bound === 'string') {
        out += bound;
        sawValue = true;
        continue;
      }
      if (i === 0 && tokens.length === 1) return undefined;
    }
    // Anything else (a call, a % format, an unknown name) is a part Airlock cannot know.
    if (!out.endsWith(UNKNOWN_PART)) out += UNKNOWN_PART;
    // `'%s' % x` and `.format(x)`: the rest belongs to the unknown part.
    if (t.kind === 'punct' && t.value === '%') break;
  }
  return sawValue ? out : undefined;
}

export function resolveList(tokens: readonly CodeToken[], bindings: Bindings): string[] | undefined {
  if (tokens.length === 1 && tokens[0]!.kind === 'ident') {
    const bound = bindings.get(tokens[0]!.value);
    return Array.isArray(bound) ? bound : undefined;
  }
  if (tokens.length === 1 && tokens[0]!.words) return tokens[0]!.value.split(/\s+/).filter(Boolean);
  let inner: readonly CodeToken[] | undefined;
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first?.kind === 'punct' && (first.value === '[' || first.value === '(') && last?.kind === 'punct' && last.value === OPENERS[first.value])
    inner = tokens.slice(1, -1);
  // PHP `array('a', 'b')`, R `c('a', 'b')`.
  else if (first?.kind === 'ident' && (first.value === 'array' || first.value === 'c') && tokens[1]?.value === '(' && last?.value === ')')
    inner = tokens.slice(2, -1);
  if (!inner) return undefined;
  const items: string[] = [];
  let current: CodeToken[] = [];
  const flush = () => {
    if (!current.length) return;
    items.push(resolveString(current, bindings) ?? UNKNOWN_PART);
    current = [];
  };
  for (const t of inner) {
    if (t.kind === 'punct' && t.value === ',') flush();
    else current.push(t);
  }
  flush();
  return items;
}
