/**
 * Reduces a shell line to the simple commands it would run (see SimpleCommand), recursively:
 * lists, pipelines, subshells, groups, substitutions, wrappers, package runners, nested shells,
 * scripts on disk, heredocs and here-strings. What cannot be seen through is reported as a
 * problem, never silently dropped: the guard turns problems into `ask`.
 */

import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { resolveFrom } from '../guard/files';
import { isCompiledProgram, whyUnreadable } from '../guard/unreadable-file';
import type { Redirect, SimpleCommand, StdinSource } from './command';
import { hooksRun, trackWrites, type WriteContext, type WrittenFiles } from './line-writes';
import { scriptShellOf, workspaceDirs } from './package-scripts';
import { ParseBudgetExceeded, parseShell, type SyntaxNode } from './parser';
import { pythonModuleRunner, taskRunnerPlan } from './task-runners';
import { isRuntimeWord, toolName, type Unwrapped, unwrapOnce, type WorkspaceSelection, XARGS_INPUT } from './unwrap';
import { evaluateWord, type WordValue } from './words';

export type ProblemKind =
  | 'parse-error'
  | 'too-deep'
  | 'unreadable-script'
  | 'opaque-script-input'
  | 'dynamic-command'
  /** A word that may be the command name or may be assignments (`env $(cat .env | xargs) cmd`). */
  | 'maybe-dynamic-command'
  | 'fork-bomb'
  | 'too-complex';

export interface ReduceProblem {
  kind: ProblemKind;
  /** The part of the line concerned. */
  segment: string;
  detail: string;
}

export interface Reduction {
  commands: SimpleCommand[];
  problems: ReduceProblem[];
  /** Each unwrapping step, in order, for `airlock explain`. */
  steps: string[];
  /** Files the line writes, by absolute path: what they will hold, or null when unknown. */
  written: WrittenFiles;
}

export interface ReduceOptions {
  cwd: string;
  /** Reads a script named on the line (bounded); undefined when it cannot be read. */
  readFile(path: string, cwd: string): string | undefined;
  /** How many nested scripts (`bash -c`, `eval`, script files) deep to follow. */
  maxDepth: number;
  /** True when something is at `path` (readable or not); default: asks the file system. */
  exists?(path: string, cwd: string): boolean;
  /** Sub-folders of an absolute path (workspace globs); default: the file system. */
  listDir?(path: string): string[] | undefined;
}

/** Runs a package.json script body in a folder; `shell` when a script-shell is set. */
type ScriptRunner = ((body: string, cwd: string) => void) & { shell?: string };

/** Above this many nested syntax nodes the walk stops and reports the line as too deep. */
const MAX_SYNTAX_DEPTH = 250;
/** A line running more commands than this is not checked command by command: ask. */
const MAX_COMMANDS = 2000;

/** Interpreters that run a program read from standard input when given no script. */
const STDIN_INTERPRETERS = new Set(['python', 'python3', 'python2', 'node', 'ruby', 'perl', 'php', 'deno', 'bun', 'lua', 'Rscript', 'pwsh', 'powershell']);

interface Scope {
  cwd: string;
  vars: Record<string, string>;
  via: string[];
  /** Nested script depth. */
  depth: number;
  /**
   * Walking a file's text (a script run by path, package.json scripts, recipes), not the line
   * itself: there `exec "$JAVACMD" "$@"` and `$(MAKE) -C sub` are everyday, so a run-time command
   * name asks only with destructive arguments or on a line naming a guarded tool.
   */
  fromFile?: boolean;
}

function child(scope: Scope): Scope {
  return { ...scope, vars: { ...scope.vars } };
}

class Reducer {
  readonly commands: SimpleCommand[] = [];
  readonly problems: ReduceProblem[] = [];
  readonly steps: string[] = [];
  readonly writes: WriteContext = {
    written: new Map(),
    gitConfig: [],
    read: (path, cwd) => this.read(path, cwd),
    output: (command) => outputOf(command, ''),
  };

  constructor(private readonly options: ReduceOptions) {}

  /** Reads a file as it will be at this point of the line: written earlier on it, or on disk. */
  read(path: string, cwd: string): string | undefined {
    const full = resolveFrom(cwd, path);
    if (this.writes.written.has(full)) return this.writes.written.get(full) ?? undefined;
    return this.options.readFile(path, cwd);
  }

  exists(path: string, cwd: string): boolean {
    if (this.options.exists) return this.options.exists(path, cwd);
    try {
      statSync(resolveFrom(cwd, path));
      return true;
    } catch {
      return false;
    }
  }

  /** True when the line wrote `path` earlier (whatever it will hold). */
  wrote(path: string, cwd: string): boolean {
    return this.writes.written.has(resolveFrom(cwd, path));
  }

  problem(kind: ProblemKind, segment: string, detail: string): void {
    if (this.problems.some((p) => p.kind === kind && p.segment === segment)) return;
    this.problems.push({ kind, segment: segment.slice(0, 500), detail });
  }

  step(scope: Scope, text: string): void {
    if (this.steps.length < 500) this.steps.push(`${'  '.repeat(scope.depth)}${text.slice(0, 300)}`);
  }

