import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DEFAULT_PROTECTED_BRANCHES } from '../policy/types';
import type { SimpleCommand } from '../shell/command';
import { type EnvironmentPatterns, withDefaults } from './classify';
import { type EnvFile, listEnvFiles, loadEnvFile } from './envfiles';
import { FileCache } from './files';

/** What environment resolution may read. Tests pass a fake HOME and env; nothing reads the real ones implicitly. */
export interface EnvironmentOptions {
  /** The process environment the command would inherit. */
  env: Record<string, string | undefined>;
  /** The user's home directory; null or undefined when there is none (then home-based configs are not read). */
  home?: string | null;
  /** Workspace root, for names shown to people and for env files. Defaults to the command's cwd. */
  workspaceRoot?: string;
  patterns?: Partial<EnvironmentPatterns>;
  /** Git branches whose remote copies are treated as production (default main, master, production, release/*). */
  protectedBranches?: string[];
  /** The whole command line, for env files it loads before the command (`source .env.prod &&`). */
  line?: string;
  cache?: FileCache;
}

/** The guard's default protected branches: one list for rules and targets. */
export { DEFAULT_PROTECTED_BRANCHES } from '../policy/types';

/** One module-level cache: long-lived processes reuse parsed files until their mtime changes. */
export const sharedFileCache = new FileCache();

export interface Evidence {
  source: string;
  value: string;
}

export interface VariableValue {
  value: string;
  /** "assignment", "process environment", or the env file it came from. */
  source: string;
  /** Set when the value came from an env file. */
  file?: EnvFile;
}

/** Everything a tool resolver needs about one command, with variable lookup in the shell's order. */
export class CommandContext {
  readonly cache: FileCache;
  readonly patterns: EnvironmentPatterns;
  readonly home: string | null;
  readonly root: string;
  readonly protectedBranches: string[];
  /** Env files the line loads into the shell first (`source f`, `env $(cat f | xargs)`): they beat the process env. */
  readonly overridingFiles: EnvFile[] = [];
  /** Env files the tool loads without overriding the process env (`--env-file f`, `dotenv -e f`). */
  readonly fallbackFiles: EnvFile[] = [];
  /** Env files the line loads that could not be read: the variables they set are unknown. */
  readonly unreadableNamedFiles: string[] = [];
  /** Problems met while reading, reported as evidence so `unknown` always says why. */
  readonly problems: Evidence[] = [];

  constructor(
    readonly command: SimpleCommand,
    readonly options: EnvironmentOptions,
  ) {
    this.cache = options.cache ?? sharedFileCache;
    this.patterns = withDefaults(options.patterns);
    const home = options.home;
    this.home = home && isAbsolute(home) ? home : null;
    this.root = options.workspaceRoot ?? command.cwd;
    this.protectedBranches = options.protectedBranches ?? [...DEFAULT_PROTECTED_BRANCHES];
    for (const ref of namedEnvFiles(options.line ?? '', command)) {
      const file = this.envFile(ref.path);
      if (file) (ref.overrides ? this.overridingFiles : this.fallbackFiles).push(file);
      else this.unreadableNamedFiles.push(ref.path);
    }
  }

  /** The same context for an inner command (`bundle exec rails`, `dotenv -e f -- prisma`): same files, same problems list. */
  withArgv(argv: string[]): CommandContext {
    const inner = Object.create(CommandContext.prototype) as CommandContext;
    return Object.assign(inner, this, { command: { ...this.command, argv }, expandedArgs: undefined });
  }

