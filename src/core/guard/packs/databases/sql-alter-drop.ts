import { defineRule } from '../../rule';
import { SQL_CLIENT_TOOLS } from './clients';
import { sqlHazardVerdict } from './sql-hazard-rule';

export default defineRule({
  id: 'databases.sql-alter-drop',
  resource: 'a column, constraint or partition and the data in it',
  severity: 'high',
  decision: 'ask',
  reason: 'Runs an ALTER that drops part of a table: the data in a dropped column or partition is gone.',
  suggestion: 'Take a dump of the table first; for columns, consider a migration that copies the data out.',
  tools: SQL_CLIENT_TOOLS,
  match: (command, context) => sqlHazardVerdict(command, context, ['alter-drop'], (object) => `Drops ${object}`),
  examples: {
    match: [
      { line: 'psql -c "ALTER TABLE users DROP COLUMN email"', decision: 'ask' },
      { line: 'clickhouse-client -q "ALTER TABLE events DROP PARTITION 202401"', decision: 'ask' },
    ],
    noMatch: [
      { line: 'psql -c "ALTER TABLE users ALTER COLUMN email DROP NOT NULL"', decision: 'allow' },
      { line: 'psql -c "ALTER TABLE users ADD COLUMN age int"', decision: 'allow' },
    ],
  },
});
