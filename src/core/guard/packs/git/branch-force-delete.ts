import { hasFlag } from '../../../argv';
import { defineRule } from '../../rule';
import { gitInvocation } from './subcommand';

export default defineRule({
  id: 'git.branch-force-delete',
  resource: 'a branch and its unmerged commits',
  severity: 'medium',
  decision: 'ask',
  reason: 'git branch -D deletes a branch even when its commits are merged nowhere else.',
  suggestion: 'git branch -d refuses when the branch is unmerged: try it first.',
  keywords: ['branch'],
  tools: ['git'],
  match(command) {
    const git = gitInvocation(command);
    if (git?.subcommand !== 'branch') return undefined;
    const args = git.args;
    const forceDelete = args.some((a) => /^-[a-zA-Z]*D/.test(a)) || (hasFlag(args, '-d', '--delete') && hasFlag(args, '-f', '--force'));
    return forceDelete ? {} : undefined;
  },
  examples: {
    match: ['git branch -D feature-branch', 'git branch --delete --force old', 'git branch -d -f old', 'git branch -Dr origin/x'],
    noMatch: ['git branch -d merged-branch', 'git branch -a', 'git branch feature-new', 'git branch -m old new'],
  },
});
