/**
 * Wrappers that run a command they are given, beyond the classic ones in `unwrap.ts`: env
 * loaders (`cross-env`, `dotenvx run --`, `infisical run --`, `aws-vault exec p --`), sandboxes and
 * shims (`firejail`, `proxychains4`, `fakeroot`), sessions and schedulers (`tmux new -d`,
 * `screen -dmS`, `script -c`, `at now`), benchmark and watch tools (`hyperfine`, `watchexec`,
 * `concurrently`), debuggers and profilers (`valgrind`, `gdb --args`, `perf stat --`), project
 * environments (`uv run`, `poetry run`, `mise exec --`), `ansible -m shell -a`, and `docker run` of
 * a provider's CLI image. Each says what it runs; the reducer checks that.
 */
import type { Unwrapped } from './unwrap';

/** Runs `argv` directly; `text` when the wrapper hands a string to a shell. */
const run = (argv: string[], via: string): Unwrapped => ({ kind: 'argv', argv, via, step: `${via} runs ${argv.join(' ')}` });
const shell = (text: string, via: string): Unwrapped => ({ kind: 'script', text, via, step: `${via} runs in a shell: ${text}` });
const texts = (list: string[], via: string): Unwrapped | undefined =>
  list.length === 0 ? undefined : list.length === 1 ? shell(list[0]!, via) : shell(list.join('\n'), via);

/** The first word after the options (and `valued` options' values); -1 when none. `--` ends options. */
function afterOptions(args: readonly string[], start: number, valued: readonly string[], positionals = 0): number {
  let seen = 0;
  for (let i = start; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return i + 1 < args.length ? i + 1 : -1;
    if (arg.startsWith('-') && arg.length > 1) {
      if (!arg.includes('=') && valued.includes(arg)) i++;
      continue;
    }
    if (seen < positionals) {
      seen++;
      continue;
    }
    return i;
  }
  return -1;
}

/** The words after `--`, or after the options when there is none. */
function commandAfter(args: readonly string[], start: number, valued: readonly string[], positionals = 0): string[] {
  const at = afterOptions(args, start, valued, positionals);
  return at === -1 ? [] : args.slice(at);
}

/** Values of an option, in both `--opt value` and `--opt=value` forms. */
function optionValues(args: readonly string[], names: readonly string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (names.includes(arg) && args[i + 1] !== undefined) values.push(args[++i]!);
    else for (const name of names) if (name.startsWith('--') && arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
  }
  return values;
}

/** Provider CLI images whose entrypoint is the tool: `docker run amazon/aws-cli s3 rb ...` runs `aws s3 rb ...`. */
const CLI_IMAGES: Array<[RegExp, string]> = [
  [/(^|\/)aws-cli(:|@|$)/, 'aws'],
  [/(^|\/)(terraform)(:|@|$)/, 'terraform'],
  [/(^|\/)(opentofu|tofu)(:|@|$)/, 'tofu'],
  [/(^|\/)kubectl(:|@|$)/, 'kubectl'],
  [/(^|\/)helm(:|@|$)/, 'helm'],
  [/(^|\/)flyctl(:|@|$)/, 'flyctl'],
  [/(^|\/)doctl(:|@|$)/, 'doctl'],
  [/(^|\/)azure-cli(:|@|$)/, 'az'],
  [/railway(app)?\/cli(:|@|$)|(^|\/)railway(:|@|$)/, 'railway'],
  [/(^|\/)heroku(-cli)?(:|@|$)/, 'heroku'],
  [/(^|\/)vercel(:|@|$)/, 'vercel'],
  [/(^|\/)wrangler(:|@|$)/, 'wrangler'],
  [/(^|\/)supabase(-cli)?(:|@|$)/, 'supabase'],
  [/(^|\/)pulumi(:|@|$)/, 'pulumi'],
  [/(^|\/)gcloud|cloud-sdk(:|@|$)/, ''],
  [/(^|\/)(postgres|mysql|mariadb|redis|mongo)(:|@|$)/, ''],
];
const REMOTE_TOOLS = new Set([
  'aws',
  'gcloud',
  'gsutil',
  'bq',
  'az',
  'railway',
  'kubectl',
  'helm',
  'terraform',
  'tofu',
  'pulumi',
  'flyctl',
  'fly',
  'doctl',
  'heroku',
  'vercel',
  'netlify',
  'wrangler',
  'supabase',
  'neonctl',
  'pscale',
  'psql',
  'mysql',
  'mariadb',
  'redis-cli',
  'mongosh',
  'mongo',
  'dropdb',
  'pg_restore',
  'curl',
  'wget',
  'xh',
  'http',
  'gh',
  'firebase',
  'cdk',
]);
const DOCKER_RUN_VALUED = [
  '-e',
  '--env',
  '--env-file',
  '-v',
  '--volume',
  '-w',
  '--workdir',
  '-u',
  '--user',
  '--name',
  '--network',
  '--net',
  '-p',
  '--publish',
  '--entrypoint',
  '-l',
  '--label',
  '--mount',
  '--platform',
  '-h',
  '--hostname',
  '--add-host',
  '--cpus',
  '-m',
  '--memory',
  '--pull',
  '--restart',
  '--log-driver',
  '--dns',
  '--cap-add',
  '--cap-drop',
  '--device',
  '--ipc',
  '--pid',
  '--security-opt',
  '--ulimit',
  '--tmpfs',
  '--shm-size',
  '--gpus',
  '--cidfile',
  '--stop-signal',
  '--health-cmd',
  '-a',
  '--attach',
  '--runtime',
  '--group-add',
  '--label-file',
  '--link',
  '--expose',
  '--mac-address',
  '--ip',
];

