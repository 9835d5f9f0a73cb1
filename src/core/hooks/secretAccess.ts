import { basename, isAbsolute, relative, sep } from 'node:path';
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
const SAMPLE_SECRET_FILES = ['.env', '.env.local', '.env.production', 'config/.env.staging', 'id_rsa', 'id_ed25519', '.ssh/id_rsa', 'server.pem', 'tls/server.key', 'credentials.json', '.aws/credentials', '.npmrc', '.netrc', 'secrets.yaml', 'terraform.tfvars'];

/** Whether a search's file glob would take in files the protected globs cover. */
export function globReachesProtected(glob: string, globs: readonly string[]): boolean {
  const pattern = glob.replace(/^\.\//, '');
  return SAMPLE_SECRET_FILES.some((sample) => matchesAnyGlob(sample, [pattern]) && matchesAnyGlob(sample, globs));
}

/** A read the person must allow: a protected path, or a file whose content holds a credential. */
export async function isSecretRead(path: string, roots: string[], rules: ProtectedFiles): Promise<boolean> {
  if (isProtectedPath(path, roots, rules.globs)) return true;
  try { return (await rules.holdsSecret?.(path)) === true; } catch { return false; }
}

/** Commands whose output is a file's content. */
const FILE_PRINTERS = new Set([
  'cat', 'tac', 'head', 'tail', 'less', 'more', 'most', 'bat', 'batcat', 'nl', 'strings', 'xxd', 'od', 'hexdump',
  'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'sed', 'awk', 'gawk', 'cut', 'sort', 'uniq', 'base64', 'base32',
  'diff', 'cmp', 'jq', 'yq', 'openssl', 'column', 'paste',
  // Sends the file elsewhere: `curl -d @.env`, `-T .env`.
  'curl', 'wget', 'nc',
]);
// Not listed on purpose: `source .env`, `dotenv`, `cp`: they load or move secrets without showing them.
/** Commands that print the environment (and every token exported into it). */
const ENV_PRINTERS = new Set(['printenv', 'env', 'export', 'set', 'declare', 'typeset']);
const WRAPPERS = new Set(['sudo', 'doas', 'command', 'builtin', 'exec', 'nice', 'nohup', 'time', 'stdbuf', 'timeout']);

/**
 * Why a shell line would print secrets, or undefined. Reads every simple command on the line:
 * `cat .env`, `grep TOKEN .env`, `less id_rsa`, `printenv`, `env` alone, `export -p`, `< .env`.
 */
export function secretPrintReason(line: string, cwd: string, roots: string[], rules: ProtectedFiles): string | undefined {
  for (const words of simpleCommands(line)) {
    let argv = words;
    while (argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0])) argv = argv.slice(1);
    while (argv.length && WRAPPERS.has(argv[0])) argv = argv.slice(1).filter((w, i) => i > 0 || !/^\d/.test(w));
    const tool = argv[0] ? basename(argv[0]) : '';
    const args = argv.slice(1);
    const redirected = words.filter((w, i) => words[i - 1] === '<').concat(words.filter((w) => w.startsWith('<') && w.length > 1).map((w) => w.slice(1)));
    for (const file of redirected) {
      if (isProtectedPath(resolveIn(cwd, file), roots, rules.globs)) return `it feeds ${file}, a file that holds credentials, into ${tool || 'a command'}`;
    }
    if (ENV_PRINTERS.has(tool)) {
      const printsAll = tool === 'printenv' ? true
        : tool === 'env' ? args.every((a) => a.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(a))
        : tool === 'export' || tool === 'declare' || tool === 'typeset' ? args.length === 0 || args.every((a) => /^-[a-zA-Z]*[px]/.test(a))
        : args.length === 0;
      if (printsAll) return `\`${[tool, ...args].join(' ')}\` prints environment variables, which often hold tokens`;
    }
    if (FILE_PRINTERS.has(tool)) {
      for (const arg of args) {
        if (arg.startsWith('-') && !arg.includes('=')) continue;
        const value = arg.includes('=') && arg.startsWith('-') ? arg.slice(arg.indexOf('=') + 1) : arg.replace(/^@/, '');
        if (value && isProtectedPath(resolveIn(cwd, value), roots, rules.globs)) return `\`${tool}\` would show the contents of ${value}, a file that holds credentials`;
      }
    }
  }
  return undefined;
}

function resolveIn(cwd: string, path: string): string {
  const expanded = path.replace(/^~(?=\/|$)/, process.env.HOME ?? '~');
  return isAbsolute(expanded) ? expanded : `${cwd.replace(/\/$/, '')}/${expanded}`;
}

/**
 * Splits a line into the words of each simple command: quotes removed, `;`, `|`, `&`, `&&`,
 * `||`, newlines and `$(`/backticks as separators. Enough for naming files and tools; the
 * guard's full parser decides destruction.
 */
export function simpleCommands(line: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = () => { if (inWord) words.push(word); word = ''; inWord = false; };
  const endCommand = () => { endWord(); if (words.length) commands.push(words); words = []; };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) { word += line[++i]; inWord = true; continue; }
    if (c === "'") { const end = line.indexOf("'", i + 1); const stop = end < 0 ? line.length : end; word += line.slice(i + 1, stop); i = stop; inWord = true; continue; }
    if (c === '"') {
      i++;
      while (i < line.length && line[i] !== '"') { if (line[i] === '\\' && i + 1 < line.length) i++; word += line[i++]; }
      inWord = true;
      continue;
    }
    if (c === ' ' || c === '\t') { endWord(); continue; }
    if (c === ';' || c === '|' || c === '&' || c === '\n' || c === '(' || c === ')' || c === '`' || c === '{' || c === '}') {
      if (c === '(' && word.endsWith('$')) word = word.slice(0, -1);
      endCommand();
      continue;
    }
    if (c === '<' || c === '>') {
      endWord();
      let op = c;
      while (line[i + 1] === '<' || line[i + 1] === '>' || line[i + 1] === '&') op += line[++i];
      words.push(op);
      continue;
    }
    word += c;
    inWord = true;
  }
  endCommand();
  return commands;
}
