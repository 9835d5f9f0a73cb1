/**
 * Turns a word node into the string a shell would pass, as far as that is knowable without
 * running anything. What cannot be known stays visible in the value: an unknown `$VAR` or
 * `${VAR}` keeps its `$` form (so rules can see `rm -rf "$UNSET"/` for what it is), a command
 * substitution keeps its source text. Such words are marked `resolved: false`.
 */
import type { SyntaxNode } from './parser';

export interface WordValue {
  value: string;
  /** False when part of the word is only known at run time. */
  resolved: boolean;
  /** Unquoted glob characters: the word may expand to many. */
  glob: boolean;
}

/** Variables known statically: assignments earlier on the line. */
export type Variables = Readonly<Record<string, string>>;

const DOUBLE_QUOTE_ESCAPABLE = new Set(['$', '`', '"', '\\', '\n']);

/** Removes backslash escapes as an unquoted shell word would (`\r` → `r`, `\<newline>` → nothing). */
export function unescapeUnquoted(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[++i]!;
      if (next !== '\n') out += next;
    } else out += ch;
  }
  return out;
}

function unescapeDoubleQuoted(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length && DOUBLE_QUOTE_ESCAPABLE.has(text[i + 1]!)) {
      const next = text[++i]!;
      if (next !== '\n') out += next;
    } else out += ch;
  }
  return out;
}

const ANSI_C_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** Decodes bash's `$'...'` strings: `$'r\x6d'` is `rm`. */
export function decodeAnsiC(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\' || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const next = body[++i]!;
    if (next in ANSI_C_ESCAPES) {
      out += ANSI_C_ESCAPES[next];
      continue;
    }
    const hex =
      next === 'x'
        ? /^[0-9a-fA-F]{1,2}/.exec(body.slice(i + 1))
        : next === 'u'
          ? /^[0-9a-fA-F]{1,4}/.exec(body.slice(i + 1))
          : next === 'U'
            ? /^[0-9a-fA-F]{1,8}/.exec(body.slice(i + 1))
            : null;
    if (hex) {
      out += String.fromCodePoint(Math.min(parseInt(hex[0], 16), 0x10ffff));
      i += hex[0].length;
      continue;
    }
    const octal = /^[0-7]{1,3}/.exec(body.slice(i));
    if (octal) {
      out += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
      i += octal[0].length - 1;
      continue;
    }
    out += `\\${next}`;
  }
  return out;
}

const UNQUOTED_GLOB = /(^|[^\\])[*?[]/;

function variable(name: string, text: string, vars: Variables): WordValue {
  return Object.hasOwn(vars, name) ? { value: vars[name]!, resolved: true, glob: false } : { value: text, resolved: false, glob: false };
}

export function evaluateWord(node: SyntaxNode, vars: Variables): WordValue {
  switch (node.type) {
    case 'word':
    case 'number':
    case 'variable_name': {
      const text = node.text;
      return { value: unescapeUnquoted(text), resolved: true, glob: UNQUOTED_GLOB.test(text) };
    }
    case 'raw_string':
      return { value: node.text.slice(1, -1), resolved: true, glob: false };
    case 'ansi_c_string':
      return { value: decodeAnsiC(node.text.slice(2, -1)), resolved: true, glob: false };
    case 'string':
    case 'translated_string': {
      let value = '';
      let resolved = true;
      for (const child of node.children) {
        if (!child) continue;
        if (child.type === '"' || child.type === '$"') continue;
        if (child.type === 'string_content') {
          value += unescapeDoubleQuoted(child.text);
          continue;
        }
        const part = evaluateWord(child, vars);
        value += part.value;
        resolved &&= part.resolved;
      }
      return { value, resolved, glob: false };
    }
    case 'concatenation': {
      let value = '';
      let resolved = true;
      let glob = false;
      for (const child of node.children) {
        if (!child) continue;
        const part = evaluateWord(child, vars);
        value += part.value;
        resolved &&= part.resolved;
        glob ||= part.glob;
      }
      return { value, resolved, glob };
    }
    case 'simple_expansion': {
      const name = node.namedChildren[0];
      return name && name.type === 'variable_name' ? variable(name.text, node.text, vars) : { value: node.text, resolved: false, glob: false };
    }
    case 'expansion': {
      // Only the plain `${NAME}` form is resolved; `${X:-d}`, `${X/a/b}`... stay unknown.
      const match = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(node.text);
      return match ? variable(match[1]!, node.text, vars) : { value: node.text, resolved: false, glob: false };
    }
    default:
      // Command and process substitution, arithmetic, anything new: known only at run time.
      return { value: node.text, resolved: false, glob: false };
  }
}