function dockerRun(argv: string[]): Unwrapped | undefined {
  const at = argv[1] === 'run' ? 2 : argv[1] === 'container' && argv[2] === 'run' ? 3 : -1;
  if (at < 0) return undefined;
  const image = afterOptions(argv, at, DOCKER_RUN_VALUED);
  if (image === -1) return undefined;
  const entrypoint = optionValues(argv.slice(0, image), ['--entrypoint'])[0];
  const rest = argv.slice(image + 1);
  const cli = CLI_IMAGES.find(([re]) => re.test(argv[image]!))?.[1];
  const inner = entrypoint ? [entrypoint, ...rest] : cli ? [cli, ...rest] : rest;
  if (inner.length === 0 || inner[0] === '') return undefined;
  // Inside a throwaway container `rm -rf /var/cache` touches only the container (the docker pack
  // judges mounts); a cloud or database CLI there reaches the same remote resources as outside.
  if (!REMOTE_TOOLS.has(inner[0]!.split('/').pop()!)) return undefined;
  // The docker command itself stays a command too: its own rules (volumes, privileges) still apply.
  return { kind: 'many', argvs: [inner], via: `docker run ${argv[image]}`, step: `the container ${argv[image]} runs ${inner.join(' ')}` };
}

function ansible(argv: string[]): Unwrapped | undefined {
  const module = optionValues(argv, ['-m', '--module-name'])[0] ?? 'command';
  const args = optionValues(argv, ['-a', '--args'])[0];
  if (args === undefined) return undefined;
  const inner = module.replace(/^ansible\.builtin\./, '');
  if (!['command', 'shell', 'raw', 'script'].includes(inner)) return undefined;
  const text = inner === 'script' ? `sh ${args}` : args.replace(/\b(chdir|creates|removes|executable)=\S+\s*/g, '');
  return { kind: 'many', argvs: [['sh', '-c', text]], via: `ansible -m ${module}`, step: `ansible runs on its hosts: ${text}` };
}

function tmux(argv: string[]): Unwrapped | undefined {
  const sub = argv.findIndex((w, i) => i > 0 && !w.startsWith('-'));
  if (sub < 0) return undefined;
  const verb = argv[sub]!;
  if (verb === 'send-keys' || verb === 'send') {
    const keys = commandAfter(argv, sub + 1, ['-t', '-N']).filter((k) => !/^(Enter|C-m|KPEnter)$/.test(k));
    return keys.length ? shell(keys.join(' '), 'tmux send-keys') : undefined;
  }
  if (
    ![
      'new-session',
      'new',
      'new-window',
      'neww',
      'split-window',
      'splitw',
      'respawn-pane',
      'respawnp',
      'respawn-window',
      'respawnw',
      'run-shell',
      'run',
      'display-popup',
      'popup',
      'pipe-pane',
      'pipep',
    ].includes(verb)
  )
    return undefined;
  const words = commandAfter(argv, sub + 1, ['-s', '-n', '-t', '-c', '-x', '-y', '-F', '-e', '-l', '-p', '-f', '-T']);
  return words.length ? shell(words.join(' '), `tmux ${verb}`) : undefined;
}

