import { defineRule } from '../../rule';
import { parsedHasOption, parseOptions } from '../../../argv';

const VALUED = ['-d', '--dbname', '-f', '--file', '-F', '--format', '-h', '--host', '-p', '--port', '-U', '--username', '-j', '--jobs', '-n', '--schema', '-N', '--exclude-schema', '-t', '--table', '-T', '--trigger', '-I', '--index', '-P', '--function', '-L', '--use-list', '-S', '--superuser', '--role', '--section'];

export default defineRule({
  id: 'databases.pg-restore-clean',
  resource: 'the database objects the dump contains, and their current rows',
  severity: 'critical',
  decision: 'ask',
  reason: 'Restores with --clean: every object in the dump is dropped from the target database before it is recreated, losing what is there now.',
  suggestion: 'Restore into a fresh database first (`createdb restore_check && pg_restore -d restore_check ...`), and check where `-d` points.',
  tools: ['pg_restore'],
  match: (command) => (parsedHasOption(parseOptions(command.argv.slice(1), { valued: VALUED }), '-c', '--clean') ? {} : undefined),
  examples: {
    match: ['pg_restore --clean -d app dump.pgdump', { line: 'pg_restore -c -d "$DATABASE_URL" latest.dump', decision: 'ask' }, 'pg_restore -cd app dump.pgdump'],
    noMatch: ['pg_restore -d app dump.pgdump', 'pg_restore -Fc -d app dump.pgdump', 'pg_restore -l dump.pgdump'],
  },
});
