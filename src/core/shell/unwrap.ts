/**
 * One unwrapping step on an argv: what a wrapper, package runner, nested shell or
 * command-running tool would actually run. Pure functions on words; the reducer applies
 * them repeatedly and parses nested scripts.
 */
import { commandStart } from '../argv';
import { packageTools } from '../guard/packs/index';
import { unwrapRunner } from './runners';
import { toolCommands } from './tool-commands';

/**
 * Stand-ins for arguments only known when the line runs (what xargs reads, what find finds).
 * They read like command substitutions, so rules treat them as unknown, never as a variable.
 */
export const XARGS_INPUT = '$(xargs-input)';
export const FIND_MATCH = '$(find-match)';
export const PARALLEL_INPUT = '$(parallel-input)';

export type Unwrapped =
  /** The command runs `argv` (a wrapper like sudo, a package runner, xargs...). */
  | { kind: 'argv'; argv: string[]; via: string; assignments?: Record<string, string>; step: string; runner?: boolean }
  /** The command runs a shell script given as text (`bash -c`, `eval`, `watch`, `ssh host cmd`). */
  | { kind: 'script'; text: string; via: string; step: string }
  /** A program run by its path whose text Airlock has already read (no `#!`: sh runs it). */
  | { kind: 'script-text'; text: string; via: string; step: string }
  /** The command runs a script file (`bash x.sh`, `source x.sh`). */
  | { kind: 'script-file'; path: string; via: string; step: string }
  /** The command runs whatever arrives on standard input as a script (`sh`, `bash -s`, `python -`). */
  | { kind: 'stdin-script'; via: string; step: string }
  /** A package.json script run by a package manager (`npm run db:reset`, `yarn test`). */
  | { kind: 'package-script'; scripts: string[]; directory?: string; workspaces?: WorkspaceSelection; via: string; step: string }
  /** Several commands, e.g. `find -exec A ; -exec B +` (find itself is kept too). */
  | { kind: 'many'; argvs: string[][]; via: string; step: string };

/** Which workspaces a package manager runs scripts in: every one, or those named (names or paths). */
export type WorkspaceSelection = 'all' | string[];

/** The tool's plain name: `/usr/bin/rm` → `rm`, `C:\\bin\\rm.exe` → `rm`. */
export function toolName(written: string): string {
  const base = written.split(/[\\/]/).pop() ?? written;
  return base.replace(/\.(exe|cmd|bat)$/i, '');
}

/** Options that take a separate value, per wrapper; bundled short flags are handled by the caller. */
interface WrapperSpec {
  /** Options followed by a value word. */
  valued: string[];
  /** Positional words the wrapper consumes before the command (timeout's DURATION). */
  positionalsBefore?: number;
}

