import { hasFlag } from '../../../argv';
import { defineRule } from '../../rule';
import { gitInvocation } from './subcommand';

export default defineRule({
  id: 'git.clean-force',
  resource: 'untracked files (never committed, so not recoverable from git)',
  severity: 'high',
  decision: 'ask',
  reason: 'git clean -f deletes untracked files, which git never saved.',
  suggestion: 'Run git clean -n first to see what would go.',
  keywords: ['clean'],
  tools: ['git'],
  match(command) {
    const git = gitInvocation(command);
    if (git?.subcommand !== 'clean') return undefined;
    if (hasFlag(git.args, '-n', '--dry-run')) return undefined;
    if (!hasFlag(git.args, '-f', '--force')) return undefined;
    return hasFlag(git.args, '-x') ? { reason: 'git clean -fx deletes untracked and ignored files (.env files, local databases, build caches).' } : {};
  },
  examples: {
    match: [{ line: 'git clean -fd', decision: 'ask' }, { line: 'git clean -fdx', decision: 'ask' }, 'git clean --force', 'git clean -f -d -x'],
    noMatch: [{ line: 'git clean -n', decision: 'allow' }, 'git clean -nfd', 'git clean --dry-run -f', 'git clean'],
  },
});
