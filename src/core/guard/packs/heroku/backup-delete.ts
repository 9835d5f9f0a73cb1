import { defineRule } from '../../rule';
import { HEROKU_KEYWORDS, HEROKU_TOOLS, herokuPath } from './shape';

export default defineRule({
  id: 'heroku.backup-delete',
  resource: 'a Heroku Postgres backup',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes a Heroku Postgres backup: a restore point you may need later.',
  suggestion: 'Download it first (`heroku pg:backups:download`).',
  keywords: HEROKU_KEYWORDS,
  tools: HEROKU_TOOLS,
  match: (command) => (herokuPath(command, ['pg', ['backups', 'backup'], ['delete', 'destroy']]) ? {} : undefined),
  examples: {
    match: ['heroku pg:backups:delete b101 --confirm my-app', 'heroku pg:backups delete b101'],
    noMatch: ['heroku pg:backups', 'heroku pg:backups:info b101', 'heroku pg:backups:schedules'],
  },
});
