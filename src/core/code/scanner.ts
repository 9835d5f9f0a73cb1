/**
 * A light, linear scanner for the one-liners agents pass to interpreters (Python, JavaScript,
 * Ruby, Perl, PHP, Lua, R). It knows each language's comments and string literals, so words that are
 * only data (`print('rm -rf /')`) stay data; it is not a parser, and does not need to be: the
 * analyses look for calls and literals.
 */

export type Language = 'python' | 'javascript' | 'ruby' | 'perl' | 'php' | 'lua' | 'r';

export type CodeTokenKind =
  | 'ident'
  | 'string'
  /** A string run by a shell: Ruby/Perl/PHP backticks, `%x(...)`, `qx{...}`, a zx/Bun `$\`...\``. */
  | 'shell'
  | 'number'
  | 'punct';

export interface CodeToken {
  kind: CodeTokenKind;
  /** Identifiers as written (with `$`/`@` sigils in Perl and PHP); strings decoded. */
  value: string;
  /** True when a line break comes before the token (ends a paren-less call in Ruby/Perl). */
  newline: boolean;
  /** For strings: an interpolated part (`${x}`, `{x}`, `#{x}`) was left out. */
  interpolated?: boolean;
  /** A word list: Perl `qw(a b)`, Ruby `%w(a b)`. */
  words?: boolean;
}

/** Stands for a part of a string Airlock cannot know (an interpolated expression). */
export const UNKNOWN_PART = '$AIRLOCK_DYNAMIC';

const IDENT_START = /[A-Za-z_\u0080-\uffff]/;
const PY_PREFIX = new Set(['r', 'R', 'b', 'B', 'u', 'U', 'f', 'F']);
const IDENT_PART = /[A-Za-z0-9_\u0080-\uffff]/;
const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
/** Tokens after which a `/` starts a regular expression in JavaScript, not a division. */
const REGEX_AFTER = new Set([
  '(',
  ',',
  '=',
  ':',
  '[',
  '!',
  '&',
  '|',
  '?',
  '{',
  '}',
  ';',
  '+',
  '-',
  '*',
  '%',
  '<',
  '>',
  '~',
  '^',
  'return',
  'typeof',
  'case',
  'of',
  'in',
]);