const WRAPPERS: Record<string, WrapperSpec> = {
  sudo: {
    valued: [
      '-u',
      '-g',
      '-h',
      '-p',
      '-C',
      '-U',
      '-D',
      '-r',
      '-t',
      '-T',
      '--user',
      '--group',
      '--host',
      '--prompt',
      '--close-from',
      '--other-user',
      '--chdir',
      '--role',
      '--type',
      '--command-timeout',
    ],
  },
  doas: { valued: ['-u', '-C'] },
  nice: { valued: ['-n', '--adjustment'] },
  nohup: { valued: [] },
  timeout: { valued: ['-s', '-k', '--signal', '--kill-after'], positionalsBefore: 1 },
  time: { valued: ['-f', '-o', '--format', '--output'] },
  stdbuf: { valued: ['-i', '-o', '-e', '--input', '--output', '--error'] },
  ionice: { valued: ['-c', '-n', '-p', '-P', '-u', '--class', '--classdata'] },
  command: { valued: [] },
  builtin: { valued: [] },
  exec: { valued: ['-a'] },
  chrt: { valued: [], positionalsBefore: 1 },
  taskset: { valued: [], positionalsBefore: 1 },
  caffeinate: { valued: ['-t', '-w'] },
  unbuffer: { valued: [] },
  dotenv: { valued: ['-e', '-c', '-v'] },
  setsid: { valued: [] },
  flock: { valued: ['-w', '-E', '--timeout', '--conflict-exit-code'], positionalsBefore: 1 },
  chroot: { valued: ['--userspec', '--groups'], positionalsBefore: 1 },
  strace: { valued: ['-o', '-e', '-p', '-s', '-u', '-E', '-a', '-b', '-I', '-O', '-S', '-X', '-P'] },
  ltrace: { valued: ['-o', '-e', '-p', '-s', '-u', '-a', '-n'] },
  unshare: { valued: ['--setuid', '--setgid', '--wd', '-S', '-G', '-R', '-w'] },
  nsenter: { valued: ['-t', '--target', '-S', '-G', '--setuid', '--setgid', '-r', '-w', '--root', '--wd'] },
  'systemd-run': {
    valued: [
      '-u',
      '--unit',
      '-p',
      '--property',
      '-E',
      '--setenv',
      '--description',
      '--slice',
      '-M',
      '--machine',
      '--working-directory',
      '--uid',
      '--gid',
      '--nice',
      '--on-calendar',
      '--on-active',
    ],
  },
  runuser: { valued: ['-u', '-g', '-G', '--user', '--group', '--supp-group'] },
  'xvfb-run': { valued: ['-n', '--server-num', '-s', '--server-args', '-f', '--auth-file', '-e', '--error-file', '-p', '--xauth-protocol'] },
  'dumb-init': { valued: ['-r', '--rewrite'] },
  tini: { valued: ['-p', '-e'] },
  catchsegv: { valued: [] },
};

export const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'busybox', 'fish']);

/**
 * npm packages whose binary is a guarded tool under another name: every pack's `packages`.
 * Read on first use, not at load: the packs import this module, so at load they may not exist yet.
 */
let packageToolNames: Record<string, string> | undefined;

/** Binary name for an npm package spec: `@railway/cli@3.1.0` → `railway`, `cowsay` → `cowsay`. */
export function packageTool(spec: string): string {
  const name = spec.startsWith('@') ? spec.replace(/^(@[^/@]+\/[^@]+)@.*$/, '$1') : spec.replace(/@.*$/, '');
  packageToolNames ??= packageTools();
  const tool = packageToolNames[name];
  if (tool) return tool;
  return name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
}

/** Index of the first word after the options of a wrapper, or -1 when none follows. */
function skipOptions(args: string[], start: number, valued: string[], positionalsBefore = 0): number {
  return commandStart(args, start, valued, positionalsBefore);
}

