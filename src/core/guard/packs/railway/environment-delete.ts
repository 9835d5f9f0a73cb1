import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { RAILWAY_DELETE, RAILWAY_KEYWORDS, RAILWAY_TOOLS, RAILWAY_VALUED } from './shape';

export default defineRule({
  id: 'railway.environment-delete',
  resource: 'a Railway environment with its services, variables and volumes',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a whole Railway environment: its services, variables, deployments and the volumes attached to them.',
  suggestion: 'Make sure the environment named is the one you mean (`railway status`), and back up its volumes first.',
  keywords: RAILWAY_KEYWORDS,
  tools: RAILWAY_TOOLS,
  match: (command) => (matchPath(command, RAILWAY_VALUED, [['environment', 'env'], RAILWAY_DELETE]) ? {} : undefined),
  examples: {
    match: ['railway environment delete staging', 'railway env rm pr-42 --yes', 'railway environment remove'],
    noMatch: [
      { line: 'railway environment', decision: 'allow' },
      'railway environment new preview',
      'railway env link production',
      'railway environment delete -h',
    ],
  },
});
