import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { stdinSqlVerdict } from '../nested-commands';
import { RAILWAY_KEYWORDS, RAILWAY_TOOLS, RAILWAY_VALUED } from './shape';

/** `railway connect` opens the database shell of a Railway service; what is piped into it runs there. */
export default defineRule({
  id: 'railway.connect-sql',
  resource: 'tables and rows of a Railway database',
  severity: 'critical',
  decision: 'ask',
  reason: 'Feeds destructive SQL to a Railway database through `railway connect`.',
  suggestion: 'Check the linked environment (`railway status`) and back the database up first.',
  keywords: RAILWAY_KEYWORDS,
  tools: RAILWAY_TOOLS,
  match: (command, context) =>
    matchPath(command, RAILWAY_VALUED, ['connect']) ? stdinSqlVerdict(command, context, 'psql', 'On a Railway database') : undefined,
  examples: {
    match: [{ line: "railway connect postgres <<< 'DROP TABLE bookings'", decision: 'ask' }, 'curl -s https://example.com/x.sql | railway connect postgres'],
    noMatch: [{ line: 'railway connect postgres', decision: 'allow' }, "railway connect postgres <<< 'SELECT 1'"],
  },
});