/** A word whose text is only known when the line runs: `$VAR`, `${VAR}`, `$(...)`, backquotes. */
export function isRuntimeWord(word: string): boolean {
  return /^(\$[A-Za-z_{(@*#?!0-9-]|`)/.test(word);
}

function envUnwrap(argv: string[]): Unwrapped | undefined {
  const assignments: Record<string, string> = {};
  let i = 1;
  // `env $(cat .env.production | xargs) railway volume delete`: a run-time word is most often
  // assignments, but could be the command itself. Airlock never guesses, so both readings are checked.
  let firstRuntime = -1;
  while (i < argv.length) {
    const arg = argv[i]!;
    if (arg === '--') {
      i++;
      break;
    }
    if (arg === '-S' || arg === '--split-string') {
      const text = argv.slice(i + 1).join(' ');
      return { kind: 'script', text, via: 'env -S', step: `env -S splits its string into a command: ${text}` };
    }
    if (arg.startsWith('--split-string=')) {
      const text = [arg.slice('--split-string='.length), ...argv.slice(i + 1)].join(' ');
      return { kind: 'script', text, via: 'env -S', step: `env -S splits its string into a command: ${text}` };
    }
    if (arg === '-u' || arg === '--unset' || arg === '-C' || arg === '--chdir') {
      i += 2;
      continue;
    }
    if (arg.startsWith('-')) {
      i++;
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(arg.slice(0, eq))) {
      assignments[arg.slice(0, eq)] = arg.slice(eq + 1);
      i++;
      continue;
    }
    if (isRuntimeWord(arg)) {
      if (firstRuntime < 0) firstRuntime = i;
      i++;
      continue;
    }
    break;
  }
  if (firstRuntime >= 0) {
    const runs = [argv.slice(firstRuntime), ...(i < argv.length ? [argv.slice(i)] : [])];
    return {
      kind: 'many',
      argvs: runs,
      via: 'env',
      step: `env runs either ${argv[firstRuntime]} (only known at run time) or, if that expands to assignments, ${argv[i] ?? 'nothing'}`,
    };
  }
  if (i >= argv.length) return undefined;
  return {
    kind: 'argv',
    argv: argv.slice(i),
    via: 'env',
    assignments,
    step: `env runs ${argv[i]}${Object.keys(assignments).length ? ` with ${Object.keys(assignments).join(', ')} set` : ''}`,
  };
}

function shellUnwrap(name: string, argv: string[]): Unwrapped | undefined {
  // `busybox sh -c ...` / `busybox rm ...`: busybox's first word is the applet.
  if (name === 'busybox') {
    if (argv.length < 2) return undefined;
    return { kind: 'argv', argv: argv.slice(1), via: 'busybox', step: `busybox runs its applet ${argv[1]}` };
  }
  // Only the shell's own options count: after the script name, words are the script's arguments.
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-') break;
    if (arg === '--') return argv[i + 1] !== undefined ? scriptFile(name, argv[i + 1]!) : undefined;
    // `--version`/`--help` print and exit; `-n` only checks syntax: nothing runs.
    if (arg === '--version' || arg === '--help' || (/^-[a-zA-Z]*n[a-zA-Z]*$/.test(arg) && !arg.includes('c'))) return undefined;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(arg) || arg === '--command') {
      const text = argv[i + 1];
      if (text === undefined) return undefined;
      return { kind: 'script', text, via: `${name} -c`, step: `${name} -c runs its string as a script: ${text}` };
    }
    if (arg === '-o' || arg === '+o' || arg === '-O' || arg === '+O' || arg === '--rcfile' || arg === '--init-file') {
      i++;
      continue;
    }
    // `-s`: the script comes from standard input, the remaining words are its arguments.
    if (/^-[a-zA-Z]*s[a-zA-Z]*$/.test(arg)) break;
    if (arg.startsWith('-') || arg.startsWith('+')) continue;
    return scriptFile(name, arg);
  }
  return { kind: 'stdin-script', via: name, step: `${name} reads its script from standard input` };
}

function scriptFile(via: string, path: string): Unwrapped {
  return { kind: 'script-file', path, via: `${via} ${path}`, step: `${via} runs the script file ${path}` };
}

/** `npx [opts] pkg args`, `npx -p pkg cmd`, `npx -c 'cmd'`. */
function npxUnwrap(via: string, args: string[]): Unwrapped | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-c' || arg === '--call') {
      const text = args[i + 1];
      return text === undefined ? undefined : { kind: 'script', text, via, step: `${via} -c runs its string as a script: ${text}` };
    }
    if (arg === '-p' || arg === '--package') {
      i++;
      continue;
    }
    if (arg === '--') continue;
    if (arg.startsWith('-')) continue;
    const tool = packageTool(arg);
    return { kind: 'argv', argv: [tool, ...args.slice(i + 1)], via: `${via} ${arg}`, step: `${via} ${arg} runs the ${tool} tool`, runner: true };
  }
  return undefined;
}

