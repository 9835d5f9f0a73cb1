import { defineRule } from '../../rule';
import { SQL_CLIENT_TOOLS } from './clients';
import { sqlHazardVerdict } from './sql-hazard-rule';

export default defineRule({
  id: 'databases.sql-drop',
  resource: 'a database, schema or table and every row in it',
  severity: 'critical',
  decision: 'ask',
  reason: 'Runs SQL that drops a database object and everything stored in it.',
  suggestion: 'Take a dump first (`pg_dump`, `mysqldump`), and check which database the connection points at.',
  tools: SQL_CLIENT_TOOLS,
  match: (command, context) =>
    sqlHazardVerdict(
      command,
      context,
      ['drop', 'replace'],
      (object) => `Drops ${object}`,
      (object) => (/^(DATABASE|SCHEMA|KEYSPACE|TABLE)\b/.test(object) ? 'critical' : 'high'),
    ),
  examples: {
    match: [
      'psql -c "DROP TABLE users"',
      'psql "$DATABASE_URL" -c \'DROP DATABASE app;\'',
      'mysql -u root -e "drop database shop"',
      'sqlite3 app.db "DROP TABLE IF EXISTS sessions"',
      { line: 'clickhouse-client --query "DROP TABLE events"', decision: 'ask' },
      { line: 'cqlsh -e "DROP KEYSPACE bookings"', decision: 'ask' },
      'psql <<< "SELECT 1; DROP SCHEMA public CASCADE;"',
    ],
    noMatch: [
      'psql -c "SELECT * FROM users"',
      { line: 'psql -c "SELECT \'DROP TABLE users\'"', decision: 'allow' },
      'psql -c "-- DROP TABLE users\nSELECT 1"',
      { line: 'psql -l', decision: 'allow' },
      { line: 'psql -c "\\dt"', decision: 'allow' },
      'mysql -e "SHOW TABLES"',
    ],
  },
});