export function scanCode(source: string, language: Language): CodeToken[] {
  const tokens: CodeToken[] = [];
  const n = source.length;
  let i = 0;
  let newline = true;
  const push = (kind: CodeTokenKind, value: string, extra?: { interpolated?: boolean; words?: boolean }) => {
    const token: CodeToken = { kind, value, newline };
    if (extra?.interpolated) token.interpolated = true;
    if (extra?.words) token.words = true;
    tokens.push(token);
    newline = false;
  };
  const hashComments = language !== 'javascript' && language !== 'lua';
  const slashComments = language === 'javascript' || language === 'php';

  if (language === 'php') i = skipPhpOpenTag(source);

  while (i < n) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '\n') {
      newline = true;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }

    if ((hashComments && c === '#' && !(language === 'ruby' && next === '{')) || (slashComments && c === '/' && next === '/')) {
      const eol = source.indexOf('\n', i);
      i = eol < 0 ? n : eol;
      continue;
    }
    if (language === 'lua' && c === '-' && next === '-') {
      // `--[[ block ]]` or `--[==[ block ]==]`, else to the end of the line.
      const long = /^--\[(=*)\[/.exec(source.slice(i, i + 16));
      const end = long ? source.indexOf(`]${long[1]}]`, i + long[0].length) : source.indexOf('\n', i);
      i = end < 0 ? n : long ? end + long[1]!.length + 2 : end;
      continue;
    }
    if (language === 'lua' && c === '[' && (next === '[' || next === '=')) {
      const long = /^\[(=*)\[/.exec(source.slice(i, i + 16));
      if (long) {
        const end = source.indexOf(`]${long[1]}]`, i + long[0].length);
        push('string', source.slice(i + long[0].length, end < 0 ? n : end));
        i = end < 0 ? n : end + long[1]!.length + 2;
        continue;
      }
    }
    if (slashComments && c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }

    if (language === 'python' && (c === '"' || c === "'" || PY_PREFIX.has(c))) {
      const prefix = /^([rRbBuUfF]{1,2})?('''|"""|'|")/.exec(source.slice(i, i + 5));
      if (prefix && (prefix[1] === undefined || !(i > 0 && IDENT_PART.test(source[i - 1]!)))) {
        const flags = (prefix[1] ?? '').toLowerCase();
        const [value, end, interpolated] = readString(source, i + prefix[0].length, prefix[2]!, {
          escapes: !flags.includes('r'),
          interpolation: flags.includes('f') ? '{' : undefined,
        });
        push('string', value, interpolated ? { interpolated } : undefined);
        i = end;
        continue;
      }
    } else if (c === '"' || c === "'") {
      const interpolates = c === '"' && (language === 'ruby' || language === 'perl' || language === 'php');
      const interpolation = interpolates ? (language === 'ruby' ? '#{' : '$') : undefined;
      const [value, end, interpolated] = readString(source, i + 1, c, {
        escapes: true,
        singleQuotedEscapesOnly: c === "'" && (language === 'ruby' || language === 'perl' || language === 'php'),
        interpolation,
      });
      push('string', value, interpolated ? { interpolated } : undefined);
      i = end;
      continue;
    }

    if (c === '`') {
      if (language === 'javascript') {
        const prev = tokens[tokens.length - 1];
        const [value, end, interpolated] = readString(source, i + 1, '`', { escapes: true, interpolation: '${' });
        const shell = prev?.kind === 'ident' && prev.value === '$';
        push(shell ? 'shell' : 'string', value, interpolated ? { interpolated } : undefined);
        i = end;
        continue;
      }
      if (language === 'ruby' || language === 'perl' || language === 'php') {
        const [value, end, interpolated] = readString(source, i + 1, '`', { escapes: true, interpolation: language === 'ruby' ? '#{' : '$' });
        push('shell', value, interpolated ? { interpolated } : undefined);
        i = end;
        continue;
      }
    }

    // Ruby %x(...) %q(...) %w(...); Perl qx{...} q{...} qq{...} qw(...).
    const quoteLike =
      (c === '%' && language === 'ruby') || (c === 'q' && language === 'perl') ? readQuoteLike(source, i, language, tokens[tokens.length - 1]) : undefined;
    if (quoteLike) {
      push(quoteLike.kind, quoteLike.value, quoteLike.words ? { words: true } : undefined);
      i = quoteLike.end;
      continue;
    }

    if (language === 'javascript' && c === '/' && next !== '/' && next !== '*') {
      const prev = tokens[tokens.length - 1];
      if (!prev || (prev.kind === 'punct' && REGEX_AFTER.has(prev.value)) || (prev.kind === 'ident' && REGEX_AFTER.has(prev.value))) {
        i = skipRegex(source, i);
        continue;
      }
    }

    const sigil = (language === 'perl' || language === 'php') && (c === '$' || c === '@') && next !== undefined && IDENT_START.test(next);
    if (IDENT_START.test(c) || sigil || (language === 'javascript' && c === '$')) {
      let j = i + 1;
      while (
        j < n &&
        (IDENT_PART.test(source[j]!) ||
          (language === 'javascript' && source[j] === '$') ||
          (language === 'perl' && source[j] === ':' && source[j + 1] === ':' && ++j))
      )
        j++;
      push('ident', source.slice(i, j));
      i = j;
      continue;
    }
    if (c >= '0' && c <= '9') {
      let j = i + 1;
      while (j < n && /[0-9A-Za-z_.]/.test(source[j]!)) j++;
      push('number', source.slice(i, j));
      i = j;
      continue;
    }
    // Ruby `::` and PHP `::`/`->` and Perl `->`/`=>` as one token keeps call chains readable.
    const two = source.slice(i, i + 2);
    if (two === '::' || two === '->' || two === '=>' || two === '==' || two === '**') {
      push('punct', two);
      i += 2;
      continue;
    }
    push('punct', c);
    i++;
  }
  return tokens;
}

interface StringOptions {
  escapes: boolean;
  /** In single-quoted Ruby/Perl/PHP strings only `\\` and `\'` are escapes. */
  singleQuotedEscapesOnly?: boolean;
  /** Interpolation opener, e.g. `${` in JS templates, `#{` in Ruby, `{` in f-strings, `$` in Perl/PHP. */
  interpolation?: string;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', v: '\v' };

function readString(source: string, from: number, quote: string, options: StringOptions): [string, number, boolean] {
  const parts: string[] = [];
  let interpolated = false;
  let i = from;
  let chunk = from;
  const flush = (to: number) => {
    if (to > chunk) parts.push(source.slice(chunk, to));
  };
  while (i < source.length) {
    const c = source[i]!;
    if (source.startsWith(quote, i)) {
      flush(i);
      return [parts.join(''), i + quote.length, interpolated];
    }
    if (c === '\\' && options.escapes && i + 1 < source.length) {
      flush(i);
      const e = source[i + 1]!;
      if (options.singleQuotedEscapesOnly) parts.push(e === '\\' || e === quote ? e : `\\${e}`);
      else parts.push(ESCAPES[e] ?? (e === '\n' ? '' : e));
      i += 2;
      chunk = i;
      continue;
    }
    if (options.interpolation && source.startsWith(options.interpolation, i)) {
      if (options.interpolation === '{' && source[i + 1] === '{') {
        flush(i + 1);
        i += 2;
        chunk = i;
        continue;
      }
      if (options.interpolation === '$' && !IDENT_START.test(source[i + 1] ?? '') && source[i + 1] !== '{') {
        i++;
        continue;
      }
      flush(i);
      parts.push(UNKNOWN_PART);
      interpolated = true;
      i = skipInterpolation(source, i + options.interpolation.length, options.interpolation);
      chunk = i;
      continue;
    }
    i++;
  }
  flush(source.length);
  return [parts.join(''), source.length, interpolated];
}

/** Skips an interpolated expression: to the matching `}`, or over a `$name` / `$name->x` in Perl/PHP. */
function skipInterpolation(source: string, from: number, opener: string): number {
  if (opener === '$' && source[from] !== '{') {
    let j = from;
    while (j < source.length && IDENT_PART.test(source[j]!)) j++;
    return j;
  }
  let depth = 1;
  let i = opener === '$' ? from + 1 : from;
  while (i < source.length && depth > 0) {
    const c = source[i]!;
    if (c === '{') depth++;
    else if (c === '}') depth--;
    i++;
  }
  return i;
}

function readQuoteLike(
  source: string,
  i: number,
  language: Language,
  prev: CodeToken | undefined,
): { kind: CodeTokenKind; value: string; end: number; words: boolean } | undefined {
  if (language !== 'ruby' && language !== 'perl') return undefined;
  if (i > 0 && (IDENT_PART.test(source[i - 1]!) || source[i - 1] === '$' || source[i - 1] === '@')) return undefined;
  if (prev?.kind === 'punct' && (prev.value === '->' || prev.value === '.' || prev.value === '::')) return undefined;
  const m = language === 'ruby' ? /^%([xqQwWi]?)([^\w\s])/.exec(source.slice(i, i + 3)) : /^(qx|qq|qw|q)\s*([^\w\s=,;)])/.exec(source.slice(i, i + 8));
  if (!m) return undefined;
  if (language === 'ruby' && m[1] === '' && !PAIRS[m[2]!]) return undefined; // `a % b`
  const open = m[2]!;
  const close = PAIRS[open] ?? open;
  let depth = 1;
  let j = i + m[0].length;
  const start = j;
  while (j < source.length) {
    const c = source[j]!;
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === open && close !== open) depth++;
    else if (c === close && --depth === 0) break;
    j++;
  }
  const value = source.slice(start, Math.min(j, source.length));
  const kind: CodeTokenKind = m[1] === 'x' || m[1] === 'qx' ? 'shell' : 'string';
  return { kind, value, end: Math.min(j + 1, source.length), words: /^(qw|w|W|i)$/.test(m[1]!) };
}

function skipRegex(source: string, from: number): number {
  let i = from + 1;
  let inClass = false;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\n') return i;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      i++;
      while (i < source.length && /[a-z]/.test(source[i]!)) i++;
      return i;
    }
    i++;
  }
  return i;
}

function skipPhpOpenTag(source: string): number {
  const m = /^\s*<\?(php)?/.exec(source);
  return m ? m[0].length : 0;
}