function xargsUnwrap(argv: string[]): Unwrapped | undefined {
  const valued = [
    '-n',
    '-L',
    '-P',
    '-d',
    '-a',
    '-E',
    '-s',
    '-e',
    '-l',
    '--max-args',
    '--max-lines',
    '--max-procs',
    '--delimiter',
    '--arg-file',
    '--eof',
    '--max-chars',
    '--process-slot-var',
  ];
  let replace: string | undefined;
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-I' || arg === '-i') {
      replace = arg === '-I' ? argv[++i] : '{}';
      continue;
    }
    if (arg.startsWith('-I') && arg.length > 2) {
      replace = arg.slice(2);
      continue;
    }
    if (arg.startsWith('--replace')) {
      replace = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : '{}';
      continue;
    }
    if (valued.includes(arg)) {
      i++;
      continue;
    }
    if (arg === '--') {
      i++;
      break;
    }
    if (arg.startsWith('-')) continue;
    break;
  }
  const command = i < argv.length ? argv.slice(i) : ['echo'];
  const run = replace !== undefined ? command.map((w) => w.split(replace!).join(XARGS_INPUT)) : [...command, XARGS_INPUT];
  return { kind: 'argv', argv: run, via: 'xargs', step: `xargs runs ${command[0]} with arguments read from its input ($(xargs-input))` };
}

function parallelUnwrap(argv: string[]): Unwrapped | undefined {
  const sep = argv.findIndex((w) => w === ':::' || w === '::::' || w === ':::+');
  const head = skipOptions(argv, 1, ['-j', '--jobs', '-S', '--sshlogin', '--joblog', '--delay', '--timeout', '--results', '-a', '--arg-file']);
  const end = sep === -1 ? argv.length : sep;
  if (head === -1 || head >= end) return undefined;
  const command = argv.slice(head, end);
  const inputs = sep === -1 ? [PARALLEL_INPUT] : argv.slice(sep + 1).filter((w) => !w.startsWith(':::'));
  const run = command.some((w) => w.includes('{}')) ? command.map((w) => w.split('{}').join(inputs.join(' '))) : [...command, ...inputs];
  return { kind: 'argv', argv: run, via: 'parallel', step: `parallel runs ${command[0]} once per input` };
}

/** find's search roots: the words before its first expression (`-name`, `(`, `!`); `.` when none. */
export function findRoots(args: readonly string[]): string[] {
  const end = args.findIndex((w) => /^[-(!]/.test(w));
  const roots = end === -1 ? [...args] : args.slice(0, end);
  return roots.length ? roots : ['.'];
}

/** `find ... -exec CMD {} ;` and friends; find itself stays a command (for `-delete`). */
function findUnwrap(argv: string[]): Unwrapped | undefined {
  const runs: string[][] = [];
  // With one plain search root every match lies below it: `find /tmp -exec rm -rf {} +` deletes under /tmp.
  const roots = findRoots(argv.slice(1));
  const match = roots.length === 1 && !roots[0]!.includes('$') ? `${roots[0]!.replace(/\/+$/, '')}/${FIND_MATCH}` : FIND_MATCH;
  for (let i = 1; i < argv.length; i++) {
    if (!['-exec', '-execdir', '-ok', '-okdir'].includes(argv[i]!)) continue;
    const start = i + 1;
    let end = start;
    while (end < argv.length && argv[end] !== ';' && argv[end] !== '+') end++;
    const command = argv.slice(start, end).map((w) => w.split('{}').join(match));
    if (command.length) runs.push(command);
    i = end;
  }
  if (!runs.length) return undefined;
  return { kind: 'many', argvs: runs, via: 'find -exec', step: `find runs ${runs.map((r) => r[0]).join(', ')} on each file it finds ($(find-match))` };
}

const SSH_VALUED = ['-p', '-i', '-l', '-o', '-F', '-J', '-L', '-R', '-D', '-b', '-c', '-E', '-e', '-m', '-O', '-Q', '-S', '-W', '-w', '-B'];

function sshUnwrap(argv: string[]): Unwrapped | undefined {
  const host = skipOptions(argv, 1, SSH_VALUED);
  if (host === -1 || host + 1 >= argv.length) return undefined;
  const text = argv.slice(host + 1).join(' ');
  return { kind: 'script', text, via: `ssh ${argv[host]}`, step: `ssh runs on ${argv[host]}: ${text}` };
}

/** `pwsh -Command TEXT`, `powershell -EncodedCommand BASE64` (UTF-16LE), `pwsh -File x.ps1`. */
function powershellUnwrap(name: string, argv: string[]): Unwrapped | undefined {
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!.toLowerCase();
    const value = argv[i + 1];
    if (/^[-/](c|command)$/.test(arg)) {
      const text = argv.slice(i + 1).join(' ');
      return text ? { kind: 'script', text, via: `${name} -Command`, step: `${name} -Command runs: ${text}` } : undefined;
    }
    if (/^[-/](e|ec|enc|encodedcommand)$/.test(arg) && value !== undefined) {
      const text = Buffer.from(value, 'base64').toString('utf16le');
      return { kind: 'script', text, via: `${name} -EncodedCommand`, step: `${name} -EncodedCommand decodes to: ${text}` };
    }
    if (/^[-/](f|file)$/.test(arg) && value !== undefined) return scriptFile(name, value);
  }
  return undefined;
}

