import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { RAILWAY_DELETE, RAILWAY_KEYWORDS, RAILWAY_TOOLS, RAILWAY_VALUED } from './shape';

export default defineRule({
  id: 'railway.project-delete',
  resource: 'a Railway project with every environment, service and volume in it',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a whole Railway project: every environment, service, database and volume in it.',
  suggestion: 'Back up every volume and database of the project first; to stop paying for it, remove services instead.',
  keywords: RAILWAY_KEYWORDS,
  tools: RAILWAY_TOOLS,
  match: (command) => (matchPath(command, RAILWAY_VALUED, ['delete'], ['project', RAILWAY_DELETE]) ? {} : undefined),
  examples: {
    match: ['railway delete', 'railway delete --project 3f2a --yes', 'railway project delete'],
    noMatch: ['railway list', { line: 'railway link --project 3f2a', decision: 'allow' }, 'railway delete --help', 'railway init'],
  },
});
