/**
 * Files a line writes before it runs them: `echo … > x.sh && bash x.sh`, `cp wipe.sh build.sh &&
 * sh build.sh`, `npm pkg set scripts.x=… && npm run x`, `tee .git/hooks/pre-commit`, `git config
 * alias.x '!…' && git x`. The reducer keeps an overlay of what each written file will hold (or
 * `null` when that is only known at run time), so what runs later on the line is judged by what
 * it will be, not by what is on disk now. Nothing here touches the disk.
 */
import { basename, join } from 'node:path';
import { resolveFrom } from '../guard/files';
import type { SimpleCommand, StdinSource } from './command';

/** Absolute path → the text it will hold, or null when that is unknown. */
export type WrittenFiles = Map<string, string | null>;

export interface WriteContext {
  written: WrittenFiles;
  /** Reads through the overlay: what the file will hold at this point of the line. */
  read(path: string, cwd: string): string | undefined;
  /** What the command prints, when Airlock can see it (echo, printf, cat of a heredoc). */
  output(command: SimpleCommand): StdinSource | undefined;
  /** `git config KEY VALUE` seen earlier on the line, applied to later git commands. */
  gitConfig: Array<[string, string]>;
}

function set(context: WriteContext, path: string, cwd: string, content: string | null): void {
  context.written.set(resolveFrom(cwd, path), content);
}

function textOf(source: StdinSource | undefined, context: WriteContext, cwd: string): string | null {
  if (source?.kind === 'text') return source.text;
  if (source?.kind === 'file') return context.read(source.path, cwd) ?? null;
  return null;
}

function positionals(args: readonly string[]): string[] {
  const end = args.indexOf('--');
  return [...(end === -1 ? args : args.slice(0, end)).filter((a) => !a.startsWith('-')), ...(end === -1 ? [] : args.slice(end + 1))];
}

/** Sets `scripts.NAME=VALUE` (and other dotted keys) in package.json text, as `npm pkg set` would. */
function npmPkgSet(text: string | undefined, pairs: string[]): string | null {
  if (text === undefined) return null;
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const keys = pair
      .slice(0, eq)
      .replace(/\[([^\]]*)\]/g, '.$1')
      .split('.');
    let node = manifest;
    for (const key of keys.slice(0, -1)) {
      if (!node[key] || typeof node[key] !== 'object') node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1]!] = pair.slice(eq + 1);
  }
  return JSON.stringify(manifest);
}

/** Records what `command` writes. Called in line order, after the command's own reading. */
export function trackWrites(command: SimpleCommand, context: WriteContext): void {
  const [name, ...args] = command.argv;
  const cwd = command.cwd;
  for (const redirect of command.redirects ?? []) {
    if (redirect.descriptor !== undefined && redirect.descriptor !== '1') continue;
    if (redirect.target === '/dev/null' || /^&?\d$/.test(redirect.target)) continue;
    const out = command.unresolved ? null : textOf(context.output(command), context, cwd);
    const before = redirect.operator.includes('>>') ? context.read(redirect.target, cwd) : '';
    set(context, redirect.target, cwd, out === null || before === undefined ? null : before + out);
  }
  if (name === 'tee') {
    const text = textOf(command.stdin, context, cwd);
    for (const file of positionals(args)) set(context, file, cwd, args.includes('-a') || args.includes('--append') ? null : text);
    return;
  }
  if (name === 'cp' || name === 'mv' || name === 'install' || name === 'ln' || name === 'rsync') {
    const words = positionals(args.filter((a, i) => !['-t', '--target-directory', '-m', '--mode', '-o', '-g', '-S'].includes(args[i - 1] ?? '')));
    const target =
      args.find((a, i) => args[i - 1] === '-t' || args[i - 1] === '--target-directory') ?? args.find((a) => a.startsWith('--target-directory='))?.slice(20);
    const sources = target !== undefined ? words : words.slice(0, -1);
    const dest = target ?? words[words.length - 1];
    if (dest === undefined) return;
    for (const source of sources) {
      const content = command.unresolved ? null : (context.read(source, cwd) ?? null);
      // DEST may be a folder: both readings are kept.
      set(context, join(dest, basename(source)), cwd, content);
      if (sources.length === 1 && target === undefined) set(context, dest, cwd, content);
    }
    return;
  }
  if (name === 'curl' || name === 'wget' || name === 'http' || name === 'xh') {
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      // `-o FILE`, `-so FILE`, wget's `-qO FILE`, `--output=FILE`.
      if ((['--output', '--output-document', '--download'].includes(arg) || /^-[a-zA-Z]*[oO]$/.test(arg)) && args[i + 1] !== undefined && args[i + 1] !== '-')
        set(context, args[++i]!, cwd, null);
      else if (/^--output(-document)?=/.test(arg)) set(context, arg.slice(arg.indexOf('=') + 1), cwd, null);
    }
    return;
  }
  if (name === 'dd') {
    const of = args.find((a) => a.startsWith('of='));
    if (of) set(context, of.slice(3), cwd, null);
    return;
  }
  if ((name === 'sed' || name === 'perl' || name === 'ruby') && args.some((a) => /^-[a-zA-Z]*i/.test(a) || a.startsWith('--in-place'))) {
    for (const file of positionals(args).slice(name === 'sed' && !args.some((a) => a === '-e' || a === '-f') ? 1 : 0)) set(context, file, cwd, null);
    return;
  }
  if ((name === 'npm' || name === 'pnpm') && args[0] === 'pkg' && args[1] === 'set') {
    const manifest = 'package.json';
    set(
      context,
      manifest,
      cwd,
      npmPkgSet(
        context.read(manifest, cwd),
        args.slice(2).filter((a) => !a.startsWith('-')),
      ),
    );
    return;
  }
  if (name === 'git' && args[0] === 'config') {
    const words = args.slice(1).filter((a) => !a.startsWith('-'));
    if (words.length >= 2 && !args.includes('--get') && !args.includes('--unset')) context.gitConfig.push([words[0]!, words.slice(1).join(' ')]);
    return;
  }
  if (name === 'git' && ['checkout', 'restore', 'apply', 'am', 'pull', 'merge', 'stash', 'reset', 'cherry-pick', 'switch'].includes(args[0] ?? '')) {
    // Checked-out files hold what the commit holds: unknown until it runs.
    for (const file of positionals(args.slice(1))) if (/\.(sh|bash|py|js|mjs|cjs|ts|rb|pl|php)$|^(bin|scripts?)\//.test(file)) set(context, file, cwd, null);
  }
}

/** Git subcommands that run hooks in `.git/hooks` (or core.hooksPath). */
const HOOK_RUNNERS = new Set([
  'commit',
  'merge',
  'push',
  'checkout',
  'switch',
  'rebase',
  'am',
  'pull',
  'cherry-pick',
  'revert',
  'clone',
  'gc',
  'worktree',
  'apply',
  'reset',
]);

/** Hooks written earlier on the line that this git command would run. */
export function hooksRun(command: SimpleCommand, written: WrittenFiles): string[] {
  if (command.argv[0] !== 'git') return [];
  const sub = command.argv.slice(1).find((a, i, all) => !a.startsWith('-') && !['-C', '-c', '--git-dir', '--work-tree'].includes(all[i - 1] ?? ''));
  if (!sub || !HOOK_RUNNERS.has(sub)) return [];
  return [...written.keys()].filter((path) => /\/\.git\/hooks\/[^/]+$|\/\.husky\/[^/]+$|\/\.githooks\/[^/]+$/.test(path));
}