/** `cmd /c "..."` and `cmd /k "..."`: the rest of the line is a command. */
function cmdUnwrap(argv: string[]): Unwrapped | undefined {
  const at = argv.findIndex((a, i) => i > 0 && /^\/[ck]$/i.test(a));
  if (at === -1 || at + 1 >= argv.length) return undefined;
  const text = argv.slice(at + 1).join(' ');
  return { kind: 'script', text, via: 'cmd /c', step: `cmd /c runs: ${text}` };
}

function watchUnwrap(argv: string[]): Unwrapped | undefined {
  const start = skipOptions(argv, 1, ['-n', '--interval', '-q', '--equexit']);
  if (start === -1) return undefined;
  const text = argv.slice(start).join(' ');
  return { kind: 'script', text, via: 'watch', step: `watch runs repeatedly: ${text}` };
}

/** Package managers that run package.json scripts: their words make the fast path read package.json. */
export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn', 'bun'];

const NPM_LIFECYCLE: Record<string, string[]> = {
  install: ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'],
  i: ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'],
  ci: ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'],
  test: ['pretest', 'test', 'posttest'],
  t: ['pretest', 'test', 'posttest'],
  start: ['prestart', 'start', 'poststart'],
  stop: ['prestop', 'stop', 'poststop'],
  restart: ['prerestart', 'restart', 'postrestart'],
};
/** Subcommands that are the manager's own, not package.json scripts (pnpm, yarn and bun run unknown words as scripts). */
const BUILTIN = new Set([
  'add',
  'audit',
  'bin',
  'cache',
  'config',
  'create',
  'dedupe',
  'dlx',
  'exec',
  'fetch',
  'help',
  'import',
  'info',
  'init',
  'link',
  'list',
  'ls',
  'outdated',
  'pack',
  'patch',
  'prune',
  'publish',
  'rebuild',
  'remove',
  'rm',
  'root',
  'set',
  'setup',
  'store',
  'unlink',
  'up',
  'update',
  'upgrade',
  'version',
  'why',
  'workspace',
  'workspaces',
  'x',
  'node',
  'plugin',
  'constraints',
  'global',
  'login',
  'logout',
  'whoami',
  'env',
  'doctor',
  'uninstall',
  'view',
  'search',
  'explain',
  'owner',
  'access',
  'team',
  'token',
  'profile',
  'ping',
  'pkg',
  'query',
  'sbom',
  'shrinkwrap',
  'star',
  'stars',
  'unpublish',
  'deprecate',
  'dist-tag',
  'docs',
  'edit',
  'explore',
  'fund',
  'hook',
  'org',
  'repo',
  'completion',
  'build',
  'upgrade-interactive',
  'licenses',
  'deploy',
  'server',
  'install-test',
  'it',
  'cit',
  'clean-install',
  'c',
  'run',
  'run-script',
  'rum',
  'urn',
]);
const PM_VALUED = ['--prefix', '-C', '--dir', '--cwd', '-w', '--workspace', '--filter', '-F', '--loglevel', '--registry', '--cache'];

