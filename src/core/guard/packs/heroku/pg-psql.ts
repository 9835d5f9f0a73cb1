import { optionValue } from '../../../argv';
import { defineRule } from '../../rule';
import { nestedVerdict } from '../cli-words';
import { stdinSqlVerdict } from '../nested-commands';
import { HEROKU_KEYWORDS, HEROKU_TOOLS, herokuPath } from './shape';

/** `heroku pg:psql -c SQL` (or `-f FILE`, or standard input) sends SQL to the app's database: the database rules read it as they would for psql. */
export default defineRule({
  id: 'heroku.pg-psql',
  resource: 'tables and rows of a Heroku Postgres database',
  severity: 'critical',
  decision: 'ask',
  reason: 'Runs destructive SQL against a Heroku Postgres database.',
  suggestion: 'Capture a backup first (`heroku pg:backups:capture`), and try the SQL on a fork or a local copy.',
  keywords: HEROKU_KEYWORDS,
  tools: HEROKU_TOOLS,
  match: (command, context) => {
    if (!herokuPath(command, ['pg', 'psql'])) return undefined;
    const sql = optionValue(command.argv, '-c', '--command');
    const file = optionValue(command.argv, '-f', '--file');
    const findings = [
      ...(sql !== undefined ? context.checkArgv(['psql', '-c', sql], command.cwd) : []),
      ...(file !== undefined ? context.checkArgv(['psql', '-f', file], command.cwd) : []),
    ];
    return nestedVerdict(findings, 'On a Heroku Postgres database') ?? stdinSqlVerdict(command, context, 'psql', 'On a Heroku Postgres database');
  },
  examples: {
    match: [
      'heroku pg:psql -a my-app -c "DROP TABLE users"',
      'heroku pg:psql DATABASE_URL --command "TRUNCATE orders" -a my-app',
      "heroku pg:psql -a my-app <<< 'DROP TABLE users'",
    ],
    noMatch: [{ line: 'heroku pg:psql -a my-app', decision: 'allow' }, 'heroku pg:psql -a my-app -c "SELECT count(*) FROM users"', 'heroku pg:info -a my-app'],
  },
});
