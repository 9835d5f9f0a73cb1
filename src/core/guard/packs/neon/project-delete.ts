import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { NEON_DELETE, NEON_KEYWORDS, NEON_TOOLS, NEON_VALUED } from './shape';

export default defineRule({
  id: 'neon.project-delete',
  resource: 'a Neon project with every branch, database and its history',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a Neon project: all its branches, databases, roles and the history point-in-time restore relies on.',
  suggestion: 'Dump the databases you need (`pg_dump`) first, and check the id with `neon projects list`.',
  keywords: NEON_KEYWORDS,
  tools: NEON_TOOLS,
  match: (command) => (matchPath(command, NEON_VALUED, [['projects', 'project'], NEON_DELETE]) ? {} : undefined),
  examples: {
    match: [
      { line: 'neon projects delete cool-river-123', decision: 'ask' },
      'neonctl projects delete cool-river-123 --api-key key',
      'npx @neondatabase/cli projects delete cool-river-123',
    ],
    noMatch: ['neon projects list', 'neon projects get cool-river-123', 'neonctl projects create --name app'],
  },
});
