import type { Language } from './scanner';

/**
 * The program an interpreter command line runs: code given inline (`python -c CODE`, `node -e CODE`,
 * `ruby -e CODE -e MORE`, `perl -E CODE`, `deno eval CODE`, `bun -e CODE`, `php -r CODE`), a script
 * file (`python3 cleanup.py`, `deno run x.ts`), or standard input (`python - <<EOF`, `node <<EOF`).
 */
export interface InterpreterProgram {
  language: Language;
  /** The code given on the command line. */
  code?: string;
  /** The script file it runs, relative to the command's directory. */
  scriptPath?: string;
  /** Where it came from, e.g. `python3 -c`. Neither `code` nor `scriptPath`: standard input. */
  from: string;
}

const LANGUAGES: Array<[RegExp, Language]> = [
  [/^(python[0-9.]*|pypy[0-9.]*)$/, 'python'],
  [/^(node|nodejs|deno|bun|tsx|ts-node)$/, 'javascript'],
  [/^ruby[0-9.]*$/, 'ruby'],
  [/^perl[0-9.]*$/, 'perl'],
  [/^php[0-9.]*$/, 'php'],
  [/^(lua[0-9.]*|luajit)$/, 'lua'],
  [/^Rscript$/, 'r'],
];

export const INTERPRETER_TOOLS = [
  'python',
  'python2',
  'python3',
  ...['8', '9', '10', '11', '12', '13', '14'].map((v) => `python3.${v}`),
  'pypy',
  'pypy3',
  'node',
  'nodejs',
  'deno',
  'bun',
  'tsx',
  'ts-node',
  'ruby',
  'perl',
  'php',
  'lua',
  'lua5.1',
  'lua5.3',
  'lua5.4',
  'luajit',
  'Rscript',
];
export const INTERPRETER_KEYWORDS = [
  'python',
  'python2',
  'python3',
  'pypy',
  'pypy3',
  'node',
  'nodejs',
  'deno',
  'bun',
  'tsx',
  'ts-node',
  'ruby',
  'perl',
  'php',
  'lua',
  'luajit',
  'rscript',
];

/** Short options that take a value, per language (so their values are not taken for a script name). */
const VALUED: Record<Language, string> = { python: 'WX', javascript: 'rC', ruby: 'rICEFK', perl: 'IMmx', php: 'cdzSt', lua: 'l', r: '' };
/** Short options whose value is the inline code. */
const CODE_FLAGS: Record<Language, string> = { python: 'c', javascript: 'ep', ruby: 'e', perl: 'eE', php: 'rBRE', lua: 'e', r: 'e' };
const JS_LONG_VALUED = new Set([
  '--require',
  '--import',
  '--loader',
  '--experimental-loader',
  '--input-type',
  '--conditions',
  '--env-file',
  '--title',
  '--stack-size',
  '--test-reporter',
  '--test-reporter-destination',
  '--test-name-pattern',
  '--watch-path',
  '--tsconfig',
  '--project',
  '--config',
]);
/**
 * Options after which the words are not a script file: `node --run build` (a package.json script),
 * `node --test test/` (test files and folders for the runner), `ruby -S rake` (a program found on PATH).
 */
const NO_SCRIPT_OPTIONS = new Set(['--run', '--test']);
/** Bun's own subcommands: `bun install` is not a script named install. */
const BUN_COMMANDS = new Set([
  'run',
  'test',
  'x',
  'repl',
  'exec',
  'install',
  'i',
  'add',
  'a',
  'remove',
  'rm',
  'update',
  'outdated',
  'link',
  'unlink',
  'publish',
  'patch',
  'pm',
  'build',
  'init',
  'create',
  'c',
  'upgrade',
  'completions',
  'audit',
  'info',
  'why',
  'help',
]);
/** File names Deno and Bun run directly, as opposed to package.json scripts or installed binaries. */
const JS_FILE = /\.(?:[cm]?[jt]sx?)$/;

