import { defineRule } from '../../rule';
import { HEROKU_KEYWORDS, HEROKU_TOOLS, herokuPath } from './shape';

export default defineRule({
  id: 'heroku.pg-reset',
  resource: 'every table and row of a Heroku Postgres database',
  severity: 'critical',
  decision: 'ask',
  reason: 'Resets a Heroku Postgres database: every table and all data are dropped.',
  suggestion: 'Capture a backup first (`heroku pg:backups:capture`), and check the app and database names.',
  keywords: HEROKU_KEYWORDS,
  tools: HEROKU_TOOLS,
  match: (command) => (herokuPath(command, ['pg', 'reset']) ? {} : undefined),
  examples: {
    match: [{ line: 'heroku pg:reset DATABASE_URL --confirm my-app', decision: 'ask' }, 'heroku pg:reset -a my-app'],
    noMatch: ['heroku pg:info -a my-app', 'heroku pg:psql', { line: 'heroku pg:reset --help', decision: 'allow' }, 'heroku pg:backups:capture'],
  },
});
