/** Reads `git [global options] <subcommand> [args]` the way git does. */
import { minimatch } from 'minimatch';
import type { SimpleCommand } from '../../types';

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
    if (VALUED_GLOBALS.has(arg)) { i++; continue; }
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