export function interpreterProgram(argv: readonly string[], hasStdin: boolean): InterpreterProgram | undefined {
  const tool = argv[0] ?? '';
  const language = LANGUAGES.find(([re]) => re.test(tool))?.[1];
  if (!language) return undefined;
  let args = argv.slice(1);
  if (tool === 'deno') {
    // Deno 2 runs `deno main.ts` as `deno run main.ts`; any other first word is a subcommand.
    if (args[0] && (JS_FILE.test(args[0]) || isUrl(args[0]))) return script(language, args[0], tool);
    const words = denoWords(args.slice(1));
    if (args[0] === 'eval') return words.length ? { language, code: words[words.length - 1]!, from: 'deno eval' } : undefined;
    return args[0] === 'run' && words[0] ? script(language, words[0], tool) : undefined;
  }
  if (tool === 'bun') {
    let at = bunWordIndex(args, 0);
    if (at !== undefined && args[at] === 'run') {
      args = [...args.slice(0, at), ...args.slice(at + 1)];
      at = bunWordIndex(args, at);
    } else if (at !== undefined && BUN_COMMANDS.has(args[at]!)) return undefined;
    // `bun dev`, `bun run build`, `bun --bun vite`: a package.json script or an installed binary,
    // which Bun prefers over a file; only a word that names a file is a script.
    if (at !== undefined) return JS_FILE.test(args[at]!) || args[at]!.includes('/') ? script(language, args[at]!, tool) : undefined;
  }
  if ((tool === 'tsx' || tool === 'node') && (args[0] === 'watch' || args[0] === 'inspect')) args = args.slice(1);
  const codes: string[] = [];
  let stdin = false;
  let scriptPath: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-') {
      stdin = true;
      break;
    }
    if (arg === '--') {
      scriptPath = args[i + 1];
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.split(/=(.*)/s);
      if (NO_SCRIPT_OPTIONS.has(name!) && language === 'javascript' && codes.length === 0) return undefined;
      if (name === '--eval' || name === '--print' || name === '--command') {
        const code = inline ?? args[++i];
        if (code !== undefined) codes.push(code);
        if (language === 'python') break;
      } else if (language === 'javascript' && JS_LONG_VALUED.has(name!) && inline === undefined) i++;
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const flag = arg[j]!;
        if ((language === 'perl' || language === 'ruby') && flag === 'i') break; // -i.bak: an in-place suffix
        if ((language === 'perl' || language === 'ruby') && flag === 'S' && codes.length === 0) return undefined;
        if (language === 'php' && flag === 'f' && codes.length === 0) {
          const file = j + 1 < arg.length ? arg.slice(j + 1) : args[i + 1];
          return file === undefined ? undefined : script(language, file, tool);
        }
        if (CODE_FLAGS[language].includes(flag)) {
          // node -pe CODE is -p -e CODE: the code is the next word when only code flags follow.
          const attached = j + 1 < arg.length && !(language === 'javascript' && /^[ep]+$/.test(arg.slice(j + 1)));
          const code = attached ? arg.slice(j + 1) : args[++i];
          if (code !== undefined) codes.push(code);
          break;
        }
        if (VALUED[language].includes(flag)) {
          if (j + 1 === arg.length) i++;
          break;
        }
        if (language === 'python' && flag === 'm') return undefined; // `python -m module`: a module, not inline code
      }
      // Python stops reading options at -c: what follows is sys.argv.
      if (language === 'python' && codes.length) break;
      continue;
    }
    // The first plain word is a script file, or (after -e) the program's own arguments.
    if (codes.length === 0) scriptPath = arg;
    break;
  }
  if (codes.length) return { language, code: codes.join('\n'), from: `${tool} ${language === 'python' ? '-c' : '-e'}` };
  if (scriptPath !== undefined) return script(language, scriptPath, tool);
  if (stdin || hasStdin) return { language, from: `${tool} (standard input)` };
  return undefined;
}

const BUN_VALUED = new Set([
  '--cwd',
  '-r',
  '--preload',
  '-c',
  '--config',
  '--env-file',
  '--tsconfig-override',
  '-d',
  '--define',
  '--port',
  '--filter',
  '-F',
  '--elide-lines',
  '--conditions',
  '--main-fields',
  '--extension-order',
  '--jsx-factory',
  '--jsx-fragment',
  '--jsx-import-source',
  '--jsx-runtime',
  '-l',
  '--loader',
]);

/** The first word of a bun command line that is neither an option nor its value; none after inline code. */
function bunWordIndex(args: readonly string[], from: number): number | undefined {
  for (let i = from; i < args.length; i++) {
    const arg = args[i]!;
    if (/^(-e|--eval|-p|--print)(=|$)/.test(arg)) return undefined;
    if (BUN_VALUED.has(arg)) i++;
    else if (!arg.startsWith('-')) return i;
  }
  return undefined;
}

/** `deno run --config deno.json -A main.ts`: the words left once options and their values are dropped. */
function denoWords(args: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (DENO_VALUED.has(arg)) i++;
    else if (!arg.startsWith('-')) words.push(arg);
  }
  return words;
}
const DENO_VALUED = new Set(['-c', '--config', '--import-map', '--lock', '--cert', '--location', '--seed', '-L', '--log-level']);

export function isUrl(word: string): boolean {
  return /^https?:\/\//i.test(word);
}

function script(language: Language, scriptPath: string, tool: string): InterpreterProgram {
  return { language, scriptPath, from: `${tool} ${scriptPath}` };
}
