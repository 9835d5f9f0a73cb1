/**
 * Finds `name <op> value` pairs in any text format without parsing it: env files, YAML,
 * JSON, TOML, shell exports and one-shot assignments, Terraform, CI workflows, HTTP headers
 * and CLI flags. It starts only where a secret-like word occurs, so benign text costs one
 * regex pass.
 */

export interface Assignment {
  /** The name as written, e.g. `RAILWAY_TOKEN`, `"apiKey"`, `--password`. */
  name: string;
  /** Upper-case, `_`-separated, prefixes like `TF_VAR_` and `export` removed. */
  key: string;
  value: string;
  /** Offset of the value in the text. */
  start: number;
  quoted: boolean;
  /** A flag (`--token VALUE`) rather than an assignment. */
  flag: boolean;
}

export const HINT = /secret|token|passw|pwd|pass\b|_pat\b|key|auth|credential|dsn|conn|sas|signature|cookie|session|bearer/g;
/** HINT's words, for a keyword pass that reports where they occur (keyword-scan.ts); `pass` and `_pat` only where a word ends. */
export const HINT_WORDS = [
  'secret',
  'token',
  'passw',
  'pwd',
  'pass',
  '_pat',
  'key',
  'auth',
  'credential',
  'dsn',
  'conn',
  'sas',
  'signature',
  'cookie',
  'session',
  'bearer',
];
const WORD_CHAR = /[A-Za-z0-9_]/;
const NAME_CHAR = /[A-Za-z0-9_.\-$]/;
const STOP_UNQUOTED = new Set([' ', '\t', '\r', '\n', ',', ';', ')', '}', ']', '"', "'", '`', '>']);
/** `--api-token`, `-storepass`; not a short flag with its value attached (`-pS3cret` is mysql's password, not a name). */
const FLAG_NAME = /^(?:--[A-Za-z0-9][\w.-]*|-[a-z][a-z-]*)$/;
const KEY_PREFIXES = /^(?:TF_VAR_|INPUT_|SECRETS_|ENV_|CONFIG_)/;
const MAX_VALUE = 4096;

/** NAME_CHAR.test(ch), by character code: it runs for every character around every hint. */
function isNameChar(ch: string | undefined): boolean {
  if (ch === undefined || ch.length !== 1) return ch !== undefined && NAME_CHAR.test(ch);
  const c = ch.charCodeAt(0);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e || c === 0x2d || c === 0x24;
}

const keyCache = new Map<string, string>();

/** Memoised: the same few names repeat thousands of times in big files. */
export function normalizeKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    if (keyCache.size > 10_000) keyCache.clear();
    key = computeKey(name);
    keyCache.set(name, key);
  }
  return key;
}

function computeKey(name: string): string {
  const lastSegment =
    name
      .replace(/^[-$]+/, '')
      .split('.')
      .pop() ?? name;
  const bare = lastSegment.replace(/-/g, '_');
  // camelCase -> CAMEL_CASE so `railwayApiToken` meets `RAILWAY_API_TOKEN`.
  const snake = (/[a-z]/.test(bare) ? bare.replace(/([a-z0-9])([A-Z])/g, '$1_$2') : bare).toUpperCase();
  const last = snake.split(/_{2,}/).pop() ?? snake;
  return last.replace(KEY_PREFIXES, '');
}

/**
 * Where HINT matches, in order, as its own scan would find them: from `lower`
 * (`text.toLowerCase()`, which callers share across detectors), or from the sites a byte keyword
 * pass reported (KeywordScanner.scanBytes over HINT_WORDS, with no `İ` or Kelvin sign in the text).
 */
export type HintSource = string | Float64Array;

/** The next hint starting at or after `from`, as [start, length], or undefined. */
type NextHint = (from: number) => [number, number] | undefined;

function hintsFromLower(lower: string): NextHint {
  return (from) => {
    HINT.lastIndex = from;
    const hint = HINT.exec(lower);
    return hint ? [hint.index, hint[0].length] : undefined;
  };
}

/**
 * The same sequence from sorted sites: the leftmost site at or after `from` (at most one HINT word
 * can start at an offset), with `pass` and `_pat` kept only where a word ends, as `\b` says.
 */
