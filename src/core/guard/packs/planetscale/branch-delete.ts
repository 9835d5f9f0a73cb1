import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { PSCALE_DELETE, PSCALE_KEYWORDS, PSCALE_TOOLS, PSCALE_VALUED } from './shape';

export default defineRule({
  id: 'planetscale.branch-delete',
  resource: 'a PlanetScale branch and its data',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes a PlanetScale database branch and the data on it (with --delete-descendants, every branch made from it too).',
  suggestion: 'Back it up first (`pscale backup create DATABASE BRANCH`).',
  keywords: PSCALE_KEYWORDS,
  tools: PSCALE_TOOLS,
  match: (command) => {
    if (!matchPath(command, PSCALE_VALUED, [['branch', 'branches'], PSCALE_DELETE])) return undefined;
    return hasOption(command.argv, '--delete-descendants') ? { severity: 'critical' } : {};
  },
  examples: {
    match: [{ line: 'pscale branch delete shop feature-x --force', decision: 'ask' }, 'pscale branch delete shop main --delete-descendants'],
    noMatch: [
      { line: 'pscale branch list shop', decision: 'allow' },
      { line: 'pscale branch create shop feature-x', decision: 'allow' },
      'pscale branch diff shop feature-x',
    ],
  },
});
