import { hasFlag } from '../../../argv';
import { defineRule } from '../../rule';
import { gitInvocation } from './subcommand';

export default defineRule({
  id: 'git.worktree-remove-force',
  resource: 'a worktree folder and its uncommitted changes',
  severity: 'medium',
  decision: 'ask',
  reason: 'git worktree remove --force deletes the worktree folder even with uncommitted or untracked changes in it.',
  suggestion: 'git worktree remove without --force refuses when there are changes: try it first.',
  keywords: ['worktree'],
  tools: ['git'],
  match(command) {
    const git = gitInvocation(command);
    if (git?.subcommand !== 'worktree' || git.args[0] !== 'remove') return undefined;
    return hasFlag(git.args.slice(1), '-f', '--force') ? {} : undefined;
  },
  examples: {
    match: ['git worktree remove --force ../wt', 'git worktree remove -f -f ../wt'],
    noMatch: ['git worktree remove ../wt', 'git worktree add ../wt main', 'git worktree prune'],
  },
});
