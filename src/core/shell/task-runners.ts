/**
 * Task and test runners run code that is not on the line: `make wipe` runs the Makefile's recipe,
 * `just`, `task` and `mise run` their recipes, `pytest` imports every conftest.py, `jest` and
 * `vitest` execute their config file (and its globalSetup). Each runner here reads what it would
 * run and hands it back as shell text or programs for the reducer to check. A file that exists
 * but cannot be read (or was written earlier on the line with unknown content) is reported;
 * a missing one is not, since the runner would then fail without running anything.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { StdinSource } from './command';

// smol-toml ships only as an ES module; esbuild bundles it, tsx and Node 22 load it through require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse: parseToml } = require('smol-toml') as typeof import('smol-toml', { with: { 'resolution-mode': 'import' }});

export interface RunnerFiles {
  /** Reads a file (absolute path) as it will be when the line runs it. */
  read(path: string): string | undefined;
  /** Something is at the path, readable or not (or the line wrote it). */
  exists(path: string): boolean;
}

export interface TaskPlan {
  /** Shell text the runner executes, with the folder it runs in. */
  scripts: Array<{ text: string; cwd: string; via: string }>;
  /** Programs it runs (an interpreter on a file, or on code fed to standard input). */
  programs: Array<{ argv: string[]; cwd: string; via: string; stdin?: StdinSource }>;
  /** What it would run that cannot be read, as whole phrases. */
  unreadable: string[];
}

const emptyPlan = (): TaskPlan => ({ scripts: [], programs: [], unreadable: [] });
const abs = (cwd: string, path: string): string => (isAbsolute(path) ? path : join(cwd, path));

/** The first of `names` in `dir` that exists; read as it will be. */
function firstFile(dir: string, names: readonly string[], files: RunnerFiles): { path: string; text: string | undefined } | undefined {
  for (const name of names) {
    const path = join(dir, name);
    if (files.exists(path)) return { path, text: files.read(path) };
  }
  return undefined;
}

