/**
 * The read gate's protected-file globs as POSIX extended regular expressions, for the launcher's
 * awk: it answers an agent's read of an unprotected file without starting Node. Only globs whose
 * meaning does not depend on where the workspace root is are converted: `**\/...` and globs with
 * no `/` (matched against the base name). Within them `*`, `?` and literal characters are
 * supported; anything else (classes, braces, extglobs, escapes) gives undefined, and the launcher
 * then sends every read to Node. A test checks these against minimatch over many paths.
 */

const ERE_SPECIAL = /[.[\]()*+?{}|^$\\]/;

function segmentToEre(segment: string): string | undefined {
  let out = '';
  for (const ch of segment) {
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if ('[]{}()!+@\\^$|'.includes(ch)) return undefined;
    else out += ERE_SPECIAL.test(ch) ? `[${ch}]` : ch;
  }
  return out;
}

/** One glob as an anchored ERE over a path without a leading slash; undefined when unsupported. */
export function globToEre(glob: string): string | undefined {
  if (glob.length === 0 || glob.startsWith('/') || glob.includes('//')) return undefined;
  let rest = glob;
  let prefix: string;
  if (!rest.includes('/'))
    prefix = '(.*/)?'; // matchBase: the base name
  else if (rest.startsWith('**/')) {
    prefix = '(.*/)?';
    rest = rest.slice(3);
  } else return undefined;
  let suffix = '';
  // `dir/**` covers what is inside the folder, not the folder itself (as minimatch reads it).
  if (rest.endsWith('/**')) {
    suffix = '/.+';
    rest = rest.slice(0, -3);
  }
  const parts: string[] = [];
  for (const segment of rest.split('/')) {
    if (segment === '**' || segment === '' || segment === '.' || segment === '..') return undefined;
    const ere = segmentToEre(segment);
    if (ere === undefined) return undefined;
    parts.push(ere);
  }
  return `^${prefix}${parts.join('/')}${suffix}$`;
}

/** All globs as EREs, or undefined when one cannot be converted. */
export function readGlobsEre(globs: readonly string[]): string[] | undefined {
  const out: string[] = [];
  for (const glob of globs) {
    const ere = globToEre(glob);
    if (ere === undefined) return undefined;
    out.push(ere);
  }
  return out;
}
