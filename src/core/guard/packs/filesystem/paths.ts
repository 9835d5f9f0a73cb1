/** How a delete target reads to a person: the whole disk, a home folder, routine build output... */
import { homedir } from 'node:os';
import { posix } from 'node:path';
import { minimatch } from 'minimatch';
import { hasFlag, positionals } from '../../../argv';
import { FIND_MATCH } from '../../../shell/unwrap';

const HOME_FORMS = /^(~|\$HOME|\$\{HOME\}|~[A-Za-z0-9_.-]+)(\/\.?\*?)?\/?$/;
const TEMP_VARIABLE = /^(\$TMPDIR|\$\{TMPDIR\}|\$\{TMPDIR:-\/tmp\}|\$TMP|\$\{TMP\}|\$TEMP|\$\{TEMP\})(?=\/|$)/;
/** Top-level system folders: deleting any of them wholesale breaks the machine. */
const SYSTEM_DIRS = new Set([
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/home',
  '/lib',
  '/lib64',
  '/opt',
  '/proc',
  '/root',
  '/sbin',
  '/srv',
  '/sys',
  '/usr',
  '/var',
  '/System',
  '/Users',
  '/Library',
  '/Applications',
  '/private',
  '/nix',
  '/snap',
]);

/** `$HOME/`, `"$UNSET"/`...: a leading variable Airlock cannot resolve, so the path may start at `/`. */
export function startsWithUnknownVariable(target: string): boolean {
  return (
    /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)(\/|$)/.test(target) &&
    !TEMP_VARIABLE.test(target) &&
    !HOME_FORMS.test(target) &&
    !/^\$\{?HOME\}?\//.test(target)
  );
}

/**
 * `/`, `/*`, `/.`, `~`, `$HOME`, a top-level system folder, a Windows drive root; a relative
 * target counts from `cwd` when given (`cd / && rm -rf *`).
 */
export function isCatastrophicTarget(target: string, cwd?: string): boolean {
  if (cwd && !target.startsWith('/') && !target.startsWith('~') && !target.startsWith('$') && !/^[A-Za-z]:/.test(target) && cwd.startsWith('/')) {
    return isCatastrophicTarget(posix.join(cwd, target));
  }
  const trimmed = target.replace(/\/+$/, '') || '/';
  if (trimmed === '/' || trimmed === '/*' || trimmed === '/.' || trimmed === '/..' || trimmed === '/.*') return true;
  if (HOME_FORMS.test(target) || trimmed === homedir()) return true;
  if (SYSTEM_DIRS.has(trimmed) || SYSTEM_DIRS.has(trimmed.replace(/\/\*$/, ''))) return true;
  if (/^[A-Za-z]:[\\/]?\*?$/.test(target) || /^[A-Za-z]:\\(Windows|Users)\\?$/i.test(target)) return true;
  return false;
}

/**
 * True when `target` lies in a folder where deletes are routine (the policy's minimatch globs,
 * tried against the path as written and as an absolute path from `cwd`).
 */
export function isRoutineDeletePath(target: string, cwd: string, globs: readonly string[], findName?: string): boolean {
  // `find DIR -exec rm -rf {} +`: each match is some path below DIR (named `findName` when find's only test is `-name NAME`).
  if (target.endsWith(`/${FIND_MATCH}`)) return isRoutineDeletePath(`${target.slice(0, -FIND_MATCH.length)}_${findName ? `/${findName}` : ''}`, cwd, globs);
  if (target.includes('$') && !TEMP_VARIABLE.test(target)) return false;
  const written = target.replace(TEMP_VARIABLE, '/tmp').replace(/^~(?=$|\/)/, homedir());
  if (/(^|\/)\.\.(\/|$)/.test(written) && !written.startsWith('/')) return false;
  const relative = posix.normalize(written).replace(/\/+$/, '');
  const absolute = posix.resolve(cwd.replace(/\\/g, '/'), relative);
  if (relative === '.' || relative === '' || absolute === cwd) return false;
  return globs.some((glob) => minimatch(relative, glob, { dot: true }) || minimatch(absolute, glob, { dot: true }));
}

/** Words after the options of an rm-like command (everything after `--` counts): its positionals, no option taking a value. */
export function targetsOf(args: readonly string[]): string[] {
  return positionals(args);
}

export function isRecursiveRm(args: readonly string[]): boolean {
  return hasFlag(args, '-r', '-R', '--recursive');
}

/** Words of a command's source text, quotes removed (enough to read find's own tests back). */
function sourceWords(text: string): string[] {
  return (text.match(/'[^']*'|"(?:[^"\\]|\\.)*"|\S+/g) ?? []).map((w) => w.replace(/^'(.*)'$/s, '$1').replace(/^"(.*)"$/s, '$1'));
}

/**
 * The one name every match of `find … -name NAME … -exec rm …` has: find's segment is read back,
 * and a name is only trusted when it is a plain word and the expression has no `-o`/`!`/`-not`
 * (which could match other paths). `find . -name __pycache__ -prune -exec rm -rf {} +` → `__pycache__`.
 */
export function findMatchName(segment: string): string | undefined {
  const words = sourceWords(segment);
  const at = words.indexOf('find');
  if (at < 0) return undefined;
  const expression = words.slice(at + 1, Math.max(words.indexOf('-exec'), words.indexOf('-execdir'), words.indexOf('-delete')) >>> 0);
  if (expression.some((w) => w === '-o' || w === '-or' || w === '!' || w === '-not' || w === ',')) return undefined;
  const names = expression.flatMap((w, i) => ((w === '-name' || w === '-iname') && expression[i + 1] ? [expression[i + 1]!] : []));
  return names.length === 1 && /^[\w.-]+$/.test(names[0]!) && names[0] !== '.' && names[0] !== '..' ? names[0] : undefined;
}
