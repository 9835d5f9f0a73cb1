import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { DEFAULT_MAX_DEPTH, MAX_LINE_CHARS } from '../guard/engine';
import { protectedFileTriggers } from '../guard/fastpath/file-words';
import { mentionsTriggerWord, triggerSet } from '../guard/fastpath/prefilter';
import { readTextFile } from '../guard/files';
import type { SimpleCommand, StdinSource } from '../shell/command';
import { loadShellParser } from '../shell/parser';
import { reduceLine } from '../shell/reduce';
import { FIND_MATCH, PARALLEL_INPUT, XARGS_INPUT } from '../shell/unwrap';
import { matchesAnyGlob } from '../tokens/protected-files';

/**
 * Which reads expose secrets: files matching the protected globs, and shell commands that
 * print such files or the environment. The globs match a file's name and its path relative
 * to the workspace root, so `.env*` catches `apps/api/.env.production`.
 */
/** Templates that only document which variables exist: protected only when they hold a real value. */
const TEMPLATE = /\.(example|sample|template|dist|tpl|pub)$/i;

export interface ProtectedFiles {
  /** Globs over workspace-relative paths (the `airlock.gates.protectedFiles` setting). */
  globs: readonly string[];
  /** Whether a file's content holds a credential (the token scanner); undefined when unreadable. */
  holdsSecret?: (path: string) => Promise<boolean | undefined>;
}

/** Whether a path matches the protected globs, relative to the workspace root that holds it. */
export function isProtectedPath(path: string, roots: string[], globs: readonly string[]): boolean {
  if (TEMPLATE.test(path)) return false;
  const root = roots.find((r) => isAbsolute(path) && (path === r || path.startsWith(r.endsWith(sep) ? r : r + sep)));
  const rel = root ? relative(root, path) : path.replace(/^[A-Za-z]:/, '').replace(/^[\\/]+/, '');
  return matchesAnyGlob(rel, globs);
}

/** Names a search glob is tried against: a Grep over `.env*` or every `.pem` file reads protected files. */
const SAMPLE_SECRET_FILES = [
  '.env',
  '.env.local',
  '.env.production',
  'config/.env.staging',
  'id_rsa',
  'id_ed25519',
  '.ssh/id_rsa',
  'server.pem',
  'tls/server.key',
  'credentials.json',
  '.aws/credentials',
  '.npmrc',
  '.netrc',
  'secrets.yaml',
  'terraform.tfvars',
];

