import { hasFlag } from '../../../argv';
import { defineRule } from '../../rule';
import { gitInvocation } from './subcommand';

export default defineRule({
  id: 'git.reset-hard',
  resource: 'uncommitted changes in the working tree',
  severity: 'high',
  decision: 'ask',
  reason: 'git reset --hard throws away every uncommitted change; git cannot bring them back.',
  suggestion: 'git stash first, or use git reset --soft / --keep.',
  keywords: ['reset'],
  tools: ['git'],
  match(command) {
    const git = gitInvocation(command);
    if (git?.subcommand !== 'reset') return undefined;
    if (hasFlag(git.args, '--hard')) return {};
    if (hasFlag(git.args, '--merge')) return { reason: 'git reset --merge discards changes in files that differ between the commits.' };
    return undefined;
  },
  examples: {
    match: [
      'git reset --hard',
      { line: 'git reset --hard HEAD~1', decision: 'ask' },
      'git -C repo reset --hard origin/main',
      'sudo git reset --hard',
      { line: 'git reset --merge', decision: 'ask' },
    ],
    noMatch: [
      { line: 'git reset --soft HEAD~1', decision: 'allow' },
      { line: 'git reset HEAD~1', decision: 'allow' },
      'git reset file.txt',
      'git commit -m "git reset --hard"',
      { line: 'git reset --keep HEAD~1', decision: 'allow' },
    ],
  },
});
