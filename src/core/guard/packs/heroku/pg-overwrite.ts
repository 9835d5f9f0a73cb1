import { defineRule } from '../../rule';
import { HEROKU_KEYWORDS, HEROKU_TOOLS, herokuPath } from './shape';

export default defineRule({
  id: 'heroku.pg-overwrite',
  resource: 'the current contents of the target Heroku Postgres database',
  severity: 'critical',
  decision: 'ask',
  reason: 'Overwrites a Heroku Postgres database with another database or a backup: everything the target held is replaced.',
  suggestion: 'Capture a backup of the target first (`heroku pg:backups:capture`), and check which app the target belongs to.',
  keywords: HEROKU_KEYWORDS,
  tools: HEROKU_TOOLS,
  match: (command) => (herokuPath(command, ['pg', 'copy'], ['pg', 'backups', 'restore'], ['pg', 'backup', 'restore']) ? {} : undefined),
  examples: {
    match: [
      'heroku pg:copy source-app::DATABASE_URL DATABASE_URL -a target-app',
      { line: 'heroku pg:backups:restore b101 DATABASE_URL -a my-app', decision: 'ask' },
      'heroku pg:backups restore b101',
    ],
    noMatch: [
      'heroku pg:backups',
      { line: 'heroku pg:backups:capture -a my-app', decision: 'allow' },
      'heroku pg:backups:download',
      { line: 'heroku pg:pull DATABASE_URL localdb -a my-app', decision: 'allow' },
    ],
  },
});
