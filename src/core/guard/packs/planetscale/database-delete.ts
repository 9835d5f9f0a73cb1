import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { PSCALE_DELETE, PSCALE_KEYWORDS, PSCALE_TOOLS, PSCALE_VALUED } from './shape';

export default defineRule({
  id: 'planetscale.database-delete',
  resource: 'a PlanetScale database with every branch and backup',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a PlanetScale database: every branch, its data and its backups.',
  suggestion: 'Take a backup you can keep outside PlanetScale (`pscale database dump`) first.',
  keywords: PSCALE_KEYWORDS,
  tools: PSCALE_TOOLS,
  match: (command) => (matchPath(command, PSCALE_VALUED, [['database', 'db', 'databases'], PSCALE_DELETE]) ? {} : undefined),
  examples: {
    match: [
      { line: 'pscale database delete shop --force', decision: 'ask' },
      { line: 'pscale db delete shop', decision: 'ask' },
      'pscale database delete shop --org acme',
      'npx @planetscale/cli database delete shop',
    ],
    noMatch: [
      { line: 'pscale database list', decision: 'allow' },
      { line: 'pscale database dump shop main', decision: 'allow' },
      'pscale db show shop',
      'pscale database delete --help',
    ],
  },
});
