import { detectSecretSpans } from './tokens/detect';
import { characterClasses, looksLikeIdentifier, shannonEntropy } from './tokens/entropy';
import { isReference } from './tokens/placeholder';
import { previewSecret } from './tokens/preview';

export { previewSecret };

interface Span {
  start: number;
  end: number;
}

/**
 * Words of prose that follow a secret-like name in sentences ("API key: see docs", "Project
 * token: the environment of one project"). They are never the secret: hiding them makes every
 * message unreadable and proves nothing.
 */
const COMMON_WORDS = new Set(
  (
    'a an the and or but not no yes if when then than so as at by in on of to for from with without into onto over under ' +
    'is are was were be been being am has have had do does did will would shall should can could may might must ' +
    'see read set unset use used uses using needed needs need required optional missing none here there this that these those ' +
    "it its it's your you our my their his her which who what where how why all any each every some only also just " +
    'below above after before docs documentation example examples please must file files value values name names ' +
    'stored kept given found shown hidden expired invalid valid revoked rotated leaked exposed environment project'
  ).split(' '),
);

/** A run of lowercase letters: a word, not a generated secret. */
const WORD = /^[a-z][a-z']*$/;

/** True when the span's text is an ordinary word of a sentence, not a secret. */
function isProseWord(text: string, span: Span): boolean {
  const value = text.slice(span.start, span.end);
  if (!WORD.test(value)) return false;
  if (COMMON_WORDS.has(value)) return true;
  // `name: word word…`: a colon, a space, then words: a sentence about the secret, not its value.
  const before = text.slice(Math.max(0, span.start - 2), span.start);
  const after = text.slice(span.end, span.end + 40);
  return /:\s$/.test(before) && /^ [a-z][a-z']*(?:[\s.,;:]|$)/.test(after);
}

/**
 * A generated secret without a name or known format: long, mixing letters and digits, with high
 * entropy, and not a hash, UUID, path or identifier Airlock prints itself (commit ids stay).
 */
function looksGenerated(value: string): boolean {
  if (value.length < 20 || value.length > 512) return false;
  if (/^[0-9a-f]+$/i.test(value) || /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(value)) return false;
  // Upper and lower case and digits: generated tokens mix them; names (`web-7d4b9c8f6d-x2x9z`, a pod) do not.
  if (!/[0-9]/.test(value) || !/[a-z]/.test(value) || !/[A-Z]/.test(value) || characterClasses(value) < 3) return false;
  if (looksLikeIdentifier(value)) return false;
  return shannonEntropy(value) >= 3.6;
}

/** A value given as a credential (after `-u`, `Bearer`, `token`): hidden unless it is a plain word or a reference. */
function credentialValue(value: string): boolean {
  if (value.length < 4 || isReference(value) || WORD.test(value)) return false;
  return true;
}

/** Where a value in one of the shapes below starts: group `v`. The `d` flag gives its offset. */
const CREDENTIAL_SHAPES: RegExp[] = [
  // curl/httpie/wget `-u TOKEN:`, `-u user:pass`, `--user=TOKEN`, `-uTOKEN:`; the username of `user:pass` is kept.
  // A colon is required after `-u`/`--user` (curl's `TOKEN:` and `user:pass`), so `sort -u names.txt`, `sudo -u deploy` stay.
  /(?:^|[\s;|&(])(?:-u|--user|--auth)[=\s]+['"]?(?<v>[^\s'":@…()]+):/dg,
  /(?:^|[\s;|&(])(?:-u|--user|--auth)[=\s]+['"]?[A-Za-z][\w.@-]{0,40}:(?<v>[^\s'":@…()]+)(?=[\s'"]|$)/dg,
  /(?:^|[\s;|&(])(?:--http-password|--password|--passwd)[=\s]+['"]?(?<v>[^\s'"…()]+)(?=[\s'"]|$)/dg,
  // `-uTOKEN:` and `-uuser:pass` (curl's attached form); a colon is required, so `sort -u`, `ps -ux` stay.
  /(?:^|[\s;|&(])-u(?:[A-Za-z][\w.@-]{0,40}:(?=[^\s'"@]))?(?<v>[^\s'":@…()-][^\s'":@…()]*)(?=:|(?<=:[^\s]*))/dg,
  // `Authorization: Bearer X`, `Basic X`, `token X`, also `Bearer $(echo X)` and `Bearer `printf %s X``.
  /\b(?:Bearer|Basic|Token|Bot|Digest|ApiKey)[ \t]+(?:(?:\$\(|`)\s*(?:echo|printf)(?:\s+-[a-zA-Z]+)*(?:\s+['"]?%s['"]?)?\s+)?['"]?(?<v>[^\s'"`()…]+)/dgi,
  // URL userinfo without a password: `https://TOKEN@host` (with one, the detectors hide the password).
  /\b[a-z][a-z0-9+.-]*:\/\/(?<v>[^\s/@:'"…()]{8,})@/dg,
  // A secret-like word, then the value, in a comment or a sentence: `# token X`, `// api key is X`.
  /\b(?:token|secret|password|passwd|pwd|api[ _-]?key|access[ _-]?key|private[ _-]?key|credential|auth)s?\b(?:\s*(?:is|=|:|:=|->|was))?\s+['"]?(?<v>[A-Za-z0-9_+/=.~-]{8,})/dgi,
];

function extraSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const shape of CREDENTIAL_SHAPES) {
    shape.lastIndex = 0;
    for (let m = shape.exec(text); m; m = shape.exec(text)) {
      const at = m.indices?.groups?.v;
      const value = m.groups?.v;
      if (!at || !value || !credentialValue(value) || text[at[1]] === '…') continue;
      // In prose (`# token rotation handled by …`) only a value that looks generated counts.
      if (shape === CREDENTIAL_SHAPES[CREDENTIAL_SHAPES.length - 1] && !looksGenerated(value) && !/[0-9]/.test(value)) continue;
      spans.push({ start: at[0], end: at[1] });
    }
  }
  // Any long generated-looking word, named or not (`echo Zq8x…`, a token pasted alone).
  const bare = /[A-Za-z0-9][A-Za-z0-9_+/-]{19,}={0,2}/g;
  for (let m = bare.exec(text); m; m = bare.exec(text)) {
    const before = text[m.index - 1];
    if (before === '/' || before === '.' || before === '@') continue;
    if (text[m.index + m[0].length] === '.' && /^\.[A-Za-z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue; // a file name
    // A path: only a segment that itself looks generated (`src/components/UserCard2.tsx` stays).
    let offset = m.index;
    for (const part of m[0].includes('/') ? m[0].split('/') : [m[0]]) {
      if (looksGenerated(part)) spans.push({ start: offset, end: offset + part.length });
      offset += part.length + 1;
    }
  }
  return spans;
}

/** Sorted, merged spans: overlapping findings hide their union once. */
function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      continue;
    }
    out.push({ ...span });
  }
  return out;
}

/**
 * Replaces every secret in free text (command lines, log lines, error messages) with its
 * preview: what the token detectors find (any value given to a secret-like name or flag counts,
 * entropy or not, because a weak password is still a password), credentials in `-u`, in
 * Basic/Bearer headers (also inside `$(echo …)`), in URL userinfo and after a secret-like word in
 * comments, and any long generated-looking value. Ordinary words are never hidden.
 */
export function redactText(text: string): string {
  if (text.length === 0) return text;
  // A preview (`ab…(12 chars)`) is already redacted: hiding it again would only garble it.
  const detected = detectSecretSpans(text, { fileName: '', aggressive: true }).filter(
    (span) => !isProseWord(text, span) && !text.slice(span.start, span.end + 1).includes('…'),
  );
  const spans = merge([...detected, ...extraSpans(text)]);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + previewSecret(text.slice(span.start, span.end));
    at = span.end;
  }
  return out + text.slice(at);
}

/** Redacts every string inside a JSON-like value (for event details and error payloads). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)])) as T;
  }
  return value;
}