/** A recipe body that starts with `#!`: run by that interpreter, fed the body on standard input. */
function recipe(plan: TaskPlan, body: string, cwd: string, via: string): void {
  const shebang = /^\s*#!\s*(\S+)(?:\s+(\S+))?/.exec(body);
  if (!shebang) {
    plan.scripts.push({ text: body, cwd, via });
    return;
  }
  const interpreter = /\/env$/.test(shebang[1]!) && shebang[2] ? shebang[2] : shebang[1]!.split('/').pop()!;
  if (/^(ba|da|z|k)?sh$/.test(interpreter)) {
    plan.scripts.push({ text: body, cwd, via });
    return;
  }
  plan.programs.push({ argv: [interpreter, '-'], cwd, via, stdin: { kind: 'text', text: body.replace(/^\s*#![^\n]*\n/, ''), from: 'heredoc' } });
}

// --- make -----------------------------------------------------------------------------------

interface MakeRule {
  deps: string[];
  recipe: string[];
}

/** Targets, their prerequisites and recipes, and simple variables, from Makefile text. */
export function parseMakefile(text: string): { rules: Map<string, MakeRule>; first?: string; vars: Map<string, string>; includes: string[] } {
  const rules = new Map<string, MakeRule>();
  const vars = new Map<string, string>();
  const includes: string[] = [];
  let first: string | undefined;
  let current: MakeRule[] = [];
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const line of lines) {
    if (line.startsWith('\t')) {
      const command = line
        .slice(1)
        .replace(/^[@+-]+/, '')
        .trim();
      if (command && !command.startsWith('#')) for (const rule of current) rule.recipe.push(command);
      continue;
    }
    const trimmed = line.replace(/(^|[^\\])#.*$/, '$1').trim();
    if (!trimmed) continue;
    const include = /^-?s?include\s+(.+)$/.exec(trimmed);
    if (include) {
      includes.push(...include[1]!.split(/\s+/));
      current = [];
      continue;
    }
    const assign = /^(?:export\s+|override\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?::{1,3}|\?|\+|!)?=\s*(.*)$/.exec(trimmed);
    if (assign) {
      vars.set(assign[1]!, assign[2]!);
      current = [];
      continue;
    }
    const rule = /^([^:=]+?)\s*::?\s*([^=]*)$/.exec(trimmed);
    if (rule) {
      const [deps, inline] = rule[2]!.split(';', 2);
      current = [];
      for (const target of rule[1]!.split(/\s+/).filter(Boolean)) {
        const entry = rules.get(target) ?? { deps: [], recipe: [] };
        entry.deps.push(...deps!.split(/\s+/).filter(Boolean));
        if (inline?.trim()) entry.recipe.push(inline.trim());
        rules.set(target, entry);
        current.push(entry);
        if (!first && !target.startsWith('.') && !target.includes('%')) first = target;
      }
      continue;
    }
    current = [];
  }
  return { rules, vars, includes, ...(first ? { first } : {}) };
}

/** Expanded recipes longer than this are not followed: the runner is asked about instead. */
const MAX_EXPANDED_CHARS = 64 * 1024;
/** Prerequisite chains deeper than this are not followed: the runner is asked about instead. */
const MAX_CHAIN = 50;
/** YAML and TOML files larger than this are not parsed (a YAML parser is slow on adversarial input). */
const MAX_CONFIG_CHARS = 64 * 1024;

class TooLarge extends Error {}

/**
 * `$(VAR)`, `${VAR}` and automatic variables expanded as far as the Makefile says; `$$` is `$`.
 * Each variable is expanded once; a cycle is unknown; output past the cap throws TooLarge.
 */
function makeExpand(text: string, vars: Map<string, string>, target: string, deps: string[], memo = new Map<string, string | null>()): string {
  const out = text.replace(
    /\$(\$|@|<|\^|\*|\?|\(([A-Za-z_][A-Za-z0-9_.-]*)\)|\{([A-Za-z_][A-Za-z0-9_.-]*)\})/g,
    (whole, sign: string, paren?: string, brace?: string) => {
      if (sign === '$') return '$';
      if (sign === '@') return target;
      if (sign === '<') return deps[0] ?? '';
      if (sign === '^' || sign === '?') return deps.join(' ');
      if (sign === '*') return target;
      const name = paren ?? brace!;
      const unknown = '"$MAKE_' + name.replace(/[^A-Za-z0-9_]/g, '_') + '"';
      const value = vars.get(name);
      if (value === undefined) return unknown;
      if (memo.has(name)) return memo.get(name) ?? unknown; // null: being expanded, a cycle
      memo.set(name, null);
      const expanded = makeExpand(value, vars, target, deps, memo);
      memo.set(name, expanded);
      return expanded;
    },
  );
  if (out.length > MAX_EXPANDED_CHARS) throw new TooLarge();
  return out;
}

function make(args: string[], cwd: string, stdin: StdinSource | undefined, files: RunnerFiles): TaskPlan | undefined {
  const plan = emptyPlan();
  let dir = cwd;
  const makefiles: string[] = [];
  const targets: string[] = [];
  const vars = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (/^(-n|--dry-run|--just-print|--recon|-q|--question|-p|--print-data-base|--help|-v|--version)$/.test(arg)) return undefined;
    if (arg === '-C' || arg === '--directory') {
      dir = abs(dir, args[++i] ?? '.');
      continue;
    }
    if (arg.startsWith('--directory=')) {
      dir = abs(dir, arg.slice(12));
      continue;
    }
    if (arg === '-f' || arg === '--file' || arg === '--makefile') {
      makefiles.push(args[++i] ?? '');
      continue;
    }
    if (/^--(file|makefile)=/.test(arg)) {
      makefiles.push(arg.slice(arg.indexOf('=') + 1));
      continue;
    }
    if (/^-f./.test(arg)) {
      makefiles.push(arg.slice(2));
      continue;
    }
    if (['-I', '--include-dir', '-j', '--jobs', '-l', '--load-average', '-o', '--old-file', '-W', '--what-if', '--assume-new', '--eval'].includes(arg)) {
      if (arg === '--eval') plan.unreadable.push(`make --eval ${args[i + 1] ?? ''}`);
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    const eq = /^([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/.exec(arg);
    if (eq) {
      vars.set(eq[1]!, eq[2]!);
      continue;
    }
    targets.push(arg);
  }
  const texts: Array<{ text: string; path: string }> = [];
  if (makefiles.length === 0) {
    const found = firstFile(dir, ['GNUmakefile', 'makefile', 'Makefile'], files);
    if (!found) return undefined; // make fails: "no makefile found"
    if (found.text === undefined) return { ...plan, unreadable: [...plan.unreadable, `the Makefile ${found.path}`] };
    texts.push({ text: found.text, path: found.path });
  }
  for (const file of makefiles) {
    if (file === '-' || file === '/dev/stdin' || file === '/proc/self/fd/0') {
      if (stdin?.kind === 'text') texts.push({ text: stdin.text, path: 'standard input' });
      else if (stdin?.kind === 'file' && files.read(abs(cwd, stdin.path)) !== undefined)
        texts.push({ text: files.read(abs(cwd, stdin.path))!, path: stdin.path });
      else plan.unreadable.push(`a Makefile piped in from ${stdin?.kind === 'opaque' ? stdin.from : 'standard input'}`);
      continue;
    }
    const path = abs(dir, file);
    const text = files.read(path);
    if (text === undefined) {
      if (files.exists(path) || /^\/dev\/fd\/|^\/proc\//.test(file)) plan.unreadable.push(`the Makefile ${file}`);
      continue;
    }
    texts.push({ text, path });
  }
  // make's own defaults, so `$(MAKE) -C sub` and `$(CC) -o x` read as the commands they are.
  const merged = {
    rules: new Map<string, MakeRule>(),
    vars: new Map<string, string>([
      ['MAKE', 'make'],
      ['CC', 'cc'],
      ['CXX', 'c++'],
      ['RM', 'rm -f'],
      ['AR', 'ar'],
      ['LD', 'ld'],
      ['SHELL', '/bin/sh'],
    ]),
    first: undefined as string | undefined,
  };
  for (const { text, path } of texts) {
    const parsed = parseMakefile(text);
    for (const include of parsed.includes) {
      const included = /[$*?]/.test(include) ? undefined : files.read(abs(dirname(path === 'standard input' ? join(dir, 'x') : path), include));
      if (included === undefined) {
        if (!include.startsWith('-') && files.exists(abs(dir, include))) plan.unreadable.push(`the included makefile ${include}`);
        continue;
      }
      const inner = parseMakefile(included);
      for (const [k, v] of inner.rules) if (!parsed.rules.has(k)) parsed.rules.set(k, v);
      for (const [k, v] of inner.vars) if (!parsed.vars.has(k)) parsed.vars.set(k, v);
    }
    for (const [k, v] of parsed.rules) merged.rules.set(k, v);
    for (const [k, v] of parsed.vars) merged.vars.set(k, v);
    merged.first ??= parsed.first;
  }
  for (const [k, v] of vars) merged.vars.set(k, v);
  const wanted = targets.length ? targets : merged.first ? [merged.first] : [];
  const done = new Set<string>();
  const visit = (target: string, depth: number): void => {
    if (done.has(target)) return;
    if (depth > MAX_CHAIN) {
      plan.unreadable.push(`prerequisites chained deeper than ${MAX_CHAIN} targets`);
      return;
    }
    done.add(target);
    const rule = merged.rules.get(target);
    if (!rule) return;
    for (const dep of rule.deps) visit(dep, depth + 1);
    if (!rule.recipe.length) return;
    try {
      plan.scripts.push({ text: rule.recipe.map((line) => makeExpand(line, merged.vars, target, rule.deps)).join('\n'), cwd: dir, via: `make ${target}` });
    } catch (error) {
      if (!(error instanceof TooLarge)) throw error;
      plan.unreadable.push(`the recipe of ${target}, whose variables expand past ${MAX_EXPANDED_CHARS / 1024} KB`);
    }
  };
  for (const target of wanted) visit(target, 0);
  if (plan.scripts.length > MAX_CHAIN) plan.unreadable.push(`more than ${MAX_CHAIN} recipes`);
  return plan;
}

// --- just -----------------------------------------------------------------------------------

export function parseJustfile(text: string): { recipes: Map<string, { deps: string[]; body: string; params: number }>; first?: string } {
  const recipes = new Map<string, { deps: string[]; body: string; params: number }>();
  let first: string | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const header = /^@?([A-Za-z_][A-Za-z0-9_-]*)((?:\s+[*+$]?[A-Za-z_][A-Za-z0-9_]*(?:=\S+)?)*)\s*:(?!=)\s*(.*)$/.exec(lines[i]!);
    if (!header) continue;
    const body: string[] = [];
    while (i + 1 < lines.length && (/^[ \t]+\S/.test(lines[i + 1]!) || lines[i + 1]!.trim() === ''))
      body.push(lines[++i]!.replace(/^[ \t]+/, '').replace(/^[@-]+/, ''));
    const deps = header[3]!
      .replace(/#.*$/, '')
      .split(/\s+/)
      .filter(Boolean)
      .map((d) => d.replace(/^\(|\)$/g, '').split(/\s+/)[0]!)
      .filter((d) => d !== '&&');
    recipes.set(header[1]!, { deps, body: body.join('\n').trim(), params: header[2]!.trim() ? header[2]!.trim().split(/\s+/).length : 0 });
    first ??= header[1];
  }
  return { recipes, ...(first ? { first } : {}) };
}

function just(args: string[], cwd: string, files: RunnerFiles): TaskPlan | undefined {
  const plan = emptyPlan();
  let file: string | undefined;
  let dir = cwd;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (
      /^(-n|--dry-run|-l|--list|--summary|--show|-s|--evaluate|--dump|--help|-h|--version|-V|--choose|--variables|--fmt|--init|--edit|-e|--completions)$/.test(
        arg,
      )
    )
      return undefined;
    if (arg === '-f' || arg === '--justfile') {
      file = args[++i];
      continue;
    }
    if (arg === '-d' || arg === '--working-directory') {
      dir = abs(cwd, args[++i] ?? '.');
      continue;
    }
    if (arg === '--set') {
      i += 2;
      continue;
    }
    if (
      [
        '--shell',
        '--shell-arg',
        '--dotenv-filename',
        '--dotenv-path',
        '--color',
        '--command-color',
        '--list-heading',
        '--list-prefix',
        '--chooser',
        '--timestamp-format',
      ].includes(arg)
    ) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    words.push(arg.replace(/^.*::/, ''));
  }
  let found: { path: string; text: string | undefined } | undefined;
  if (file !== undefined) found = { path: abs(cwd, file), text: files.read(abs(cwd, file)) };
  else
    for (let d = cwd, hops = 0; hops < 40 && !found; d = dirname(d), hops++) {
      found = firstFile(d, ['justfile', 'Justfile', '.justfile', 'JUSTFILE'], files);
      if (dirname(d) === d) break;
    }
  if (!found) return undefined;
  if (found.text === undefined) {
    plan.unreadable.push(`the justfile ${found.path}`);
    return plan;
  }
  const { recipes, first } = parseJustfile(found.text);
  if (/^(import|mod)\??\s/m.test(found.text)) plan.unreadable.push(`modules or files ${found.path} imports`);
  const wanted = words.length ? words.filter((w) => recipes.has(w)) : recipes.has('default') ? ['default'] : first ? [first] : [];
  const done = new Set<string>();
  const visit = (name: string, depth: number): void => {
    if (done.has(name)) return;
    if (depth > MAX_CHAIN) {
      plan.unreadable.push(`recipe dependencies chained deeper than ${MAX_CHAIN}`);
      return;
    }
    done.add(name);
    const entry = recipes.get(name);
    if (!entry) return;
    for (const dep of entry.deps) visit(dep, depth + 1);
    // `{{ arg }}` interpolations are only known when just runs: they stay unknown words.
    if (entry.body)
      recipe(
        plan,
        entry.body.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => `"$JUST_${expr.replace(/[^A-Za-z0-9_]/g, '_')}"`),
        dir === cwd ? dirname(found!.path) : dir,
        `just ${name}`,
      );
  };
  for (const name of wanted) visit(name, 0);
  return plan;
}

// --- task (go-task) and mise ----------------------------------------------------------------

type TaskDef = { cmds: unknown[]; deps: unknown[]; dir?: string };

function taskDef(value: unknown): TaskDef | undefined {
  if (typeof value === 'string') return { cmds: [value], deps: [] };
  if (Array.isArray(value)) return { cmds: value, deps: [] };
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const cmds = Array.isArray(v.cmds) ? v.cmds : typeof v.cmd === 'string' ? [v.cmd] : Array.isArray(v.run) ? v.run : typeof v.run === 'string' ? [v.run] : [];
  const deps = Array.isArray(v.deps) ? v.deps : Array.isArray(v.depends) ? v.depends : typeof v.depends === 'string' ? [v.depends] : [];
  return { cmds, deps, ...(typeof v.dir === 'string' ? { dir: v.dir } : {}) };
}

function runTasks(plan: TaskPlan, tasks: Record<string, unknown>, wanted: string[], dir: string, runner: string): void {
  const done = new Set<string>();
  const visit = (name: string, depth: number): void => {
    if (done.has(name)) return;
    if (depth > MAX_CHAIN) {
      plan.unreadable.push(`${runner} tasks chained deeper than ${MAX_CHAIN}`);
      return;
    }
    done.add(name);
    if (!Object.hasOwn(tasks, name)) {
      plan.unreadable.push(`the ${runner} task ${name}, which Airlock cannot find (included from another file?)`);
      return;
    }
    const def = taskDef(tasks[name]);
    if (!def) return;
    for (const dep of def.deps) {
      if (typeof dep === 'string') visit(dep, depth + 1);
      else if (dep && typeof dep === 'object' && typeof (dep as { task?: unknown }).task === 'string') visit((dep as { task: string }).task, depth + 1);
    }
    const where = def.dir ? abs(dir, def.dir) : dir;
    for (const cmd of def.cmds) {
      const text = typeof cmd === 'string' ? cmd : cmd && typeof cmd === 'object' ? (cmd as { cmd?: unknown }).cmd : undefined;
      const sub = cmd && typeof cmd === 'object' ? (cmd as { task?: unknown }).task : undefined;
      if (typeof sub === 'string') visit(sub, depth + 1);
      if (typeof text === 'string')
        recipe(
          plan,
          text.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => `"$TASK_${expr.replace(/[^A-Za-z0-9_]/g, '_')}"`),
          where,
          `${runner} ${name}`,
        );
    }
  };
  for (const name of wanted) visit(name, 0);
}

function task(args: string[], cwd: string, files: RunnerFiles): TaskPlan | undefined {
  const plan = emptyPlan();
  let file: string | undefined;
  let dir = cwd;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (/^(-n|--dry|-l|--list|-a|--list-all|--summary|--help|-h|--version|--init|-i|--status)$/.test(arg)) return undefined;
    if (arg === '-t' || arg === '--taskfile') {
      file = args[++i];
      continue;
    }
    if (arg === '-d' || arg === '--dir') {
      dir = abs(cwd, args[++i] ?? '.');
      continue;
    }
    if (['-o', '--output', '-c', '--concurrency', '-I', '--interval', '--sort'].includes(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-') || arg.includes('=')) continue;
    names.push(arg);
  }
  const found =
    file !== undefined
      ? { path: abs(dir, file), text: files.read(abs(dir, file)) }
      : firstFile(dir, ['Taskfile.yml', 'taskfile.yml', 'Taskfile.yaml', 'taskfile.yaml', 'Taskfile.dist.yml', 'taskfile.dist.yml'], files);
  if (!found) return undefined;
  if (found.text === undefined) {
    plan.unreadable.push(`the Taskfile ${found.path}`);
    return plan;
  }
  if (found.text.length > MAX_CONFIG_CHARS) {
    plan.unreadable.push(`the Taskfile ${found.path} (larger than ${MAX_CONFIG_CHARS / 1024} KB)`);
    return plan;
  }
  let doc: { tasks?: unknown; includes?: unknown } | null;
  try {
    doc = parseYaml(found.text) as typeof doc;
  } catch {
    plan.unreadable.push(`the Taskfile ${found.path} (not valid YAML)`);
    return plan;
  }
  const tasks = doc?.tasks && typeof doc.tasks === 'object' ? (doc.tasks as Record<string, unknown>) : {};
  runTasks(plan, tasks, names.length ? names : ['default'], dirname(found.path), 'task');
  return plan;
}

function mise(args: string[], cwd: string, files: RunnerFiles): TaskPlan | undefined {
  const at = args[0] === 'run' || args[0] === 'r' ? 1 : args[0] === 'tasks' && args[1] === 'run' ? 2 : -1;
  if (at < 0) return undefined;
  const plan = emptyPlan();
  const names: string[] = [];
  for (let i = at; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--' || arg === ':::') break;
    if (arg === '--dry-run' || arg === '-n' || arg === '--help') return undefined;
    if (['-C', '--cd', '-j', '--jobs', '-o', '--output', '-t', '--tool', '-E', '--env'].includes(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    names.push(arg);
    break; // later words are the task's own arguments
  }
  const wanted = names.length ? names : ['default'];
  const tasks: Record<string, unknown> = {};
  for (const name of ['mise.toml', '.mise.toml', 'mise/config.toml', '.mise/config.toml', '.config/mise.toml', '.config/mise/config.toml']) {
    const path = join(cwd, name);
    if (!files.exists(path)) continue;
    const text = files.read(path);
    if (text === undefined || text.length > MAX_CONFIG_CHARS) {
      plan.unreadable.push(`the mise config ${path}`);
      continue;
    }
    try {
      const parsed = parseToml(text) as { tasks?: Record<string, unknown> };
      for (const [k, v] of Object.entries(parsed.tasks ?? {})) if (!(k in tasks)) tasks[k] = v;
    } catch {
      plan.unreadable.push(`the mise config ${path} (not valid TOML)`);
    }
  }
  for (const name of wanted) {
    if (name in tasks) continue;
    // File tasks: an executable named like the task in one of mise's task folders.
    const file = ['mise-tasks', '.mise-tasks', 'mise/tasks', '.mise/tasks', '.config/mise/tasks']
      .map((d) => join(cwd, d, ...name.split(':')))
      .find((p) => files.exists(p));
    if (file) plan.programs.push({ argv: [file], cwd, via: `mise run ${name}` });
    else tasks[name] = undefined;
  }
  runTasks(
    plan,
    Object.fromEntries(Object.entries(tasks).filter(([, v]) => v !== undefined)),
    wanted.filter((n) => n in tasks && tasks[n] !== undefined),
    cwd,
    'mise',
  );
  for (const name of wanted) if (tasks[name] === undefined && name in tasks) plan.unreadable.push(`the mise task ${name}, which Airlock cannot find`);
  return plan;
}

// --- pytest, jest, vitest --------------------------------------------------------------------

function pytest(args: string[], cwd: string, files: RunnerFiles): TaskPlan | undefined {
  if (args.some((a) => a === '--help' || a === '-h' || a === '--version' || a === '-V')) return undefined;
  const plan = emptyPlan();
  const roots = new Set([cwd, join(cwd, 'tests'), join(cwd, 'test')]);
  const valued = new Set([
    '-k',
    '-m',
    '-p',
    '-c',
    '-o',
    '--rootdir',
    '--confcutdir',
    '--basetemp',
    '-W',
    '--junitxml',
    '--maxfail',
    '--tb',
    '--cov',
    '--durations',
    '-n',
    '--ignore',
    '--deselect',
  ]);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (valued.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    const path = abs(cwd, arg.split('::')[0]!);
    // Every folder from the test path up to the working folder may hold a conftest.py.
    for (let d = /\.py$/.test(path) ? dirname(path) : path, hops = 0; d.startsWith(cwd) && hops < 20; d = dirname(d), hops++) roots.add(d);
  }
  for (const root of roots) {
    const conftest = join(root, 'conftest.py');
    if (files.exists(conftest)) plan.programs.push({ argv: ['python3', conftest], cwd, via: 'pytest conftest.py' });
  }
  return plan;
}

const JS_CONFIG_EXTENSIONS = ['js', 'ts', 'mjs', 'cjs', 'mts', 'cts'];

function jsTestRunner(tool: 'jest' | 'vitest', args: string[], cwd: string, files: RunnerFiles): TaskPlan | undefined {
  if (args.some((a) => a === '--help' || a === '-h' || a === '--version' || a === '-v' || a === '--listTests' || a === '--showConfig')) return undefined;
  const plan = emptyPlan();
  const given = args.findIndex((a) => a === '--config' || a === '-c');
  const inline = args.find((a) => a.startsWith('--config='))?.slice(9);
  const configPath = inline ?? (given >= 0 ? args[given + 1] : undefined);
  let config: string | undefined;
  if (configPath !== undefined && !configPath.trim().startsWith('{')) config = abs(cwd, configPath);
  else if (configPath === undefined)
    config =
      JS_CONFIG_EXTENSIONS.map((ext) => join(cwd, `${tool}.config.${ext}`)).find((p) => files.exists(p)) ??
      (tool === 'vitest' ? JS_CONFIG_EXTENSIONS.map((ext) => join(cwd, `vite.config.${ext}`)).find((p) => files.exists(p)) : undefined);
  if (config === undefined) return plan;
  if (config.endsWith('.json')) return plan;
  // The config is a module the runner executes; globalSetup and setup files it names run too.
  plan.programs.push({ argv: ['node', config], cwd, via: `${tool} config` });
  const text = files.read(config);
  if (text === undefined) return plan;
  for (const m of text.matchAll(/\b(globalSetup|globalTeardown|setupFiles|setupFilesAfterEnv|testEnvironment)\s*:\s*(\[[^\]]*\]|['"`][^'"`]+['"`])/g)) {
    for (const file of m[2]!.matchAll(/['"`]([^'"`]+)['"`]/g)) {
      const path = file[1]!.replace(/^<rootDir>\//, '');
      if (/^\.{0,2}\//.test(path) || /\.[cm]?[jt]s$/.test(path))
        plan.programs.push({ argv: ['node', abs(dirname(config), path)], cwd, via: `${tool} ${m[1]}` });
    }
  }
  return plan;
}

/** What a task or test runner would run; undefined when `argv` is not one (or only lists or prints). */
export function taskRunnerPlan(argv: readonly string[], cwd: string, stdin: StdinSource | undefined, files: RunnerFiles): TaskPlan | undefined {
  const [name, ...args] = argv;
  switch (name) {
    case 'make':
    case 'gmake':
    case 'bmake':
      return make(args, cwd, stdin, files);
    case 'just':
      return just(args, cwd, files);
    case 'task':
    case 'go-task':
      return task(args, cwd, files);
    case 'mise':
    case 'rtx':
      return mise(args, cwd, files);
    case 'pytest':
    case 'py.test':
      return pytest(args, cwd, files);
    case 'jest':
      return jsTestRunner('jest', args, cwd, files);
    case 'vitest':
      return jsTestRunner('vitest', args[0] === 'run' || args[0] === 'watch' || args[0] === 'dev' ? args.slice(1) : args, cwd, files);
    default:
      return undefined;
  }
}

/** `python -m pytest ...` → `pytest ...`. */
export function pythonModuleRunner(argv: readonly string[]): string[] | undefined {
  if (!/^python[0-9.]*$/.test(argv[0] ?? '')) return undefined;
  const at = argv.indexOf('-m');
  return at > 0 && (argv[at + 1] === 'pytest' || argv[at + 1] === 'py.test') ? ['pytest', ...argv.slice(at + 2)] : undefined;
}