  script(text: string, scope: Scope, stdin?: StdinSource): void {
    if (scope.depth > this.options.maxDepth) {
      this.problem('too-deep', text, `nested scripts go deeper than ${this.options.maxDepth} levels`);
      return;
    }
    const tree = parseShell(text);
    try {
      if (tree.rootNode.hasError) this.problem('parse-error', text, 'the line is not valid shell syntax');
      this.walk(tree.rootNode, scope, 0, stdin);
    } finally {
      tree.delete();
    }
  }

  walk(node: SyntaxNode, scope: Scope, level: number, stdin?: StdinSource, redirects?: Redirect[], lostWords?: string[]): SimpleCommand[] {
    if (level > MAX_SYNTAX_DEPTH) {
      this.problem('too-deep', node.text, 'the line nests deeper than Airlock follows');
      return [];
    }
    if (this.commands.length > MAX_COMMANDS) {
      this.problem('too-complex', '', `the line runs more than ${MAX_COMMANDS} commands`);
      return [];
    }
    switch (node.type) {
      case 'comment':
      case 'heredoc_body':
      case 'heredoc_start':
      case 'heredoc_end':
        return [];
      case 'command':
        return this.command(node, scope, level, stdin, redirects, lostWords);
      case 'redirected_statement':
        return this.redirected(node, scope, level, stdin);
      case 'pipeline':
        return this.pipeline(node.namedChildren.filter(isNode), scope, level, stdin);
      case 'variable_assignment':
        this.assign(node, scope, level);
        return [];
      case 'declaration_command':
        for (const part of node.namedChildren) {
          if (part?.type === 'variable_assignment') this.assign(part, scope, level);
          else if (part) this.substitutions(part, scope, level);
        }
        return [];
      case 'subshell':
        return this.sequence(node, child(scope), level);
      case 'function_definition':
        return this.functionDefinition(node, scope, level);
      case 'command_substitution':
      case 'process_substitution':
        return this.sequence(node, { ...child(scope), via: [...scope.via, node.type === 'command_substitution' ? '$()' : '<()'] }, level);
      default:
        return this.sequence(node, scope, level, stdin);
    }
  }

  /** Children in order, sharing one scope (so `cd x && ...` and `T=x; $T` carry over). */
  sequence(node: SyntaxNode, scope: Scope, level: number, stdin?: StdinSource): SimpleCommand[] {
    let last: SimpleCommand[] = [];
    for (const part of node.namedChildren) {
      if (part) last = this.walk(part, scope, level + 1, stdin);
    }
    return last;
  }

  /** Walks the body (it may be called later on the line) and spots fork bombs. */
  functionDefinition(node: SyntaxNode, scope: Scope, level: number): SimpleCommand[] {
    const name = node.childForFieldName('name')?.text;
    const before = this.commands.length;
    this.sequence(node, child(scope), level);
    const selfCalls = this.commands.slice(before).filter((c) => c.argv[0] === name).length;
    const body = node.childForFieldName('body')?.text ?? '';
    if (name && (selfCalls >= 2 || (selfCalls === 1 && /&(?!&)/.test(body)))) {
      this.problem('fork-bomb', node.text, `the function ${name} starts copies of itself without end`);
    }
    return [];
  }

  assign(node: SyntaxNode, scope: Scope, level: number): void {
    const name = node.childForFieldName('name')?.text;
    const valueNode = node.childForFieldName('value');
    if (valueNode) this.substitutions(valueNode, scope, level);
    if (!name) return;
    const value = valueNode ? evaluateWord(valueNode, scope.vars) : { value: '', resolved: true, glob: false };
    if (value.resolved) scope.vars[name] = value.value;
    else delete scope.vars[name];
  }

  /** Walks the command and process substitutions inside a word. */
  substitutions(node: SyntaxNode, scope: Scope, level: number): void {
    if (level > MAX_SYNTAX_DEPTH) {
      this.problem('too-deep', node.text, 'the line nests deeper than Airlock follows');
      return;
    }
    if (node.type === 'command_substitution' || node.type === 'process_substitution') {
      this.walk(node, scope, level + 1);
      return;
    }
    for (const part of node.namedChildren) if (part) this.substitutions(part, scope, level + 1);
  }

  pipeline(parts: SyntaxNode[], scope: Scope, level: number, stdin?: StdinSource): SimpleCommand[] {
    let feed = stdin;
    let last: SimpleCommand[] = [];
    for (const part of parts) {
      last = this.walk(part, child(scope), level + 1, feed);
      feed = outputOf(last[last.length - 1], part.text);
    }
    return last;
  }

