import { defineRule } from '../../rule';
import { isRoutineDeletePath } from './paths';

/** find's primaries that take one value: their value is not a search root. */
const ROOT_END = /^[-(!]/;

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
    const roots = [];
    for (const arg of args) { if (ROOT_END.test(arg)) break; roots.push(arg); }
    if (roots.length === 0) roots.push('.');
    const risky = roots.filter((r) => !isRoutineDeletePath(r, command.cwd, context.routineDeletePaths));
    return risky.length ? { reason: `find -delete would remove matching files under ${risky.join(', ')}.` } : undefined;
  },
  examples: {
    match: ['find . -name "*.log" -delete', 'find / -type f -delete', 'find src -delete', 'sudo find /var/lib -mtime +1 -delete'],
    noMatch: ['find . -name "*.log"', 'find /tmp -name x -delete', 'find node_modules -name "*.md" -delete', 'grep -r delete .'],
  },
});
