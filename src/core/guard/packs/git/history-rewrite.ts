import { defineRule } from '../../rule';
import { gitInvocation } from './subcommand';

export default defineRule({
  id: 'git.history-rewrite',
  resource: 'the repository history',
  severity: 'high',
  decision: 'ask',
  reason: 'Rewrites every commit it touches; clones and deploys that have the old history diverge, and dropped content is gone after gc.',
  suggestion: 'Work on a fresh clone and keep the original until the result is checked.',
  keywords: ['filter-branch', 'filter-repo', 'update-ref', 'bfg', 'replace'],
  tools: ['git', 'bfg', 'git-filter-repo'],
  match(command) {
    if (command.argv[0] === 'bfg' || command.argv[0] === 'git-filter-repo') {
      return command.argv.length > 1 && !command.argv.includes('--help') ? { reason: `${command.argv[0]} rewrites the whole repository history.` } : undefined;
    }
    const git = gitInvocation(command);
    if (!git) return undefined;
    if (git.subcommand === 'filter-branch' || git.subcommand === 'filter-repo')
      return { reason: `git ${git.subcommand} rewrites the history of every branch it touches.` };
    if (git.subcommand === 'update-ref' && git.args.includes('-d'))
      return { reason: 'git update-ref -d deletes a ref directly, bypassing every safety check.' };
    return undefined;
  },
  examples: {
    match: [
      'git filter-branch --tree-filter "rm -f secrets" HEAD',
      'git filter-repo --path secrets --invert-paths',
      { line: 'bfg --delete-files id_rsa', decision: 'ask' },
      { line: 'git update-ref -d refs/heads/main', decision: 'ask' },
    ],
    noMatch: ['git log --all', 'git update-ref refs/heads/x HEAD', { line: 'git rebase main', decision: 'allow' }],
  },
});
