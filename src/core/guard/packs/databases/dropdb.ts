import { parseOptions } from '../../../argv';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'databases.dropdb',
  resource: 'a PostgreSQL database and every row in it',
  severity: 'critical',
  decision: 'ask',
  reason: 'Drops a PostgreSQL database with everything in it.',
  suggestion: 'Take a `pg_dump` first, and check which server PGHOST / `-h` points at.',
  tools: ['dropdb'],
  match: (command) => {
    const parsed = parseOptions(command.argv.slice(1), { valued: ['-h', '--host', '-p', '--port', '-U', '--username', '--maintenance-db'] });
    const name = parsed.positionals[0];
    return name ? { reason: `Drops the PostgreSQL database ${name} with everything in it.`, resource: `the database ${name}` } : undefined;
  },
  examples: {
    match: ['dropdb app_production', { line: 'dropdb -h db.internal -U admin --if-exists shop', decision: 'ask' }],
    noMatch: ['dropdb --version', 'createdb app_dev'],
  },
});