/** Whether a search's file glob would take in files the protected globs cover. */
export function globReachesProtected(glob: string, globs: readonly string[]): boolean {
  const pattern = glob.replace(/^\.\//, '');
  return SAMPLE_SECRET_FILES.some((sample) => matchesAnyGlob(sample, [pattern]) && matchesAnyGlob(sample, globs));
}

/** A read the person must allow: a protected path, or a file whose content holds a credential. */
export async function isSecretRead(path: string, roots: string[], rules: ProtectedFiles): Promise<boolean> {
  if (isProtectedPath(path, roots, rules.globs)) return true;
  try {
    return (await rules.holdsSecret?.(path)) === true;
  } catch {
    return false;
  }
}

/** Commands whose output is a file's content. */
const FILE_PRINTERS = new Set([
  'cat',
  'tac',
  'head',
  'tail',
  'less',
  'more',
  'most',
  'bat',
  'batcat',
  'nl',
  'strings',
  'xxd',
  'od',
  'hexdump',
  'grep',
  'egrep',
  'fgrep',
  'rg',
  'ag',
  'ack',
  'sed',
  'awk',
  'gawk',
  'cut',
  'sort',
  'uniq',
  'base64',
  'base32',
  'diff',
  'cmp',
  'jq',
  'yq',
  'openssl',
  'column',
  'paste',
  // Sends the file elsewhere: `curl -d @.env`, `-T .env`.
  'curl',
  'wget',
  'nc',
]);
// Not listed on purpose: `source .env`, `dotenv`, `cp`: they load or move secrets without showing them.
/** Printers whose first operand is a pattern or a program, not a file, unless given with -e/-f. */
const PATTERN_FIRST = new Set(['grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'sed', 'awk', 'gawk', 'jq', 'yq']);
const PATTERN_OPTION = /^(?:-[a-zA-Z]*[ef]|--(?:regexp|file|expression|from-file)(?:=|$))/;
/** Commands that print the environment (and every token exported into it). */
const ENV_PRINTERS = new Set(['printenv', 'env', 'set']);
/**
 * `export`, `declare` and `typeset` are shell declarations, not commands the reducer lists:
 * alone or with -p/-x they print every exported variable.
 */
const DECLARATION_PRINT =
  /(?:^|[;&|({\n`]|\$\(|(?:-c|eval)[ \t]+['"])[ \t]*(?<declaration>(?:export|declare|typeset)(?:[ \t]+-[a-zA-Z]*[px][a-zA-Z]*)*)[ \t]*(?=$|[;&|)}\n'"`])/;
/** Names standing for file names the line does not show: `xargs cat`, `find -exec cat {}`. */
const UNSEEN_NAMES = new Set([XARGS_INPUT, PARALLEL_INPUT]);
const FIND_NAME_TESTS = new Set(['-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename']);
/** Largest list file (`xargs cat < list`) read to see which files it names. */
const MAX_LIST_BYTES = 64 * 1024;

/** Cheap over-approximation: only lines that could print secrets pay for parsing. */
const ENV_WORD = /(?:^|[^\w.-])(?:printenv|env|set|export|declare|typeset)(?![\w.-])/;
const PRINTER_WORD = new RegExp(`(?:^|[^\\w.-])(?:${[...FILE_PRINTERS].join('|')})(?![\\w.-])`);
const NAME_SOURCE_WORD = /(?:^|[^\w.-])(?:xargs|parallel|find)(?![\w.-])/;
const TOKEN_SEPARATORS = /[\s;|&()<>{}`]+/;

/**
 * Why a shell line would print secrets, or undefined. Reads the simple commands Airlock's shell
 * reducer finds on the line, so `bash -c 'cat .env'`, `sudo -u x cat .env`, `F=.env; cat $F`,
 * `echo .env | xargs cat` and `find -name .env -exec cat {} +` are seen like `cat .env`;
 * also `grep TOKEN .env`, `printenv`, `env` alone, `export -p`, `< .env`, `curl -d @.env`.
 */
export async function secretPrintReason(line: string, cwd: string, roots: string[], rules: ProtectedFiles): Promise<string | undefined> {
  if (typeof line !== 'string' || line.length === 0) return undefined;
  const declaration = DECLARATION_PRINT.exec(line);
  if (declaration) return `\`${declaration.groups!.declaration}\` prints environment variables, which often hold tokens`;
  if (!mightPrintSecrets(line, cwd, roots, rules.globs)) return undefined;
  if (line.length > MAX_LINE_CHARS) return 'the line is too long for Airlock to check which files it prints';
  try {
    await loadShellParser();
  } catch {
    return 'Airlock could not parse it to check which files it prints';
  }
  const { commands } = reduceLine(line, { cwd, readFile: readTextFile, maxDepth: DEFAULT_MAX_DEPTH });
  for (const command of commands) {
    const reason = commandPrintReason(command, commands, roots, rules.globs);
    if (reason) return reason;
  }
  return undefined;
}

function mightPrintSecrets(line: string, cwd: string, roots: string[], globs: readonly string[]): boolean {
  if (ENV_WORD.test(line)) return true;
  if (!PRINTER_WORD.test(line) && !line.includes('<')) return false;
  if (NAME_SOURCE_WORD.test(line)) return true;
  return namesProtectedFile(line, cwd, roots, globs);
}

/**
 * Past this many distinct candidate names a line is treated as naming a protected file (ask):
 * a 4 MB line of `a.pem b.pem ...` must not cost a glob match per word (it took 30 s).
 */
const MAX_NAMES_CHECKED = 2000;
const triggersByGlobs = new WeakMap<readonly string[], ReadonlySet<string> | null>();

/**
 * The words one of which every path a glob covers contains (src/core/guard/fastpath/file-words.ts);
 * null when a glob has none. Only names holding one are matched against the globs.
 */
function fileTriggers(globs: readonly string[]): ReadonlySet<string> | null {
  let set = triggersByGlobs.get(globs);
  if (set === undefined) {
    const words = protectedFileTriggers(globs);
    set = words ? triggerSet(words) : null;
    triggersByGlobs.set(globs, set);
  }
  return set;
}

/** Whether any word of some text (quotes dropped, `@file` and `--opt=file` read as files) is a protected path. */
function namesProtectedFile(text: string, cwd: string, roots: string[], globs: readonly string[]): boolean {
  const triggers = fileTriggers(globs);
  const seen = new Set<string>();
  let candidates = 0;
  for (const token of text.split(TOKEN_SEPARATORS)) {
    const path = token
      .replace(/["'\\]/g, '')
      .replace(/^.*=/, '')
      .replace(/^@/, '');
    if (path.length === 0 || path.startsWith('-') || seen.has(path)) continue;
    seen.add(path);
    const full = resolveIn(cwd, path);
    if (triggers && !mentionsTriggerWord(full, triggers)) continue;
    if (++candidates > MAX_NAMES_CHECKED) return true;
    if (isProtectedPath(full, roots, globs)) return true;
  }
  return false;
}

function commandPrintReason(command: SimpleCommand, all: SimpleCommand[], roots: string[], globs: readonly string[]): string | undefined {
  const [tool = '', ...args] = command.argv;
  const { cwd, stdin } = command;
  if (stdin?.kind === 'file' && isProtectedPath(resolveIn(cwd, stdin.path), roots, globs)) {
    return `it feeds ${stdin.path}, a file that holds credentials, into ${tool || 'a command'}`;
  }
  if (ENV_PRINTERS.has(tool)) {
    const printsAll =
      tool === 'printenv' ? true : tool === 'env' ? args.every((a) => a.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) : args.length === 0;
    if (printsAll) return `\`${command.argv.join(' ')}\` prints environment variables, which often hold tokens`;
  }
  if (!FILE_PRINTERS.has(tool)) return undefined;
  let patternPending = PATTERN_FIRST.has(tool) && !args.some((a) => PATTERN_OPTION.test(a));
  let operandsOnly = false;
  for (const arg of args) {
    if (!operandsOnly && arg === '--') {
      operandsOnly = true;
      continue;
    }
    if (!operandsOnly && arg.startsWith('-') && !arg.includes('=')) continue;
    if (patternPending && !arg.startsWith('-')) {
      patternPending = false;
      continue;
    }
    const value = (!operandsOnly && arg.startsWith('-') ? arg.slice(arg.indexOf('=') + 1) : arg).replace(/^@/, '');
    if (value.length === 0) continue;
    if (UNSEEN_NAMES.has(value)) {
      const source = unseenNamesSource(stdin, cwd, roots, globs);
      if (source) return `\`${tool}\` would show the contents of the files ${source}, which include files that hold credentials`;
      continue;
    }
    if (value.includes(FIND_MATCH)) {
      if (findReachesProtected(all, globs))
        return `\`${tool}\` would show the contents of the files \`find\` matches, which include files that hold credentials`;
      continue;
    }
    if (command.unresolved && value.includes('$')) {
      // `cat "$(ls .env)"`: the name is computed; judge by the files the computation names.
      if (namesProtectedFile(value, cwd, roots, globs))
        return `\`${tool}\` would show the contents of a file computed from ${value}, which names a file that holds credentials`;
      continue;
    }
    if (isProtectedPath(resolveIn(cwd, value), roots, globs)) return `\`${tool}\` would show the contents of ${value}, a file that holds credentials`;
  }
  return undefined;
}

/** Where `xargs` takes its file names from, when that source names a protected file. */
function unseenNamesSource(stdin: StdinSource | undefined, cwd: string, roots: string[], globs: readonly string[]): string | undefined {
  if (!stdin) return undefined;
  if (stdin.kind === 'text') return namesProtectedFile(stdin.text, cwd, roots, globs) ? `listed in its input` : undefined;
  if (stdin.kind === 'opaque') {
    // `find . -name '.env*' | xargs cat`: a glob in the producer that takes in protected files counts too.
    const names =
      namesProtectedFile(stdin.from, cwd, roots, globs) ||
      stdin.from.split(TOKEN_SEPARATORS).some((t) => /[*?[]/.test(t) && globReachesProtected(t.replace(/["']/g, ''), globs));
    return names ? `\`${stdin.from}\` lists` : undefined;
  }
  const list = readBoundedText(resolveIn(cwd, stdin.path));
  if (list === undefined) return existsSync(resolveIn(cwd, stdin.path)) ? `listed in ${stdin.path} (which Airlock could not read)` : undefined;
  return namesProtectedFile(list, cwd, roots, globs) ? `listed in ${stdin.path}` : undefined;
}

function findReachesProtected(commands: SimpleCommand[], globs: readonly string[]): boolean {
  return commands.some((c) => c.argv[0] === 'find' && c.argv.some((arg, i) => FIND_NAME_TESTS.has(c.argv[i - 1] ?? '') && globReachesProtected(arg, globs)));
}

function readBoundedText(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_LIST_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function resolveIn(cwd: string, path: string): string {
  const expanded = path.replace(/^~(?=\/|$)/, process.env.HOME ?? '~');
  return isAbsolute(expanded) ? expanded : `${cwd.replace(/\/$/, '')}/${expanded}`;
}