  redirected(node: SyntaxNode, scope: Scope, level: number, piped?: StdinSource): SimpleCommand[] {
    let stdin = piped;
    const continuations: SyntaxNode[] = [];
    const outputs: Redirect[] = [];
    for (const redirect of node.childrenForFieldName('redirect')) {
      if (!redirect) continue;
      const input = redirectInput(redirect, scope);
      if (input) stdin = input;
      const output = redirectOutput(redirect, scope);
      if (output) outputs.push(output);
      // `cat <<EOF > file`: tree-sitter-bash hangs the output redirect off the heredoc.
      for (const inner of redirect.type === 'heredoc_redirect' ? redirect.namedChildren : []) {
        const nested = inner ? redirectOutput(inner, scope) : undefined;
        if (nested) outputs.push(nested);
      }
      this.substitutions(redirect, scope, level);
      // tree-sitter-bash hangs `cat <<EOF | psql` off the heredoc: `| psql` continues the pipeline.
      for (const part of redirect.namedChildren) {
        if (
          part &&
          ![
            'heredoc_start',
            'heredoc_body',
            'heredoc_end',
            'file_redirect',
            'word',
            'string',
            'raw_string',
            'concatenation',
            'file_descriptor',
            'simple_expansion',
            'expansion',
            'command_substitution',
            'number',
          ].includes(part.type)
        )
          continuations.push(part);
      }
    }
    const body = node.childForFieldName('body');
    const before = this.commands.length;
    let last = body
      ? this.walk(body, scope, level + 1, stdin, outputs, wordsBetween(node, body))
      : // A bare `> file` truncates the file: the same as `: > file`.
        this.expand({ argv: [':'], written: '', assignments: {}, segment: node.text, cwd: scope.cwd, via: scope.via, redirects: outputs }, scope, level);
    // `a && b > f`, `a | tee x > f`, `{ a; b; } > f`: tree-sitter-bash hangs the redirect off the
    // whole list or pipeline. Every command in it is taken to write there (never fewer than the shell).
    if (body && body.type !== 'command' && outputs.length) {
      for (const command of this.commands.slice(before)) {
        if (!command.redirects?.includes(outputs[0]!)) command.redirects = [...(command.redirects ?? []), ...outputs];
      }
    }
    for (const part of continuations) {
      if (part.type === 'pipeline') last = this.pipelineContinuation(part, last, scope, level);
      else last = this.walk(part, scope, level + 1);
    }
    return last;
  }

  /** `| a | b` following a heredoc'd command: feed the previous output along. */
  pipelineContinuation(node: SyntaxNode, before: SimpleCommand[], scope: Scope, level: number): SimpleCommand[] {
    const feed = outputOf(before[before.length - 1], '');
    return this.pipeline(node.namedChildren.filter(isNode), scope, level, feed);
  }

  command(node: SyntaxNode, scope: Scope, level: number, piped?: StdinSource, outerRedirects: Redirect[] = [], lostWords: string[] = []): SimpleCommand[] {
    const assignments: Record<string, string> = {};
    const redirects = [...outerRedirects];
    const words: WordValue[] = [];
    let stdin = piped;
    let nameNode: SyntaxNode | null = null;
    for (const part of node.namedChildren) {
      if (!part) continue;
      this.substitutions(part, scope, level);
      if (part.type === 'variable_assignment') {
        const name = part.childForFieldName('name')?.text;
        const value = part.childForFieldName('value');
        if (name) assignments[name] = value ? evaluateWord(value, scope.vars).value : '';
        continue;
      }
      if (part.type === 'herestring_redirect' || part.type === 'file_redirect' || part.type === 'heredoc_redirect') {
        stdin = redirectInput(part, scope) ?? stdin;
        const output = redirectOutput(part, scope);
        if (output) redirects.push(output);
        continue;
      }
      if (part.type === 'command_name') {
        nameNode = part;
        const inner = part.namedChildren[0];
        const word = splittable(inner ? evaluateWord(inner, scope.vars) : { value: part.text, resolved: true, glob: false }, scope);
        // `X=" rm"; $X -rf ~`: unquoted, the shell splits the value and drops the blanks around it.
        if (word.resolved && inner && (inner.type === 'simple_expansion' || inner.type === 'expansion') && /\s/.test(word.value)) {
          words.push(
            ...word.value
              .split(/\s+/)
              .filter(Boolean)
              .map((value) => ({ ...word, value })),
          );
        } else words.push(word);
        continue;
      }
      const word =
        part.type === 'simple_expansion' || part.type === 'expansion' ? splittable(evaluateWord(part, scope.vars), scope) : evaluateWord(part, scope.vars);
      // An unquoted `$cmd` holding "git reset" splits into two words, as the shell splits it.
      if (word.resolved && (part.type === 'simple_expansion' || part.type === 'expansion') && /\s/.test(word.value)) {
        words.push(
          ...word.value
            .split(/\s+/)
            .filter(Boolean)
            .map((value) => ({ ...word, value })),
        );
      } else words.push(word);
    }
    if (!nameNode) return [];
    if (words.length === 0) {
      // `$EMPTY rm -rf x` style tricks aside, a name that expands to nothing runs the next word.
      return [];
    }
    const argv = [...words.map((w) => w.value), ...lostWords];
    const unresolved = words.some((w) => !w.resolved || w.glob);
    const written = nameNode.text;
    // PowerShell's Invoke-Expression (`pwsh -c "iex (Get-Content c.txt -Raw)"`) runs text built at run time.
    if (/^(iex|invoke-expression)$/i.test(words[0]!.value) && words.length > 1) {
      this.problem('dynamic-command', node.text, `${words[0]!.value} runs text that is only known when the line runs`);
    }
    if ((!words[0]!.resolved || words[0]!.glob) && !isKnownRuntimeName(written, scope)) {
      this.problem(scope.fromFile ? 'maybe-dynamic-command' : 'dynamic-command', node.text, `the command name ${written} is only known when the line runs`);
    }
    const raw: SimpleCommand = {
      argv: [toolName(argv[0]!), ...argv.slice(1)],
      written,
      // Variables set earlier on the line (`export AWS_PROFILE=prod;`), then this command's own.
      assignments: { ...scope.vars, ...assignments },
      segment: node.text,
      cwd: scope.cwd,
      via: scope.via,
      ...(stdin ? { stdin } : {}),
      ...(unresolved ? { unresolved: true } : {}),
      ...(redirects.length ? { redirects } : {}),
    };
    // `git config alias.x '!…' && git x`: settings made earlier on the line apply to later git commands.
    if (raw.argv[0] === 'git') {
      const settings = [...this.writes.gitConfig, ...gitEnvironmentSettings(raw.assignments)];
      if (settings.length) raw.argv = ['git', ...settings.flatMap(([key, value]) => ['-c', `${key}=${value}`]), ...raw.argv.slice(1)];
    }
    const result = this.expand(raw, scope, level);
    for (const command of result) {
      for (const hook of hooksRun(command, this.writes.written)) this.runWrittenHook(hook, command, scope, level);
      trackWrites(command, this.writes);
    }
    trackDirectoryChange(raw, scope);
    return result;
  }