  get cwd(): string {
    return this.command.cwd;
  }
  get argv(): string[] {
    return this.command.argv;
  }
  /** Arguments after the tool's name, as written (`$VAR` kept): for resolvers that trace where a value came from. */
  get rawArgs(): string[] {
    return this.command.argv.slice(1);
  }
  /**
   * Arguments after the tool's name as the shell would pass them: `$VAR` and `${VAR}` replaced
   * from what the shell sees (env files the line sourced, then the process env); a variable set
   * nowhere stays as written. Each replacement is recorded in `expansions`.
   */
  get args(): string[] {
    if (this.expandedArgs) return this.expandedArgs;
    this.expandedArgs = this.rawArgs.map((word) => {
      if (!word.includes('$') || word.length > 8192) return word;
      return word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, a?: string, b?: string) => {
        const name = (a ?? b)!;
        const found = this.shellVariable(name);
        if (!found) return whole;
        this.expansions.push({ source: `$${name}`, value: `from ${found.source}` });
        return found.value;
      });
    });
    return this.expandedArgs;
  }
  private expandedArgs?: string[];
  /** Where each `$VAR` in the arguments got its value. */
  readonly expansions: Evidence[] = [];

  /** A variable as the shell expands it in the arguments: env files the line sourced, then the process env. */
  shellVariable(name: string): VariableValue | undefined {
    for (const file of this.overridingFiles) {
      if (file.vars[name] !== undefined) return { value: file.vars[name]!, source: file.name, file };
    }
    const fromProcess = this.options.env[name];
    return fromProcess !== undefined ? { value: fromProcess, source: 'process environment' } : undefined;
  }

  /** A path under HOME, or undefined with an evidence line when there is no HOME. */
  homePath(...parts: string[]): string | undefined {
    if (!this.home) {
      this.problem('HOME', 'not set: configuration in the home directory was not read');
      return undefined;
    }
    return join(this.home, ...parts);
  }

  /** A variable as the command would see it: its own assignments, env files the line sources, the process env, then env files the tool loads. */
  variable(name: string): VariableValue | undefined {
    const assigned = this.command.assignments[name];
    if (assigned !== undefined) return { value: assigned, source: 'assignment on the command line' };
    for (const file of this.overridingFiles) {
      if (file.vars[name] !== undefined) return { value: file.vars[name]!, source: file.name, file };
    }
    const fromProcess = this.options.env[name];
    if (fromProcess !== undefined) return { value: fromProcess, source: 'process environment' };
    for (const file of this.fallbackFiles) {
      if (file.vars[name] !== undefined) return { value: file.vars[name]!, source: file.name, file };
    }
    return undefined;
  }

  /**
   * A variable a framework would also read from the project's env files when the shell lacks it,
   * in the order dotenv-flow, Next.js, Vite and dotenv-rails load them: `.env.<mode>.local`,
   * `.env.local` (skipped for the test mode), `.env.<mode>`, `.env`, in `dir` (default cwd).
   */
  variableWithProjectFiles(name: string, dir = this.cwd, mode?: string): VariableValue | undefined {
    const direct = this.variable(name);
    if (direct) return direct;
    const safeMode = mode && /^[\w-]{1,40}$/.test(mode) ? mode : undefined;
    const order = safeMode ? [`.env.${safeMode}.local`, ...(safeMode === 'test' ? [] : ['.env.local']), `.env.${safeMode}`, '.env'] : ['.env.local', '.env'];
    for (const fileName of order) {
      const file = this.envFile(join(dir, fileName), true);
      if (file?.vars[name] !== undefined) return { value: file.vars[name]!, source: file.name, file };
    }
    return undefined;
  }

  /** Replaces `$VAR` / `${VAR}` in a word; reports where each value came from. */
  expand(word: string): { value: string; sources: Array<VariableValue & { name: string }>; unresolved: string[] } {
    const sources: Array<VariableValue & { name: string }> = [];
    const unresolved: string[] = [];
    if (!word.includes('$') || word.length > 8192) return { value: word, sources, unresolved };
    const value = word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, a?: string, b?: string) => {
      const name = (a ?? b)!;
      const found = this.variableWithProjectFiles(name);
      if (!found) {
        unresolved.push(name);
        return whole;
      }
      sources.push({ ...found, name });
      return found.value;
    });
    return { value, sources, unresolved };
  }

  /** Loads an env file (cached), recording why when it cannot be read. */
  envFile(path: string, quietWhenMissing = false): EnvFile | undefined {
    const absolute = resolve(this.cwd, path);
    const result = loadEnvFile(this.cache, absolute, this.display(absolute), this.patterns);
    if (result.ok) return result.value;
    if (!(quietWhenMissing && result.reason === 'does not exist')) this.problem(this.display(absolute), result.reason);
    return undefined;
  }

  /** Env files in a directory, loaded. */
  envFilesIn(dir: string): EnvFile[] {
    return listEnvFiles(this.cache, dir)
      .map((n) => this.envFile(join(dir, n)))
      .filter((f): f is EnvFile => !!f);
  }

  /** A path as people should read it: relative to the workspace when inside, `~/...` under HOME. */
  display(path: string): string {
    return displayPath(path, this.root, this.home);
  }

  problem(source: string, value: string): void {
    if (!this.problems.some((p) => p.source === source && p.value === value)) this.problems.push({ source, value });
  }
}

export function displayPath(path: string, root: string, home: string | null): string {
  const rel = relative(root, path);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel;
  if (rel === '') return '.';
  if (home && (path === home || path.startsWith(home + sep))) return `~${path.slice(home.length)}`;
  return path;
}

interface EnvFileReference {
  path: string;
  overrides: boolean;
}

/**
 * Env files a command line loads. Into the shell (they override the process env): `source f`,
 * `. f`, `env $(cat f | xargs)`, `export $(grep -v '^#' f | xargs)`. Into the tool (the process
 * env wins): `--env-file f`, `dotenv -e f`, `op run --env-file f`.
 */
export function namedEnvFiles(line: string, command: SimpleCommand): EnvFileReference[] {
  const out: EnvFileReference[] = [];
  const add = (path: string | undefined, overrides: boolean) => {
    if (path && !out.some((r) => r.path === path)) out.push({ path: path.replace(/^["']|["']$/g, ''), overrides });
  };
  const argv = command.argv;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--env-file' || (argv[0] === 'dotenv' && arg === '-e')) add(argv[i + 1], false);
    else if (arg.startsWith('--env-file=')) add(arg.slice('--env-file='.length), false);
  }
  const text = line.length > 65536 ? line.slice(0, 65536) : line;
  const words = text.split(/[\s;&|()`]+/).filter(Boolean);
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i]!;
    const next = words[i + 1]!;
    if (word === 'source' || word === '.') add(next, true);
    else if (word === '--env-file' || (word === '-e' && words.slice(Math.max(0, i - 4), i).includes('dotenv'))) add(next, false);
    else if (word.startsWith('--env-file=')) add(word.slice('--env-file='.length), false);
  }
  // `$(cat .env.production | xargs)` and friends: an env-looking file read inside a substitution.
  for (const match of text.matchAll(/(?:\$\(|`)([^)`]{0,300})(?:\)|`)/g)) {
    for (const word of match[1]!.split(/[\s|]+/)) {
      const clean = word.replace(/^["']|["']$/g, '');
      if (/(^|\/)\.env(\.[\w.-]+)?$|[\w-]\.env$/.test(clean)) add(clean, true);
    }
  }
  return out;
}
