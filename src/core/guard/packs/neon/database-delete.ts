import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { NEON_DELETE, NEON_KEYWORDS, NEON_TOOLS, NEON_VALUED } from './shape';

export default defineRule({
  id: 'neon.database-delete',
  resource: 'a Neon database or role',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a Neon database (all its tables and data) or a role (and what it owns can no longer log in).',
  suggestion: "Dump the database first (`pg_dump`); point-in-time restore only reaches back as far as the project's history window.",
  keywords: NEON_KEYWORDS,
  tools: NEON_TOOLS,
  match: (command) => {
    const words = matchPath(command, NEON_VALUED, [['databases', 'database', 'db', 'roles', 'role'], NEON_DELETE]);
    if (!words) return undefined;
    return words[0]!.startsWith('role') ? { severity: 'high', resource: 'a Neon role' } : {};
  },
  examples: {
    match: [
      { line: 'neon databases delete app --branch main', decision: 'ask' },
      'neonctl db delete app',
      { line: 'neon roles delete app_user', decision: 'ask' },
    ],
    noMatch: ['neon databases list', 'neon roles list', 'neon databases create --name app'],
  },
});
