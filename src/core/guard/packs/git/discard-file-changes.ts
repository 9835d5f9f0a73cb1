import { join } from 'node:path';
import { hasFlag, positionals } from '../../../argv';
import type { SimpleCommand } from '../../../shell/command';
import type { RuleContext } from '../../rule';
import { defineRule } from '../../rule';
import { gitInvocation } from './subcommand';

/** Pathspecs for the whole tree: `git.discard-worktree` explains those. */
function isWholeTree(pathspec: string): boolean {
  return ['.', './', ':/', ':', '*', ':/*', '**', '/'].includes(pathspec) || /^:\(top\)/.test(pathspec);
}

/** Where git runs: the command's folder, moved by `git -C DIR`. */
function workDir(command: SimpleCommand): string {
  const at = command.argv.indexOf('-C');
  return at > 0 && command.argv[at + 1] ? join(command.cwd, command.argv[at + 1]!) : command.cwd;
}

/** The paths the command would overwrite or delete, and what it is called, for each form that does. */
function overwritten(subcommand: string, args: readonly string[]): { paths: string[]; wholeTree?: boolean } | undefined {
  const dashdash = args.indexOf('--');
  const after = dashdash >= 0 ? args.slice(dashdash + 1) : undefined;
  if (subcommand === 'checkout') {
    if (hasFlag(args, '-b', '-B', '--orphan', '-p', '--patch')) return undefined;
    // Without `--`, git reads a first word that names a branch or commit as one; a path that exists is a path.
    return { paths: after ?? positionals(args, ['--conflict']) };
  }
  if (subcommand === 'restore') {
    if (hasFlag(args, '-p', '--patch')) return undefined;
    const worktree = hasFlag(args, '-W', '--worktree') || !hasFlag(args, '-S', '--staged');
    return worktree ? { paths: after ?? positionals(args, ['-s', '--source', '--conflict', '--pathspec-from-file']) } : undefined;
  }
  if (subcommand === 'checkout-index') {
    if (!hasFlag(args, '-f', '--force')) return undefined; // without -f it never overwrites an existing file
    return hasFlag(args, '-a', '--all') ? { paths: ['.'], wholeTree: true } : { paths: after ?? positionals(args, ['--prefix', '--stage']) };
  }
  if (subcommand === 'rm') {
    if (!hasFlag(args, '-f', '--force') || hasFlag(args, '--cached', '-n', '--dry-run')) return undefined; // without -f git refuses to remove changed files
    const paths = after ?? positionals(args, ['--pathspec-from-file']);
    return { paths, wholeTree: paths.some(isWholeTree) };
  }
  return undefined;
}

function modified(paths: readonly string[], cwd: string, context: RuleContext): string[] | 'unknown' {
  const found: string[] = [];
  for (const path of paths) {
    if (/[$`]/.test(path)) return 'unknown';
    const changed = context.modifiedTracked?.(path, cwd) ?? 'unknown';
    if (changed === 'unknown') return 'unknown';
    found.push(...changed);
  }
  return found;
}

/**
 * Restoring or removing files over changes git has not recorded: `git checkout FILE`,
 * `git checkout BRANCH -- FILE`, `git restore [-s REV] FILE`, `git checkout-index -f`, `git rm -f`.
 * git's index is read: files whose content git already has lose nothing and pass.
 */
export default defineRule({
  id: 'git.discard-file-changes',
  resource: 'uncommitted changes in the files named',
  severity: 'high',
  decision: 'ask',
  reason: 'Overwrites or removes files that have uncommitted changes; git never recorded those changes and cannot bring them back.',
  suggestion: 'git stash (or git diff > changes.patch) first, or commit the changes you want to keep.',
  keywords: ['checkout', 'restore', 'checkout-index', 'rm'],
  tools: ['git'],
  match(command, context) {
    const git = gitInvocation(command);
    if (!git) return undefined;
    const target = overwritten(git.subcommand, git.args);
    if (!target || target.paths.length === 0) return undefined;
    if (git.subcommand === 'rm' && target.wholeTree) return { reason: 'git rm -f on the whole tree deletes every tracked file, staged changes included.' };
    const paths = target.wholeTree ? target.paths : target.paths.filter((p) => !isWholeTree(p));
    if (paths.length === 0) return undefined;
    const changed = modified(paths, workDir(command), context);
    if (changed === 'unknown')
      return {
        severity: 'medium',
        reason: `git ${git.subcommand} overwrites ${paths.join(', ')}, and Airlock cannot tell whether they have uncommitted changes.`,
      };
    if (changed.length === 0) return undefined;
    return {
      reason: `git ${git.subcommand} would throw away uncommitted changes in ${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''}.`,
    };
  },
  examples: {
    match: [
      { line: 'cd repos/files && git checkout src/app.ts', decision: 'ask' },
      { line: 'cd repos/files && git checkout main -- src/app.ts', decision: 'ask' },
      { line: 'git -C repos/files restore src/', decision: 'ask' },
      'cd repos/files && git restore -s HEAD~1 src/app.ts',
      { line: 'cd repos/files && git checkout-index -a -f', decision: 'ask' },
      'cd repos/files && git rm -f src/app.ts',
      { line: 'git rm -rf .', decision: 'ask' },
    ],
    noMatch: [
      { line: 'cd repos/files && git checkout src/util.ts', decision: 'allow' },
      { line: 'cd repos/files && git restore --staged src/app.ts', decision: 'allow' },
      { line: 'cd repos/files && git checkout main', decision: 'allow' },
      { line: 'cd repos/files && git rm src/app.ts', decision: 'allow' },
      { line: 'cd repos/files && git checkout -p src/app.ts', decision: 'allow' },
      'cd repos/files && git rm --cached -f src/app.ts',
      'git checkout .',
    ],
  },
});