  /** `make wipe`, `just`, `task`, `mise run`, `pytest`, `jest`: what the runner reads and runs is checked too. */
  taskRunner(command: SimpleCommand, scope: Scope, level: number): void {
    const argv = pythonModuleRunner(command.argv) ?? command.argv;
    const plan = taskRunnerPlan(argv, command.cwd, command.stdin, {
      read: (path) => this.read(path, '/'),
      exists: (path) => this.wrote(path, '/') || this.exists(path, '/'),
    });
    if (!plan) return;
    if (scope.depth + 1 > this.options.maxDepth) {
      this.problem('too-deep', command.segment, `nested scripts go deeper than ${this.options.maxDepth} levels`);
      return;
    }
    const nested: Scope = {
      cwd: command.cwd,
      vars: { ...scope.vars, ...command.assignments },
      via: [...command.via, argv[0]!],
      depth: scope.depth + 1,
      fromFile: true,
    };
    for (const script of plan.scripts) {
      this.step(nested, `${script.via} runs: ${script.text}`);
      this.script(script.text, { ...nested, cwd: script.cwd, via: [...command.via, script.via] });
    }
    for (const program of plan.programs) {
      this.step(nested, `${program.via} runs ${program.argv.join(' ')}`);
      this.expand(
        {
          argv: [toolName(program.argv[0]!), ...program.argv.slice(1)],
          written: program.argv[0]!,
          assignments: command.assignments,
          segment: command.segment,
          cwd: program.cwd,
          via: [...command.via, program.via],
          ...(program.stdin ? { stdin: program.stdin } : {}),
        },
        nested,
        level,
      );
    }
    for (const what of plan.unreadable) this.problem('unreadable-script', command.segment, `${argv[0]} runs ${what}, which Airlock cannot read`);
  }

  /** A git hook the line wrote before running git: judged like a script run by its path. */
  runWrittenHook(path: string, command: SimpleCommand, scope: Scope, level: number): void {
    this.step(scope, `git ${command.argv[1] ?? ''} runs the hook ${path}, written earlier on the line`);
    this.expand(
      {
        argv: [toolName(path)],
        written: path,
        assignments: command.assignments,
        segment: command.segment,
        cwd: command.cwd,
        via: [...command.via, 'git hook'],
      },
      scope,
      level,
    );
  }

  /** A wrapper (`sudo $CMD`, `env $(…) …`) that runs a command whose name is only known at run time. */
  runtimeName(argv: string[], maybe = false): void {
    if (argv[0] !== undefined && isRuntimeWord(argv[0])) {
      this.problem(maybe ? 'maybe-dynamic-command' : 'dynamic-command', argv.join(' '), `the command name ${argv[0]} is only known when the line runs`);
    }
  }

