/** Reads `git [global options] <subcommand> [args]` the way git does. */

import { dirname, isAbsolute, join } from 'node:path';
import { minimatch } from 'minimatch';
import type { SimpleCommand } from '../../../shell/command';
import type { RuleContext } from '../../rule';

const VALUED_GLOBALS = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env', '--super-prefix', '--list-cmds']);

export interface GitInvocation {
  subcommand: string;
  args: string[];
}

export function gitInvocation(command: SimpleCommand): GitInvocation | undefined {
  if (command.argv[0] !== 'git') return undefined;
  const argv = command.argv;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUED_GLOBALS.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return { subcommand: arg, args: argv.slice(i + 1) };
  }
  return undefined;
}

/** True when `branch` (a name or `refs/heads/name`) is protected by the policy's globs. */
export function isProtectedBranch(branch: string, globs: readonly string[]): boolean {
  const name = branch.replace(/^refs\/heads\//, '');
  return globs.some((glob) => minimatch(name, glob));
}

/**
 * The branch checked out where the command runs (`git -C DIR` honoured), read from `.git/HEAD`
 * in the nearest repository; undefined when unknown (detached, no repository, unreadable).
 */
export function currentBranch(command: SimpleCommand, context: RuleContext): string | undefined {
  const at = command.argv.indexOf('-C');
  const start = at > 0 && command.argv[at + 1] ? join(command.cwd, command.argv[at + 1]!) : command.cwd;
  for (let dir = start, hops = 0; hops < 40; dir = dirname(dir), hops++) {
    let head = context.readFile(join(dir, '.git', 'HEAD'), dir);
    if (head === undefined) {
      // A worktree or submodule: `.git` is a file saying where the git directory is.
      const pointer = /^gitdir:\s*(.+)\s*$/m.exec(context.readFile(join(dir, '.git'), dir) ?? '');
      if (pointer) {
        const gitDir = isAbsolute(pointer[1]!) ? pointer[1]! : join(dir, pointer[1]!);
        head = context.readFile(join(gitDir, 'HEAD'), dir);
      }
    }
    if (head !== undefined) return /^ref:\s*refs\/heads\/(\S+)/.exec(head)?.[1];
    if (dirname(dir) === dir) return undefined;
  }
  return undefined;
}
