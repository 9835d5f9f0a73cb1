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
    match: [
      { line: 'git branch -D feature-branch', decision: 'ask' },
      { line: 'git branch --delete --force old', decision: 'ask' },
      'git branch -d -f old',
      'git branch -Dr origin/x',
    ],
    noMatch: [
      { line: 'git branch -d merged-branch', decision: 'allow' },
      { line: 'git branch -a', decision: 'allow' },
      'git branch feature-new',
      'git branch -m old new',
    ],
  },
});
