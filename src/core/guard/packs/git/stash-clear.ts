import { defineRule } from '../../rule';
import { gitInvocation } from './subcommand';

export default defineRule({
  id: 'git.stash-drop',
  resource: 'stashed work',
  severity: 'medium',
  decision: 'ask',
  reason: 'Dropping stashes deletes saved work that exists nowhere else.',
  suggestion: 'git stash list and git stash show -p first; git stash branch NAME keeps it.',
  keywords: ['stash'],
  tools: ['git'],
  match(command) {
    const git = gitInvocation(command);
    if (git?.subcommand !== 'stash') return undefined;
    if (git.args[0] === 'clear') return { reason: 'git stash clear deletes every stash at once.' };
    if (git.args[0] === 'drop') return { reason: 'git stash drop deletes a stash.' };
    return undefined;
  },
  examples: {
    match: [{ line: 'git stash clear', decision: 'ask' }, { line: 'git stash drop', decision: 'ask' }, 'git stash drop stash@{2}'],
    noMatch: [
      { line: 'git stash', decision: 'allow' },
      { line: 'git stash pop', decision: 'allow' },
      { line: 'git stash list', decision: 'allow' },
      'git stash apply',
    ],
  },
});
