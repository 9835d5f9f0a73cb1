import { defineRule } from '../../rule';
import { gitInvocation } from './subcommand';

export default defineRule({
  id: 'git.reflog-expire',
  resource: 'the safety net for lost commits',
  severity: 'high',
  decision: 'ask',
  reason: 'Expiring the reflog or pruning now removes the record git uses to recover lost commits.',
  suggestion: 'Leave the reflog alone; git gc without --prune=now keeps two weeks of safety.',
  keywords: ['reflog', 'gc', 'prune'],
  tools: ['git'],
  match(command) {
    const git = gitInvocation(command);
    if (!git) return undefined;
    const args = git.args;
    if (git.subcommand === 'reflog' && (args[0] === 'expire' || args[0] === 'delete')) {
      return args[0] === 'delete' || args.some((a) => /^--expire(-unreachable)?=(now|all|0)/.test(a))
        ? { reason: `git reflog ${args[0]} removes the entries that recover lost commits.` }
        : undefined;
    }
    if (git.subcommand === 'gc' && args.some((a) => /^--prune=(now|all)/.test(a)))
      return { reason: 'git gc --prune=now deletes unreachable commits immediately.' };
    if (git.subcommand === 'prune' && !args.includes('-n') && !args.includes('--dry-run')) return { reason: 'git prune deletes unreachable objects.' };
    return undefined;
  },
  examples: {
    match: [
      { line: 'git reflog expire --expire=now --all', decision: 'ask' },
      { line: 'git gc --prune=now', decision: 'ask' },
      'git reflog expire --expire-unreachable=now --all && git gc --prune=now --aggressive',
      'git prune',
    ],
    noMatch: [{ line: 'git reflog', decision: 'allow' }, { line: 'git gc', decision: 'allow' }, 'git reflog show', 'git prune -n'],
  },
});