function hintsFromSites(text: string, sites: Float64Array): NextHint {
  let k = 0;
  return (from) => {
    for (; k < sites.length; k++) {
      const start = Math.floor(sites[k]! / 16);
      if (start < from) continue;
      const length = sites[k]! % 16;
      if (length === 4 && WORD_CHAR.test(text[start + 4] ?? '')) {
        const word = text.slice(start, start + 4).toLowerCase();
        if (word === 'pass' || word === '_pat') continue;
      }
      k++;
      return [start, length];
    }
    return undefined;
  };
}

export function findAssignments(text: string, hints: HintSource): Assignment[] {
  const next = typeof hints === 'string' ? hintsFromLower(hints) : hintsFromSites(text, hints);
  const found: Assignment[] = [];
  for (let hint = next(0); hint; ) {
    const [hintIndex, hintLength] = hint;
    let start = hintIndex;
    while (start > 0 && isNameChar(text[start - 1])) start--;
    // `"A=1\nAPI_TOKEN=…"`: an env file inside a JSON string; the `n` of `\n` is not part of the name.
    if (start > 0 && text[start - 1] === '\\' && /[nrt]/.test(text[start]!)) start++;
    let end = hintIndex + hintLength;
    while (end < text.length && isNameChar(text[end])) end++;
    const reach = { end };
    let assignment = readValue(text, start, end, reach) ?? readNamedPair(text, start, end);
    // `<add key="ClearTextPassword" value="…"/>`: the hint was the word `key`; the name is its value.
    if (assignment?.key === 'KEY' && assignment.quoted) {
      const pair = readNamedPair(text, assignment.start, assignment.start + assignment.value.length) ?? valueBeforeKey(text, assignment);
      if (pair) {
        assignment = pair;
        reach.end = Math.max(reach.end, pair.start + pair.value.length);
      }
    }
    if (assignment) found.push(assignment);
    // Never read the same stretch twice: `key=key=key=…` stays linear.
    hint = next(Math.max(end, reach.end));
  }
  return found;
}