  /** Applies unwrapping steps until the command runs nothing else; returns what was emitted. */
  expand(command: SimpleCommand, scope: Scope, level: number): SimpleCommand[] {
    const emitted: SimpleCommand[] = [];
    let current = command;
    for (let hops = 0; hops < 32; hops++) {
      const name = current.argv[0]!;
      // A program run by its path is what its file says, even when it is named like a wrapper (`./tools/sh`).
      const next: Unwrapped | undefined = (hops === 0 || pathRun(current) ? this.directScript(current) : undefined) ?? unwrapOnce(current.argv);
      if (!next) break;
      this.step(scope, next.step);
      const via = [...current.via, next.via];
      if (next.kind === 'argv') {
        const argv = next.via === 'xargs' ? xargsArguments(next.argv, current.stdin) : next.argv;
        this.runtimeName(argv);
        current = {
          ...current,
          argv: [toolName(argv[0]!), ...argv.slice(1)],
          // As written: `/usr/bin/rm` after sudo; the runner and package for `npx @railway/cli`.
          written: next.runner ? next.via : argv[0]!,
          assignments: { ...current.assignments, ...(next.assignments ?? {}) },
          via,
        };
        continue;
      }
      if (next.kind === 'many') {
        emitted.push(current);
        for (const [index, argv] of next.argvs.entries()) {
          // `env $(cat .env | xargs) cmd`: the run-time word is most likely assignments, not a name.
          this.runtimeName(argv, next.via === 'env' && index === 0);
          emitted.push(
            ...this.expand(
              { ...current, argv: [toolName(argv[0]!), ...argv.slice(1)], written: argv[0]!, via, stdin: undefined, unresolved: true },
              scope,
              level,
            ),
          );
        }
        this.commands.push(current);
        return emitted;
      }
      const fromFile = scope.fromFile || next.kind === 'script-text' || next.kind === 'script-file' || next.kind === 'package-script';
      const nested: Scope = {
        cwd: current.cwd,
        vars: { ...scope.vars, ...current.assignments },
        via,
        depth: scope.depth + 1,
        ...(fromFile ? { fromFile } : {}),
      };
      if (next.kind === 'script' || next.kind === 'script-text') {
        this.script(next.text, nested);
      } else if (next.kind === 'package-script') {
        this.packageScripts(current, next.scripts, next.directory, nested, next.workspaces);
      } else if (next.kind === 'script-file') {
        const text = this.read(next.path, current.cwd);
        if (text === undefined)
          this.problem('unreadable-script', current.segment, `Airlock cannot read the script ${next.path}, so it cannot tell what it would do`);
        else this.script(text, nested);
      } else {
        this.scriptFromStdin(current, nested, name);
      }
      emitted.push(current);
      this.commands.push(current);
      return emitted;
    }
    this.taskRunner(current, scope, level);
    if (isStdinInterpreter(current) && current.stdin?.kind === 'opaque') {
      this.problem('opaque-script-input', current.segment, `${current.argv[0]} runs a program piped in from ${current.stdin.from}, which Airlock cannot see`);
    }
    emitted.push(current);
    this.commands.push(current);
    return emitted;
  }

  /** Runs the named package.json scripts found from the command's directory up, as npm would. */
  packageScripts(command: SimpleCommand, names: string[], directory: string | undefined, nested: Scope, workspaces?: WorkspaceSelection): void {
    const start = directory ? resolvePath(command.cwd, directory) : command.cwd;
    for (let dir = start, hops = 0; hops < 40; dir = dirname(dir), hops++) {
      const manifestPath = join(dir, 'package.json');
      const text = this.read(manifestPath, dir);
      // There but unreadable (too large, written on this line, not a file): npm would use it,
      // so Airlock never falls back to a parent folder's scripts.
      if (text === undefined && (this.wrote(manifestPath, dir) || this.exists(manifestPath, dir))) {
        this.problem(
          'unreadable-script',
          command.segment,
          `Airlock cannot read ${manifestPath} (${this.wrote(manifestPath, dir) ? 'changed earlier on this line' : whyUnreadable(manifestPath, dir)}), whose scripts this runs`,
        );
        return;
      }
      if (text !== undefined) {
        const manifest = this.manifest(text, manifestPath, command);
        if (!manifest) return;
        const run = this.scriptRunner(command, dir, nested);
        const env = command.assignments;
        const selection: WorkspaceSelection | undefined =
          workspaces ??
          (/^(true|1)$/i.test(env.npm_config_workspaces ?? env.NPM_CONFIG_WORKSPACES ?? '') ? 'all' : undefined) ??
          ((env.npm_config_workspace ?? env.NPM_CONFIG_WORKSPACE) ? [(env.npm_config_workspace ?? env.NPM_CONFIG_WORKSPACE)!] : undefined);
        if (!selection) {
          this.runScripts(manifest, names, dir, run);
          return;
        }
        const found = workspaceDirs(dir, manifest, selection, { read: (path) => this.read(path, dir), list: (path) => this.listDir(path) });
        if ('unknown' in found) {
          this.problem('unreadable-script', command.segment, `it runs scripts in workspaces Airlock cannot find: ${found.unknown}`);
          return;
        }
        this.runScripts(manifest, names, dir, run);
        for (const workspace of found.dirs) {
          const own = this.read(join(workspace, 'package.json'), workspace);
          const parsed = own === undefined ? undefined : this.manifest(own, join(workspace, 'package.json'), command);
          if (own === undefined)
            this.problem('unreadable-script', command.segment, `Airlock cannot read ${join(workspace, 'package.json')}, whose scripts this runs`);
          if (parsed) this.runScripts(parsed, names, workspace, this.scriptRunner(command, workspace, nested, run.shell));
        }
        return;
      }
      if (directory || dirname(dir) === dir) break;
    }
    // A workspace or prefix Airlock cannot read: never guess.
    if (directory || workspaces)
      this.problem(
        'unreadable-script',
        command.segment,
        `Airlock cannot read ${join(start, 'package.json')}, whose ${workspaces ? 'workspaces' : 'scripts'} this runs`,
      );
  }

