import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { RAILWAY_KEYWORDS, RAILWAY_TOOLS, RAILWAY_VALUED } from './shape';

export default defineRule({
  id: 'railway.down',
  resource: 'the running deployment of a Railway service',
  severity: 'high',
  decision: 'ask',
  reason: 'Removes the most recent deployment of a service: the service stops serving until something is deployed again.',
  suggestion: 'To go back to an earlier version, redeploy it from the dashboard or `railway redeploy` instead of taking the service down.',
  keywords: RAILWAY_KEYWORDS,
  tools: RAILWAY_TOOLS,
  match: (command) => (matchPath(command, RAILWAY_VALUED, ['down']) ? {} : undefined),
  examples: {
    match: ['railway down', { line: 'railway down -y', decision: 'ask' }, 'railway down --environment production'],
    noMatch: ['railway up', { line: 'railway up --detach', decision: 'allow' }, { line: 'railway logs', decision: 'allow' }, 'railway down --help'],
  },
});