/** `npm run X`, `npm test`, `npm install` (its lifecycle scripts), `pnpm X`, `yarn X`, `bun run X`. */
function packageScriptUnwrap(name: string, argv: string[]): Unwrapped | undefined {
  let args = argv.slice(1);
  let directory: string | undefined;
  const named: string[] = [];
  let all = false;
  // `yarn workspaces foreach [-A] run x`, `yarn workspaces run x` (v1): every workspace.
  if (name === 'yarn' && args[0] === 'workspaces' && (args[1] === 'foreach' || args[1] === 'run')) {
    all = true;
    args = args
      .slice(args[1] === 'foreach' ? 2 : 1)
      .filter((a, i, list) => !['--include', '--exclude', '--since', '-j', '--jobs', '--from'].includes(list[i - 1] ?? ''));
  } else if (name === 'yarn' && args[0] === 'workspace' && args[1] !== undefined) {
    named.push(args[1]);
    args = args.slice(2);
  }
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (
      arg === '--workspaces' ||
      arg === '-ws' ||
      arg === '--ws' ||
      arg === '--workspaces=true' ||
      arg === '-r' ||
      arg === '--recursive' ||
      (name === 'yarn' && (arg === '-A' || arg === '--all'))
    ) {
      all = true;
      continue;
    }
    if (PM_VALUED.includes(arg)) {
      const value = args[i + 1];
      if (arg === '-w' || arg === '--workspace') {
        if (value !== undefined) named.push(value);
      } else if (arg === '--filter' || arg === '-F')
        all = true; // a subset of the workspaces: check them all
      else if (['--prefix', '-C', '--dir', '--cwd'].includes(arg)) directory = value;
      i++;
      continue;
    }
    const ws = /^--workspace=(.*)$/.exec(arg);
    if (ws) {
      named.push(ws[1]!);
      continue;
    }
    if (/^--filter=/.test(arg)) {
      all = true;
      continue;
    }
    const eq = /^--(prefix|dir|cwd)=(.*)$/.exec(arg);
    if (eq) {
      directory = eq[2];
      continue;
    }
    if (arg.startsWith('-')) continue;
    words.push(arg);
  }
  const workspaces: WorkspaceSelection | undefined = all ? 'all' : named.length ? named : undefined;
  const [sub, script] = words;
  if (sub === undefined)
    return name === 'yarn'
      ? {
          kind: 'package-script',
          scripts: NPM_LIFECYCLE.install!,
          ...(directory ? { directory } : {}),
          via: name,
          step: `${name} installs and runs the install scripts`,
        }
      : undefined;
  let scripts: string[] | undefined;
  if (sub === 'run' || sub === 'run-script' || sub === 'rum' || sub === 'urn') scripts = script ? [`pre${script}`, script, `post${script}`] : undefined;
  else if (NPM_LIFECYCLE[sub] && !(name === 'bun' && sub === 'test')) scripts = NPM_LIFECYCLE[sub];
  else if (name !== 'npm' && !BUILTIN.has(sub)) scripts = [`pre${sub}`, sub, `post${sub}`];
  if (!scripts) return undefined;
  const label = script && (sub === 'run' || sub === 'run-script') ? `${name} run ${script}` : `${name} ${sub}`;
  return {
    kind: 'package-script',
    scripts,
    ...(directory ? { directory } : {}),
    ...(workspaces ? { workspaces } : {}),
    via: label,
    step: `${label} runs package.json scripts: ${scripts.join(', ')}${workspaces ? ` in ${workspaces === 'all' ? 'every workspace' : `the workspaces ${workspaces.join(', ')}`}` : ''}`,
  };
}