/** `<add value="…" key="ClearTextPassword" />`: the same pair with the attributes the other way round. */
function valueBeforeKey(text: string, key: Assignment): Assignment | undefined {
  const tagStart = text.lastIndexOf('<', key.start);
  if (tagStart === -1 || key.start - tagStart > 400 || text.slice(tagStart, key.start).includes('>')) return undefined;
  const value = /\bvalue\s*=\s*(["'])([^"'\n]*)\1/.exec(text.slice(tagStart, key.start));
  if (!value || value[2]!.length === 0) return undefined;
  const start = tagStart + value.index + value[0].length - 1 - value[2]!.length;
  return { name: key.value, key: normalizeKey(key.value), value: value[2]!, start, quoted: true, flag: false };
}

/** How far a value read looked, so the next hint starts after it. */
interface Reach {
  end: number;
}

const NAME_KEY_BEFORE = /(?:\bname["']?\s*[:=]\s*["']?|\bvariable\s+"|\bkey\s*=\s*["'])$/i;
const VALUE_KEY_AFTER = /\b(?:value|default)["']?\s*[:=]/gi;

/**
 * The name and the value in separate keys: Kubernetes and ECS `env` lists
 * (`- name: RAILWAY_TOKEN` / `value: ...`) and Terraform `variable "x" { default = ... }`.
 */
function readNamedPair(text: string, nameStart: number, nameEnd: number): Assignment | undefined {
  // Only the last 200 characters before the name: a huge one-line file must not cost a scan per hint.
  const before = text.slice(Math.max(0, nameStart - 200), nameStart);
  if (!NAME_KEY_BEFORE.test(before.slice(before.lastIndexOf('\n') + 1))) return undefined;
  const window = text.slice(nameEnd, nameEnd + 300);
  VALUE_KEY_AFTER.lastIndex = 0;
  const key = VALUE_KEY_AFTER.exec(window);
  if (!key) return undefined;
  const keyStart = nameEnd + key.index;
  const keyEnd = keyStart + key[0].replace(/["']?\s*[:=]$/, '').length;
  const value = readValue(text, keyStart, keyEnd, { end: 0 });
  if (!value) return undefined;
  const name = text.slice(nameStart, nameEnd);
  return { ...value, name, key: normalizeKey(name) };
}

/** Type annotations between a name and its `=`: `fooToken: string =` (TS, Kotlin), `fooToken string =` (Go). */
const TYPE_ANNOTATION = /^:[ \t]*[A-Za-z_][\w.]*(?:<[\w<>, .?]*>)?(?:\[\])?\??[ \t]*(?==[^=>~])/;
/** Go's `var fooToken string = …`: a bare type word, spaces on both sides of `=` (HTML's `name="x" content=` has none). */
const GO_TYPE = /^[ \t]+[A-Za-z_][\w.]*(?:\[\])?[ \t]+(?==[ \t])/;
/** Assignment operators, longest first: Makefile `::=`/`:::=`, PHP `.=`/`??=`, Ruby `||=`, the usual ones. */
const OPERATOR = /^(?::::=|::=|\?\?=|\|\|=|:=|=>|\?=|\+=|\.=|=(?![=~])|:(?!:))/;
/** Calls that set a named value: `System.setProperty("X_TOKEN", "…")`, `os.environ.setdefault('X', '…')`, `headers.put("Authorization", …)`. */
const CALL_BEFORE = /\([ \t]*$/;

function readValue(text: string, nameStart: number, nameEnd: number, reach: Reach): Assignment | undefined {
  const name = text.slice(nameStart, nameEnd).replace(/[.$]+$/, '');
  if (name.length === 0 || name.length > 120) return undefined;
  let at = nameEnd;
  const opener = text[nameStart - 1];
  // `\"foo_token\": \"…\"`: JSON escaped inside another string.
  const escapedQuote = opener === '"' && text[nameStart - 2] === '\\';
  if ((opener === '"' || opener === "'") && text[at] === opener) at++;
  else if (escapedQuote && text[at] === '\\' && text[at + 1] === '"') at += 2;
  // XML element: `<fooToken>value</fooToken>`, the value possibly on its own lines.
  if (opener === '<' && text[at] === '>') return readElement(text, name, at + 1, reach);
  // Cheap first-character tests keep the type regexes off the common `name = value` path.
  let typed: RegExpExecArray | null = null;
  if (text[at] === ':' && /[ \tA-Za-z_]/.test(text[at + 1] ?? '')) typed = TYPE_ANNOTATION.exec(text.slice(at, at + 80));
  else if ((text[at] === ' ' || text[at] === '\t') && opener !== '"' && opener !== "'" && /[A-Za-z_]/.test(text[at + 1] ?? ''))
    typed = GO_TYPE.exec(text.slice(at, at + 80));
  if (typed) at += typed[0].length;
  // `[name]` (INI sections) and `name(` (calls) are not assignments.
  while (text[at] === ' ' || text[at] === '\t') at++;
  let flag = false;
  const op2 = text.slice(at, at + 3);
  if (op2.startsWith('==') || op2.startsWith('!=') || op2.startsWith('=~')) return undefined;
  const op = OPERATOR.exec(text.slice(at, at + 4));
  if (op) at += op[0].length;
  else if (
    text[at] === ',' &&
    (opener === '"' || opener === "'" ? CALL_BEFORE.test(text.slice(Math.max(0, nameStart - 40), nameStart - 1)) : /[^\s,]/.test(text[at + 1] ?? ''))
  )
    at++;
  else if (FLAG_NAME.test(name) && (text[at - 1] === ' ' || text[at - 1] === '\t')) flag = true;
  else return undefined;
  while (text[at] === ' ' || text[at] === '\t') at++;
  // YAML block scalars: a one-line block is a value; longer ones (certificates, scripts) are left to the PEM rules.
  if (text[at] === '|' || text[at] === '>') return readBlockScalar(text, name, at, reach);
  let scheme = /^(?:Bearer|Basic|Token|token|bearer|basic|Bot|Digest)[ \t]+/.exec(text.slice(at, at + 12));
  let quote = text[at];
  let quoted = false;
  let valueStart = at;
  let valueEnd: number;
  if (quote === '\\' && text[at + 1] === '"' && escapedQuote) {
    at++;
    quote = '"';
  }
  if (quote === '"' || quote === "'" || quote === '`') {
    quoted = true;
    valueStart = at + 1;
    if (!scheme) scheme = /^(?:Bearer|Basic|Token|token|bearer|basic|Bot)[ \t]+/.exec(text.slice(valueStart, valueStart + 12));
    if (scheme) valueStart += scheme[0].length;
    valueEnd = valueStart;
    const limit = Math.min(text.length, valueStart + MAX_VALUE);
    while (valueEnd < limit && text[valueEnd] !== quote && text[valueEnd] !== '\n') {
      if (text[valueEnd] === '\\') {
        // An escaped closing quote ends an escaped-JSON value.
        if (escapedQuote && text[valueEnd + 1] === quote) break;
        valueEnd++;
      }
      valueEnd++;
    }
    reach.end = valueEnd;
    if (escapedQuote && text[valueEnd] === '\\') {
      /* closed by \" */
    } else if (text[valueEnd] !== quote) return undefined;
  } else {
    if (scheme) valueStart += scheme[0].length;
    valueEnd = valueStart;
    const limit = Math.min(text.length, valueStart + MAX_VALUE);
    while (valueEnd < limit && !STOP_UNQUOTED.has(text[valueEnd]!) && !isEscapeInString(text, valueEnd)) valueEnd++;
    reach.end = valueEnd;
    if (valueEnd === limit && limit < text.length) return undefined;
  }
  const value = text.slice(valueStart, valueEnd);
  if (value.length === 0) return undefined;
  return { name, key: normalizeKey(name), value, start: valueStart, quoted, flag };
}

/** `\n`, `\r`, `\t` or `\"` written inside a string: the end of an env line held in JSON. */
function isEscapeInString(text: string, at: number): boolean {
  return text[at] === '\\' && /[nrt"]/.test(text[at + 1] ?? '');
}

/** `<name>value</name>`, whitespace and line breaks around the value allowed; the closing tag must match. */
function readElement(text: string, name: string, from: number, reach: Reach): Assignment | undefined {
  let valueStart = from;
  while (valueStart < text.length && /\s/.test(text[valueStart]!) && valueStart - from < 200) valueStart++;
  const limit = Math.min(text.length, valueStart + MAX_VALUE);
  let valueEnd = valueStart;
  while (valueEnd < limit && text[valueEnd] !== '<' && text[valueEnd] !== '\n') valueEnd++;
  reach.end = valueEnd;
  let close = valueEnd;
  while (close < text.length && /\s/.test(text[close]!) && close - valueEnd < 200) close++;
  if (!text.startsWith(`</${name}>`, close)) return undefined;
  const value = text.slice(valueStart, valueEnd).trimEnd();
  if (value.length === 0) return undefined;
  return { name, key: normalizeKey(name), value, start: valueStart, quoted: true, flag: false };
}

/** `name: |` or `name: >-` then one indented line. */
function readBlockScalar(text: string, name: string, at: number, reach: Reach): Assignment | undefined {
  const header = /^[|>][-+]?[ \t]*\r?\n([ \t]+)/.exec(text.slice(at, at + 40));
  if (!header) return undefined;
  const valueStart = at + header[0].length;
  let valueEnd = valueStart;
  const limit = Math.min(text.length, valueStart + MAX_VALUE);
  while (valueEnd < limit && text[valueEnd] !== '\n' && text[valueEnd] !== '\r') valueEnd++;
  reach.end = valueEnd;
  // A second line at the same indentation: a multi-line block, not one token.
  const rest = text.slice(valueEnd, valueEnd + header[1]!.length + 3).replace(/^\r?\n/, '');
  if (rest.startsWith(header[1]!) && /\S/.test(rest.slice(header[1]!.length, header[1]!.length + 1))) return undefined;
  const value = text.slice(valueStart, valueEnd).trimEnd();
  if (value.length === 0 || /\s/.test(value)) return undefined;
  return { name, key: normalizeKey(name), value, start: valueStart, quoted: true, flag: false };
}
