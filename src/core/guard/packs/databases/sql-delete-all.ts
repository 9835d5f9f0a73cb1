import { defineRule } from '../../rule';
import { SQL_CLIENT_TOOLS } from './clients';
import { sqlHazardVerdict } from './sql-hazard-rule';

export default defineRule({
  id: 'databases.sql-delete-all',
  resource: 'every row of a table',
  severity: 'critical',
  decision: 'ask',
  reason: 'Runs a DELETE with no WHERE clause (or one that is always true): every row goes.',
  suggestion: 'Add a WHERE clause, and run the same filter as a SELECT first to see what it matches.',
  tools: SQL_CLIENT_TOOLS,
  match: (command, context) => sqlHazardVerdict(command, context, ['delete-all'], (object) => `Deletes ${object}`),
  examples: {
    match: [
      { line: 'psql -c "DELETE FROM bookings"', decision: 'ask' },
      'mysql -e "delete from orders where 1=1"',
      { line: 'sqlite3 app.db "DELETE FROM sessions;"', decision: 'ask' },
      'psql -c "DELETE FROM t WHERE true"',
    ],
    noMatch: ['psql -c "DELETE FROM bookings WHERE id = 42"', 'psql -c "DELETE FROM t WHERE note = \'where\'"', 'mysql -e "SELECT * FROM orders WHERE id = 1"'],
  },
});
