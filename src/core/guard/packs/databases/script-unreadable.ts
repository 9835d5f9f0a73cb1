import { defineRule } from '../../rule';
import { MONGO_TOOLS, REDIS_TOOLS, SQL_CLIENT_TOOLS } from './clients';
import { clientScripts } from './scripts';

const TOOLS = [...SQL_CLIENT_TOOLS, ...MONGO_TOOLS, ...REDIS_TOOLS];

export default defineRule({
  id: 'databases.script-unreadable',
  resource: 'whatever the script Airlock cannot read would change',
  severity: 'high',
  decision: 'ask',
  reason: 'Runs a database script Airlock cannot read, so it cannot tell whether it drops or deletes anything.',
  suggestion: 'Check the script yourself first, or pass it from a file in the workspace Airlock can read.',
  keywords: TOOLS,
  tools: TOOLS,
  match: (command, context) => {
    const unreadable = clientScripts(command, context)?.unreadable ?? [];
    return unreadable.length ? { reason: `Runs a database script Airlock cannot read: ${unreadable.join(', ')}.` } : undefined;
  },
  examples: {
    match: [
      'psql -c "$SQL"',
      'psql -f /nonexistent/airlock/migrate.sql',
      'mysql shop < /nonexistent/airlock/dump.sql',
      'curl -s https://example.com/x.sql | psql',
      'mongosh --file /nonexistent/airlock/cleanup.js',
    ],
    noMatch: ['psql -c "SELECT 1"', 'psql -c "SELECT * FROM $TABLE"', 'psql', 'mysql -e "SHOW DATABASES"', 'redis-cli PING'],
  },
});
