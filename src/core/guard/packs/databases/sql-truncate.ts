import { defineRule } from '../../rule';
import { SQL_CLIENT_TOOLS } from './clients';
import { sqlHazardVerdict } from './sql-hazard-rule';

export default defineRule({
  id: 'databases.sql-truncate',
  resource: 'every row of a table',
  severity: 'critical',
  decision: 'ask',
  reason: 'Runs SQL that empties a table.',
  suggestion: 'Take a dump of the table first, and check which database the connection points at.',
  tools: SQL_CLIENT_TOOLS,
  match: (command, context) => sqlHazardVerdict(command, context, ['truncate'], (object) => `Empties ${object}`),
  examples: {
    match: [{ line: 'psql -c "TRUNCATE bookings"', decision: 'ask' }, 'mysql -e "TRUNCATE TABLE orders"', 'psql -c "truncate table only a, b cascade"'],
    noMatch: ['psql -c "SELECT count(*) FROM bookings"', 'mysql -e "SELECT \'TRUNCATE orders\'"'],
  },
});