function hyperfine(argv: string[]): Unwrapped | undefined {
  const valued = [
    '-w',
    '--warmup',
    '-m',
    '--min-runs',
    '-M',
    '--max-runs',
    '-r',
    '--runs',
    '-s',
    '--setup',
    '-p',
    '--prepare',
    '-c',
    '--cleanup',
    '-P',
    '--parameter-scan',
    '-D',
    '--parameter-step-size',
    '-L',
    '--parameter-list',
    '-S',
    '--shell',
    '--style',
    '--sort',
    '-u',
    '--time-unit',
    '--export-asciidoc',
    '--export-csv',
    '--export-json',
    '--export-markdown',
    '--export-orgmode',
    '--output',
    '--input',
    '-n',
    '--command-name',
  ];
  const commands = optionValues(argv, ['-s', '--setup', '-p', '--prepare', '-c', '--cleanup', '--conclude']);
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('-')) {
      if (valued.includes(arg)) i += arg === '-P' || arg === '--parameter-scan' ? 3 : arg === '-L' || arg === '--parameter-list' ? 2 : 1;
      continue;
    }
    commands.push(arg);
  }
  return texts(commands, 'hyperfine');
}

function concurrently(argv: string[]): Unwrapped | undefined {
  const valued = [
    '-n',
    '--names',
    '-c',
    '--prefix-colors',
    '-p',
    '--prefix',
    '-l',
    '--prefix-length',
    '-t',
    '--timestamp-format',
    '--name-separator',
    '-s',
    '--success',
    '--restart-tries',
    '--restart-after',
    '--max-processes',
    '-m',
    '--default-input-target',
    '--kill-signal',
    '--pad-prefix',
    '--handle-input',
    '--passthrough-arguments',
    '-P',
  ];
  const commands: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('-')) {
      if (valued.includes(arg)) i++;
      continue;
    }
    commands.push(arg);
  }
  // `concurrently "npm:build"` runs the package script build.
  return texts(
    commands.map((c) => c.replace(/^(npm|yarn|pnpm|bun):(\S+)/, '$1 run $2')),
    'concurrently',
  );
}