/**
 * What `argv` runs besides itself, or undefined when it runs nothing else. `argv[0]` must
 * already be the plain tool name.
 */
export function unwrapOnce(argv: string[]): Unwrapped | undefined {
  const name = argv[0]!;
  const spec = WRAPPERS[name];
  if (spec) {
    // `command -v x` and `command -V x` only look x up.
    if (name === 'command' && argv.slice(1).some((a) => a === '-v' || a === '-V')) return undefined;
    // `sudo -s` / `sudo -i` with no command start a shell that reads its script from stdin.
    if (
      (name === 'sudo' || name === 'doas') &&
      skipOptions(argv, 1, spec.valued) === -1 &&
      argv.slice(1).some((a) => /^-[a-zA-Z]*[si]/.test(a) || a === '--shell' || a === '--login')
    ) {
      return { kind: 'stdin-script', via: `${name} -s`, step: `${name} starts a shell that reads its script from standard input` };
    }
    const at = skipOptions(argv, 1, spec.valued, spec.positionalsBefore);
    if (at === -1) return undefined;
    return { kind: 'argv', argv: argv.slice(at), via: name, step: `${name} runs ${argv.slice(at).join(' ')}` };
  }
  if (name === 'env') return envUnwrap(argv);
  if (SHELLS.has(name)) return shellUnwrap(name, argv);
  if (name === 'eval') {
    const text = argv.slice(1).join(' ');
    return text ? { kind: 'script', text, via: 'eval', step: `eval runs its arguments as a script: ${text}` } : undefined;
  }
  if (name === 'source' || name === '.') return argv[1] ? scriptFile(name, argv[1]) : undefined;
  // `coproc [NAME] command`: tree-sitter-bash reads coproc as a plain command name.
  if (name === 'coproc' && argv.length > 1) {
    const rest = argv[2] === '{' || argv[2] === '(' ? argv.slice(2) : argv.slice(1);
    const text = rest.join(' ').replace(/^[{(]\s*/, '');
    return { kind: 'script', text, via: 'coproc', step: `coproc runs in the background: ${text}` };
  }
  // `trap 'cmd' EXIT`: the string runs later, when the signal arrives or the shell exits.
  if (name === 'trap' && argv[1] !== undefined && !argv[1].startsWith('-') && argv.length > 2) {
    return { kind: 'script', text: argv[1], via: 'trap', step: `trap runs on ${argv.slice(2).join(', ')}: ${argv[1]}` };
  }
  if (name === 'su') {
    const at = argv.findIndex((a) => a === '-c' || a === '--command');
    return at > 0 && argv[at + 1] !== undefined
      ? { kind: 'script', text: argv[at + 1]!, via: 'su -c', step: `su -c runs its string as a script: ${argv[at + 1]}` }
      : undefined;
  }
  if (name === 'npx' || name === 'bunx' || name === 'pnpx') return npxUnwrap(name, argv.slice(1));
  if ((name === 'pnpm' || name === 'yarn' || name === 'bun' || name === 'npm') && ['dlx', 'x', 'exec'].includes(argv[1] ?? '')) {
    return npxUnwrap(`${name} ${argv[1]}`, argv.slice(2));
  }
  if (PACKAGE_MANAGERS.includes(name)) return packageScriptUnwrap(name, argv);
  if (name === 'xargs') return xargsUnwrap(argv);
  if (name === 'parallel') return parallelUnwrap(argv);
  if (name === 'find') return findUnwrap(argv);
  if (name === 'ssh') return sshUnwrap(argv);
  if (name === 'watch') return watchUnwrap(argv);
  if (name === 'pwsh' || name === 'powershell') return powershellUnwrap(name, argv);
  if (name === 'cmd') return cmdUnwrap(argv);
  return unwrapRunner(argv) ?? toolCommands(argv);
}