  manifest(text: string, path: string, command: SimpleCommand): Record<string, unknown> | undefined {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      /* reported below */
    }
    this.problem('unreadable-script', command.segment, `${path} is not valid JSON, so Airlock cannot read its scripts`);
    return undefined;
  }

  runScripts(manifest: Record<string, unknown>, names: string[], dir: string, run: ScriptRunner): void {
    const scripts = manifest.scripts;
    for (const name of names) {
      const body = scripts && typeof scripts === 'object' ? (scripts as Record<string, unknown>)[name] : undefined;
      if (typeof body === 'string') run(body, dir);
    }
  }

  /**
   * How a package manager runs a script body: in sh, or in the shell `.npmrc` (`script-shell=`) or
   * `npm_config_script_shell` names, which is itself read like a program run by its path.
   */
  scriptRunner(command: SimpleCommand, dir: string, nested: Scope, inherited?: string): ScriptRunner {
    const env = command.assignments;
    const shell = env.npm_config_script_shell ?? env.NPM_CONFIG_SCRIPT_SHELL ?? scriptShellOf(this.read(join(dir, '.npmrc'), dir)) ?? inherited;
    const run: ScriptRunner =
      shell === undefined || /^(\/usr)?\/bin\/(ba|da|z)?sh$|^(ba|da|z)?sh$/.test(shell)
        ? (body, cwd) => this.script(body, { ...nested, cwd })
        : (body, cwd) => {
            // Both what the shell program does and the body it is handed to run.
            this.step(nested, `scripts run in ${shell}, named by .npmrc script-shell`);
            this.expand(
              { argv: [toolName(shell), '-c', body], written: shell, assignments: command.assignments, segment: command.segment, cwd, via: nested.via },
              nested,
              0,
            );
            this.script(body, { ...nested, cwd });
          };
    if (shell !== undefined) run.shell = shell;
    return run;
  }

  listDir(path: string): string[] | undefined {
    if (this.options.listDir) return this.options.listDir(path);
    try {
      return readdirSync(path, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name);
    } catch {
      return undefined;
    }
  }

  /**
   * A program run by its path (`./scripts/cleanup`, `bin/setup`, `sudo ./x`, `cd scripts && ./x`),
   * read the way the kernel runs it: its shebang names the interpreter (`#!/usr/bin/env python3`
   * becomes `env python3 ./x`), a text file without one runs in sh, a compiled program is a tool
   * like any other. One Airlock cannot read (missing, too large, a FIFO) is reported, never passed.
   */
  directScript(command: SimpleCommand): Unwrapped | undefined {
    const path = pathRun(command);
    if (path === undefined) return undefined;
    // `./x; ./x; ./x…`: each file is read once per state of the line's writes.
    const full = resolveFrom(command.cwd, path);
    const key = `${full}\u0000${this.writes.written.has(full) ? String(this.writes.written.get(full)) : ''}\u0000${command.argv.slice(1).join('\u0000')}`;
    if (this.pathRuns.has(key)) return this.pathRuns.get(key);
    const result = this.readPathRun(command, path);
    this.pathRuns.set(key, result);
    return result;
  }

  private readonly pathRuns = new Map<string, Unwrapped | undefined>();

  private readPathRun(command: SimpleCommand, path: string): Unwrapped | undefined {
    const text = this.read(path, command.cwd);
    if (text === undefined) {
      if (!this.wrote(path, command.cwd) && isCompiledProgram(path, command.cwd)) return undefined;
      return { kind: 'script-file', path, via: path, step: `${path} is run by its path: Airlock must read it` };
    }
    const shebang = parseShebang(text);
    if (!shebang) return { kind: 'script-text', text, via: path, step: `${path} is a text file with no #! line: sh runs it` };
    // Both readings: the interpreter reads the file, and the rules still judge the program by its
    // name (`bin/rails db:reset`, `./manage.py flush`).
    return {
      kind: 'many',
      argvs: [[...shebang, path, ...command.argv.slice(1)]],
      via: path,
      step: `${path} starts with #!${shebang.join(' ')}: ${shebang.join(' ')} runs it`,
    };
  }

  scriptFromStdin(command: SimpleCommand, nested: Scope, name: string): void {
    const stdin = command.stdin;
    if (!stdin) return; // an interactive shell: nothing to check until a person types
    if (stdin.kind === 'text') {
      this.script(stdin.text, nested);
      return;
    }
    if (stdin.kind === 'file') {
      const text = this.read(stdin.path, command.cwd);
      if (text === undefined) this.problem('unreadable-script', command.segment, `Airlock cannot read ${stdin.path}, which ${name} would run`);
      else this.script(text, nested);
      return;
    }
    this.problem('opaque-script-input', command.segment, `${name} runs a script piped in from ${stdin.from}, which Airlock cannot see`);
  }
}

/**
 * Folders whose programs are tools known by their name (`/usr/bin/rm`, `node_modules/.bin/prisma`):
 * the rules judge them by name, so their files are not read.
 */
const TOOL_FOLDERS =
  /^(\/usr\/(local\/)?s?bin\/|\/s?bin\/|\/opt\/homebrew\/|\/usr\/libexec\/|\/nix\/store\/|\/snap\/bin\/|(.*\/)?node_modules\/\.bin\/|(.*\/)?\.venv\/bin\/|(.*\/)?venv\/bin\/|~?\/?\.?(cargo|local|pyenv|nvm|asdf|volta|bun|deno)\/)/;