/** What a runner wrapper runs; undefined for anything else. `argv[0]` is the plain tool name. */
export function unwrapRunner(argv: string[]): Unwrapped | undefined {
  const name = argv[0]!;
  const [, first] = argv;
  switch (name) {
    case 'cross-env': {
      let i = 1;
      while (i < argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i]!)) i++;
      const assignments = Object.fromEntries(argv.slice(1, i).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
      return i < argv.length ? { kind: 'argv', argv: argv.slice(i), via: 'cross-env', assignments, step: `cross-env runs ${argv[i]}` } : undefined;
    }
    case 'cross-env-shell': {
      let i = 1;
      while (i < argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i]!)) i++;
      return i < argv.length ? shell(argv.slice(i).join(' '), 'cross-env-shell') : undefined;
    }
    case 'dotenvx':
    case 'infisical':
    case 'envkey-source':
    case 'teller':
    case 'chamber':
    case 'sops':
    case 'summon':
    case 'with-contenv': {
      if (name === 'infisical' && first === 'run') {
        const text = optionValues(argv, ['--command'])[0];
        if (text !== undefined) return shell(text, 'infisical run --command');
      }
      if (name === 'sops' && first === 'exec-env') return argv[3] !== undefined ? shell(argv[3], 'sops exec-env') : undefined;
      if (name === 'chamber' && first === 'exec') {
        const end = argv.indexOf('--');
        return end > 0 && end + 1 < argv.length ? run(argv.slice(end + 1), 'chamber exec') : undefined;
      }
      if (name === 'dotenvx' || name === 'infisical' || name === 'teller' || name === 'summon' || name === 'with-contenv') {
        const verb = name === 'summon' || name === 'with-contenv' ? 0 : argv.indexOf('run');
        if (verb < 0) return undefined;
        const end = argv.indexOf('--');
        const inner =
          end > verb
            ? argv.slice(end + 1)
            : commandAfter(argv, verb + 1, [
                '-f',
                '--env-file',
                '--env',
                '--projectId',
                '--path',
                '--token',
                '--domain',
                '-p',
                '--provider',
                '--config',
                '-c',
                '--overload',
                '--convention',
                '-e',
              ]);
        return inner.length ? run(inner, `${name} run`) : undefined;
      }
      return undefined;
    }
    case 'direnv':
      return first === 'exec' && argv.length > 3 ? run(argv.slice(3), 'direnv exec') : undefined;
    case 'nix-shell': {
      const text = optionValues(argv, ['--run', '--command'])[0];
      return text !== undefined ? shell(text, 'nix-shell --run') : undefined;
    }
    case 'nix': {
      if (first !== 'develop' && first !== 'shell') return undefined;
      const at = argv.findIndex((w) => w === '-c' || w === '--command');
      return at > 0 && at + 1 < argv.length ? run(argv.slice(at + 1), `nix ${first} -c`) : undefined;
    }
    case 'tmux':
      return tmux(argv);
    case 'screen': {
      // `-dmS name`: bundled flags whose last one takes the next word.
      const unbundled = argv.flatMap((a, i) => (i > 0 && /^-[a-zA-Z]{2,}$/.test(a) && a !== '-Logfile' ? [...a.slice(1)].map((c) => `-${c}`) : [a]));
      const inner = commandAfter(unbundled, 1, ['-S', '-c', '-e', '-h', '-p', '-r', '-T', '-X', '-L', '-Logfile', '-t']);
      if (argv.includes('-X') && argv.includes('stuff')) return shell(argv[argv.indexOf('stuff') + 1] ?? '', 'screen -X stuff');
      return inner.length ? run(inner, 'screen') : undefined;
    }
    case 'script': {
      const bundled = argv.findIndex((a, i) => i > 0 && /^-[a-zA-Z]*c$/.test(a));
      const text = bundled > 0 ? argv[bundled + 1] : optionValues(argv, ['--command'])[0];
      return text !== undefined ? shell(text, 'script -c') : undefined;
    }
    case 'at':
    case 'batch': {
      const file = optionValues(argv, ['-f'])[0];
      if (file !== undefined) return { kind: 'script-file', path: file, via: `${name} -f`, step: `${name} runs the commands in ${file} later` };
      if (argv.some((a) => /^-[lrdc]$/.test(a) || a === '-V')) return undefined; // lists, removes or shows jobs
      return { kind: 'stdin-script', via: name, step: `${name} runs the commands on its standard input later` };
    }
    case 'hyperfine':
      return hyperfine(argv);
    case 'watchexec': {
      const inner = commandAfter(argv, 1, [
        '-w',
        '--watch',
        '-e',
        '--exts',
        '-f',
        '--filter',
        '-i',
        '--ignore',
        '-s',
        '--signal',
        '-d',
        '--debounce',
        '--delay-run',
        '--shell',
        '-W',
        '--watch-non-recursive',
        '--project-origin',
        '--workdir',
        '--on-busy-update',
        '--stop-signal',
        '--stop-timeout',
        '-E',
        '--env',
        '--filter-file',
        '--ignore-file',
        '--emit-events-to',
        '--poll',
        '--timeout',
        '-j',
        '--filter-prog',
        '--fs-events',
        '--wrap-process',
        '--color',
        '--print-events',
        '--only-emit-events',
        '--socket',
        '-n',
      ]);
      return inner.length ? shell(inner.join(' '), 'watchexec') : undefined;
    }
    case 'concurrently':
      return concurrently(argv);
    case 'chronic':
    case 'eatmydata':
    case 'torsocks':
    case 'torify':
    case 'sem':
      return argv.length > 1 ? run(argv.slice(1 + (argv[1] === '--' ? 1 : 0)), name) : undefined;
    case 'firejail': {
      const inner = commandAfter(argv, 1, []);
      return inner.length ? run(inner, 'firejail') : undefined;
    }
    case 'proxychains':
    case 'proxychains4': {
      const inner = commandAfter(argv, 1, ['-f']);
      return inner.length ? run(inner, name) : undefined;
    }
    case 'fakeroot': {
      const inner = commandAfter(argv, 1, ['-l', '--lib', '--faked', '-s', '-i', '-b']);
      return inner.length ? run(inner, 'fakeroot') : undefined;
    }
    case 'pkexec': {
      const inner = commandAfter(argv, 1, ['--user', '-u']);
      return inner.length ? run(inner, 'pkexec') : undefined;
    }
    case 'sg':
    case 'newgrp': {
      const at = argv.indexOf('-c');
      if (at > 0 && argv[at + 1] !== undefined) return shell(argv[at + 1]!, `${name} -c`);
      return name === 'sg' && argv.length > 2 ? shell(argv.slice(2).join(' '), 'sg') : undefined;
    }
    case 'valgrind': {
      const inner = commandAfter(argv, 1, []);
      return inner.length ? run(inner, 'valgrind') : undefined;
    }
    case 'gdb':
    case 'lldb': {
      const at = argv.indexOf(name === 'gdb' ? '--args' : '--');
      if (at > 0 && at + 1 < argv.length) return run(argv.slice(at + 1), `${name} --args`);
      const shells = optionValues(argv, ['-ex', '--eval-command', '-o', '--one-line'])
        .filter((c) => /^\s*(shell|!)\s*/.test(c))
        .map((c) => c.replace(/^\s*(shell|!)\s*/, ''));
      return texts(shells, `${name} shell`);
    }
    case 'perf': {
      if (!['stat', 'record', 'trace', 'sched', 'mem', 'c2c', 'kvm', 'lock'].includes(first ?? '')) return undefined;
      const inner = commandAfter(argv, 2, [
        '-e',
        '--event',
        '-o',
        '--output',
        '-p',
        '--pid',
        '-t',
        '--tid',
        '-r',
        '--repeat',
        '-C',
        '--cpu',
        '-G',
        '--cgroup',
        '-I',
        '--interval-print',
        '-x',
        '--field-separator',
        '-F',
        '--freq',
        '-c',
        '--count',
        '-g',
        '--call-graph',
        '-m',
        '--mmap-pages',
        '-u',
        '--uid',
        '--filter',
      ]);
      return inner.length ? run(inner, `perf ${first}`) : undefined;
    }
    case 'aws-vault': {
      if (first !== 'exec') return undefined;
      const end = argv.indexOf('--');
      const inner =
        end > 0
          ? argv.slice(end + 1)
          : commandAfter(argv, 2, ['-d', '--duration', '-t', '--mfa-token', '--region', '--prompt', '-j', '--json', '--ec2-server', '--lazy'], 1);
      return inner.length ? run(inner, 'aws-vault exec') : undefined;
    }
    case 'mise':
    case 'rtx': {
      if (first !== 'exec' && first !== 'x') return undefined;
      const end = argv.indexOf('--');
      if (end > 0 && end + 1 < argv.length) return run(argv.slice(end + 1), `${name} exec`);
      const text = optionValues(argv, ['-c', '--command'])[0];
      return text !== undefined ? shell(text, `${name} exec -c`) : undefined;
    }
    case 'uv':
    case 'poetry':
    case 'pipenv':
    case 'pdm':
    case 'hatch':
    case 'rye':
    case 'conda':
    case 'micromamba':
    case 'mamba':
    case 'pixi':
    case 'bundle':
    case 'devbox': {
      const verb = name === 'bundle' ? 'exec' : 'run';
      const at = argv.indexOf(verb);
      if (at !== 1 && !(name === 'uv' && argv[1] === 'tool' && argv[2] === 'run')) return undefined;
      if (name === 'uv' && argv[1] === 'tool') {
        const inner = commandAfter(argv, 3, ['--from', '--with', '-p', '--python', '--index-url', '--extra-index-url']);
        return inner.length ? run(inner, 'uv tool run') : undefined;
      }
      const inner = commandAfter(argv, at + 1, [
        '--with',
        '--with-requirements',
        '-p',
        '--python',
        '--package',
        '--extra',
        '--group',
        '--env-file',
        '--directory',
        '--project',
        '-n',
        '--name',
        '-e',
        '--environment',
        '--index-url',
        '--frozen-lockfile',
        '--env',
        '-C',
        '--cwd',
        '--from',
      ]);
      // `uv run script.py` runs the file with python; a name on PATH runs as a command.
      if (inner.length && /\.py$/.test(inner[0]!)) return run(['python', ...inner], `${name} run`);
      return inner.length ? run(inner, `${name} ${verb}`) : undefined;
    }
    case 'ansible':
      return ansible(argv);
    case 'docker':
    case 'podman':
    case 'nerdctl':
      return dockerRun(argv);
    default:
      return undefined;
  }
}
