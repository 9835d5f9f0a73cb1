import { defineRule } from '../../rule';
import { SQL_CLIENT_TOOLS } from './clients';
import { sqlHazardVerdict } from './sql-hazard-rule';

export default defineRule({
  id: 'databases.sql-update-all',
  resource: 'every row of a table',
  severity: 'high',
  decision: 'ask',
  reason: 'Runs an UPDATE with no WHERE clause: every row is overwritten.',
  suggestion: 'Add a WHERE clause, and run the same filter as a SELECT first to see what it matches.',
  tools: SQL_CLIENT_TOOLS,
  match: (command, context) => sqlHazardVerdict(command, context, ['update-all'], (object) => `Overwrites ${object}`),
  examples: {
    match: [
      { line: 'psql -c "UPDATE users SET email = NULL"', decision: 'ask' },
      { line: 'mysql -e "update orders set status=\'void\'"', decision: 'ask' },
    ],
    noMatch: [
      'psql -c "UPDATE users SET email = NULL WHERE id = 1"',
      { line: 'mysql -e "INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE n = n + 1"', decision: 'allow' },
    ],
  },
});