/** The path of a program run by its path (a command name with a slash), when its file should be read. */
function pathRun(command: SimpleCommand): string | undefined {
  const written = command.written.replace(/^["']|["']$/g, '');
  // A runner's label (`npx @railway/cli`) is not a path.
  if (!written.includes('/') || /\s/.test(written) || command.argv[0] === undefined) return undefined;
  if (TOOL_FOLDERS.test(written) || /[$`*?[]/.test(written)) return undefined;
  return written;
}

/** `#!/usr/bin/env -S node --x` → [/usr/bin/env, -S, node --x]; as the kernel splits it: one optional argument. */
function parseShebang(text: string): string[] | undefined {
  if (!text.startsWith('#!')) return undefined;
  const line = text.slice(2, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n')).trim();
  if (!line) return undefined;
  const space = line.search(/\s/);
  if (space === -1) return [line];
  const rest = line.slice(space).trim();
  // Linux passes everything after the interpreter as one argument; `env -S` splits it again.
  return rest ? [line.slice(0, space), ...(/^-S\s/.test(rest) ? ['-S', rest.slice(2).trim()] : [rest])] : [line.slice(0, space)];
}

/** `echo a b | xargs rm -rf`: when xargs' input is visible text, its words replace the stand-in. */
function xargsArguments(argv: string[], stdin: StdinSource | undefined): string[] {
  if (stdin?.kind !== 'text') return argv;
  const words = stdin.text.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 1000) return argv;
  return argv.flatMap((w) => (w === XARGS_INPUT ? words : [w]));
}

/**
 * tree-sitter-bash drops a plain word standing between a command and its heredoc
 * (`python3 - <<EOF` parses as `python3`); recover it from the source between the two.
 */
function wordsBetween(statement: SyntaxNode, body: SyntaxNode): string[] {
  const redirect = statement.childrenForFieldName('redirect').find((r) => r?.type === 'heredoc_redirect');
  if (!redirect || body.type !== 'command') return [];
  const gap = statement.text.slice(body.endIndex - statement.startIndex, redirect.startIndex - statement.startIndex).trim();
  return /^[A-Za-z0-9_./=:+-]+( [A-Za-z0-9_./=:+-]+)*$/.test(gap) ? gap.split(' ') : [];
}

/**
 * Programs the person chose in their own environment (`$EDITOR notes.md`): named by a variable the
 * line does not set, they are the person's tools, not a name computed on the line.
 */
const PERSON_CHOSEN = /^"?\$\{?(EDITOR|VISUAL|PAGER|GIT_EDITOR|BROWSER|SHELL)\}?"?$/;
/**
 * `eval "$(ssh-agent -s)"`: tools whose whole purpose is printing shell setup for eval. Their
 * output is theirs, not something the line computed (unlike `eval "$(echo … | base64 -d)"`).
 */
const SHELL_SETUP =
  /^"?\$\(\s*(ssh-agent|direnv\s+hook|brew\s+shellenv|(pyenv|rbenv|nodenv|goenv|jenv|pyenv\s+virtualenv)\s+init|fnm\s+env|zoxide\s+init|starship\s+init|mise\s+activate|rtx\s+activate|opam\s+env|keychain|dircolors|minikube\s+docker-env|thefuck\s+--alias|conda\s+shell\.\w+\s+hook)\b[^;&|`$()<>]*\)"?$/;

function isKnownRuntimeName(written: string, scope: Scope): boolean {
  const chosen = PERSON_CHOSEN.exec(written);
  if (chosen) return !Object.hasOwn(scope.vars, chosen[1]!);
  return scope.via[scope.via.length - 1] === 'eval' && SHELL_SETUP.test(written);
}

/** Variables git reads as command-valued settings: `GIT_SSH_COMMAND='…' git fetch` runs it. */
const GIT_ENV_SETTINGS: Record<string, string> = {
  GIT_SSH_COMMAND: 'core.sshCommand',
  GIT_SSH: 'core.sshCommand',
  GIT_EXTERNAL_DIFF: 'diff.external',
  GIT_PAGER: 'core.pager',
  GIT_EDITOR: 'core.editor',
  GIT_SEQUENCE_EDITOR: 'sequence.editor',
  GIT_ASKPASS: 'core.askPass',
};

function gitEnvironmentSettings(assignments: Record<string, string>): Array<[string, string]> {
  const settings: Array<[string, string]> = [];
  for (const [name, key] of Object.entries(GIT_ENV_SETTINGS)) if (assignments[name]) settings.push([key, assignments[name]!]);
  // GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=alias.x GIT_CONFIG_VALUE_0='!…'
  for (let i = 0; i < 32 && assignments[`GIT_CONFIG_KEY_${i}`] !== undefined; i++)
    settings.push([assignments[`GIT_CONFIG_KEY_${i}`]!, assignments[`GIT_CONFIG_VALUE_${i}`] ?? '']);
  return settings;
}

/** Once a line sets IFS, how the shell splits an unquoted `$X` is no longer known. */
function splittable(word: WordValue, scope: Scope): WordValue {
  return Object.hasOwn(scope.vars, 'IFS') ? { ...word, resolved: false } : word;
}

function isNode(node: SyntaxNode | null): node is SyntaxNode {
  return node !== null;
}

/** True for `python`, `node -`, `ruby` with no script: they run what arrives on stdin. */
function isStdinInterpreter(command: SimpleCommand): boolean {
  const name = command.argv[0]!.replace(/[0-9.]+$/, '');
  if (!STDIN_INTERPRETERS.has(name) && !STDIN_INTERPRETERS.has(command.argv[0]!)) return false;
  const args = command.argv.slice(1);
  if (args.includes('-')) return true;
  return !args.some((a) => !a.startsWith('-')) && !args.some((a) => ['-c', '-e', '-m', '-r', '--eval', '-E'].includes(a));
}

/** What a pipeline stage writes, as far as Airlock can see: used as the next stage's stdin. */
function outputOf(command: SimpleCommand | undefined, fallback: string): StdinSource {
  if (!command) return { kind: 'opaque', from: fallback.trim() || 'an earlier command' };
  const [name, ...args] = command.argv;
  if (!command.unresolved && name === 'echo') {
    const flags = args.filter((a, i) => /^-[neE]+$/.test(a) && args.slice(0, i).every((b) => /^-[neE]+$/.test(b)));
    const words = args.slice(flags.length).join(' ');
    // `echo -e` and printf turn \x72 into r: decode as they would, or `\x72m` hides an rm.
    return { kind: 'text', text: `${flags.some((f) => f.includes('e')) ? decodePrintEscapes(words) : words}\n`, from: 'echo' };
  }
  if (!command.unresolved && name === 'printf' && args.length) {
    return { kind: 'text', text: decodePrintEscapes(args.join(' ')), from: 'printf' };
  }
  if (name === 'cat' && args.length === 0 && command.stdin) return command.stdin;
  if (name === 'cat' && args.length === 1 && !command.unresolved && !args[0]!.startsWith('-')) return { kind: 'file', path: args[0]! };
  return { kind: 'opaque', from: command.segment.slice(0, 200) };
}

/**
 * The escapes that turn into other characters in printf and `echo -e` output (\n, \t, \xHH,
 * octal): enough to see `\x72m` as `rm`. Quote escapes stay as written, so a JSON body piped
 * to curl reads as the agent wrote it.
 */
function decodePrintEscapes(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{1,2}|0?[0-7]{1,3}|[ntr])/g, (_, code: string) => {
    if (code === 'n') return '\n';
    if (code === 't') return '\t';
    if (code === 'r') return '\r';
    if (code[0] === 'x') return String.fromCharCode(parseInt(code.slice(1), 16));
    return String.fromCharCode(parseInt(code, 8) & 0xff);
  });
}

function redirectInput(redirect: SyntaxNode, scope: Scope): StdinSource | undefined {
  if (redirect.type === 'heredoc_redirect') {
    const body = redirect.namedChildren.find((c) => c?.type === 'heredoc_body');
    return { kind: 'text', text: body?.text ?? '', from: 'heredoc' };
  }
  if (redirect.type === 'herestring_redirect') {
    const word = redirect.namedChildren.find((c) => c && c.type !== 'file_descriptor');
    return word ? { kind: 'text', text: `${evaluateWord(word, scope.vars).value}\n`, from: 'herestring' } : undefined;
  }
  if (redirect.type === 'file_redirect') {
    const operator = redirect.children.find((c) => c && !c.isNamed)?.type;
    const target = redirect.childForFieldName('destination') ?? redirect.namedChildren.find((c) => c && c.type !== 'file_descriptor');
    const descriptor = redirect.namedChildren.find((c) => c?.type === 'file_descriptor')?.text;
    if (operator === '<' && target && (descriptor === undefined || descriptor === '0')) {
      return { kind: 'file', path: evaluateWord(target, scope.vars).value };
    }
  }
  return undefined;
}

const OUTPUT_OPERATORS = new Set(['>', '>>', '>|', '&>', '&>>']);

function redirectOutput(redirect: SyntaxNode, scope: Scope): Redirect | undefined {
  if (redirect.type !== 'file_redirect') return undefined;
  const operator = redirect.children.find((c) => c && !c.isNamed)?.type;
  if (!operator || !OUTPUT_OPERATORS.has(operator)) return undefined;
  const target = redirect.childForFieldName('destination') ?? redirect.namedChildren.find((c) => c && c.type !== 'file_descriptor');
  if (!target) return undefined;
  const descriptor = redirect.namedChildren.find((c) => c?.type === 'file_descriptor')?.text;
  return { operator, target: evaluateWord(target, scope.vars).value, ...(descriptor ? { descriptor } : {}) };
}

function trackDirectoryChange(command: SimpleCommand, scope: Scope): void {
  if (command.argv[0] !== 'cd' && command.argv[0] !== 'pushd') return;
  const target = command.argv.slice(1).find((a) => !a.startsWith('-') || a === '-');
  if (target === undefined) {
    scope.cwd = homedir();
    return;
  }
  if (command.unresolved || target === '-') return;
  scope.cwd = resolvePath(scope.cwd, target.replace(/^~(?=$|\/)/, homedir()));
}

/** Reduces one line. Never throws for any input string. */
export function reduceLine(line: string, options: ReduceOptions): Reduction {
  const reducer = new Reducer(options);
  try {
    reducer.script(line, { cwd: options.cwd, vars: {}, via: [], depth: 0 });
  } catch (error) {
    // The parser's time budget, or a RangeError from pathological nesting: never guess.
    if (error instanceof ParseBudgetExceeded) reducer.problem('too-complex', line, error.message);
    else reducer.problem('too-complex', line, `Airlock could not analyse it (${error instanceof Error ? error.name : 'error'})`);
  }
  return { commands: reducer.commands, problems: reducer.problems, steps: reducer.steps, written: reducer.writes.written };
}
