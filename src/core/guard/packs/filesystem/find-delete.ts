import { findRoots } from '../../../shell/unwrap';
import { defineRule } from '../../rule';
import { isRoutineDeletePath } from './paths';

export default defineRule({
  id: 'filesystem.find-delete',
  resource: 'every file the search matches',
  severity: 'high',
  decision: 'ask',
  reason: 'find -delete removes every file it matches, with no list shown first and no trash can.',
  suggestion: 'Run the same find with -print first and read the list.',
  keywords: ['find', 'delete'],
  tools: ['find'],
  match(command, context) {
    const args = command.argv.slice(1);
    if (!args.includes('-delete')) return undefined;
    const risky = findRoots(args).filter((r) => !isRoutineDeletePath(r, command.cwd, context.routineDeletePaths));
    return risky.length ? { reason: `find -delete would remove matching files under ${risky.join(', ')}.` } : undefined;
  },
  examples: {
    match: [
      { line: 'find . -name "*.log" -delete', decision: 'ask' },
      { line: 'find / -type f -delete', decision: 'ask' },
      'find src -delete',
      'sudo find /var/lib -mtime +1 -delete',
    ],
    noMatch: ['find . -name "*.log"', 'find /tmp -name x -delete', { line: 'find node_modules -name "*.md" -delete', decision: 'allow' }, 'grep -r delete .'],
  },
});
