import { hasFlag, positionals } from '../../../argv';
import { defineRule } from '../../rule';
import { gitInvocation } from './subcommand';

/** Pathspecs that mean "everything": the whole tree rather than a chosen file. */
function isWholeTree(pathspec: string): boolean {
  return ['.', './', ':/', ':', '*', ':/*', '**', '/'].includes(pathspec) || /^:\(top\)/.test(pathspec);
}

export default defineRule({
  id: 'git.discard-worktree',
  resource: 'every uncommitted change in the working tree',
  severity: 'high',
  decision: 'ask',
  reason: 'Restoring the whole tree throws away every uncommitted change; git cannot bring them back.',
  suggestion: 'git stash first, or restore only the files you mean.',
  keywords: ['checkout', 'restore', 'switch'],
  tools: ['git'],
  match(command) {
    const git = gitInvocation(command);
    if (!git) return undefined;
    const args = git.args;
    if (git.subcommand === 'checkout') {
      if (hasFlag(args, '-f', '--force') && !hasFlag(args, '-b', '-B'))
        return { reason: 'git checkout --force switches branches and throws away local changes.' };
      const dashdash = args.indexOf('--');
      const paths = dashdash === -1 ? positionals(args, ['-b', '-B', '--orphan', '--conflict']) : args.slice(dashdash + 1);
      return paths.some(isWholeTree) ? {} : undefined;
    }
    if (git.subcommand === 'restore') {
      const worktree = hasFlag(args, '-W', '--worktree') || !hasFlag(args, '-S', '--staged');
      if (!worktree) return undefined;
      const paths = positionals(args, ['-s', '--source', '--conflict', '--pathspec-from-file']);
      return paths.some(isWholeTree) ? {} : undefined;
    }
    if (git.subcommand === 'switch' && hasFlag(args, '--discard-changes', '-f', '--force')) {
      return { reason: 'git switch --discard-changes throws away local changes.' };
    }
    return undefined;
  },
  examples: {
    match: [
      { line: 'git checkout -- .', decision: 'ask' },
      { line: 'git checkout .', decision: 'ask' },
      { line: 'git checkout HEAD -- .', decision: 'ask' },
      { line: 'git restore .', decision: 'ask' },
      'git restore --worktree :/',
      'git restore --staged --worktree .',
      'git checkout -f main',
      { line: 'git switch --discard-changes main', decision: 'ask' },
    ],
    noMatch: [
      { line: 'git checkout main', decision: 'allow' },
      { line: 'git checkout -b feature/one', decision: 'allow' },
      { line: 'git restore --staged .', decision: 'allow' },
      'git restore file.txt',
      { line: 'git checkout -- src/app.ts', decision: 'allow' },
    ],
  },
});
