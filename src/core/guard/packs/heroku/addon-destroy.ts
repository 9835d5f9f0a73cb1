import { defineRule } from '../../rule';
import { HEROKU_KEYWORDS, HEROKU_TOOLS, herokuPath } from './shape';

export default defineRule({
  id: 'heroku.addon-destroy',
  resource: 'a Heroku add-on and its data (a Postgres or Redis add-on is the database itself)',
  severity: 'critical',
  decision: 'ask',
  reason: 'Destroys a Heroku add-on. For a database or Redis add-on that means the database and all its data.',
  suggestion: 'Capture and download a backup first; to move plans, `heroku addons:upgrade` keeps the data.',
  keywords: HEROKU_KEYWORDS,
  tools: HEROKU_TOOLS,
  match: (command) =>
    herokuPath(command, [
      ['addons', 'addon'],
      ['destroy', 'remove', 'delete', 'rm'],
    ])
      ? {}
      : undefined,
  examples: {
    match: ['heroku addons:destroy heroku-postgresql --confirm my-app', 'heroku addons:remove redis-1', 'heroku addons destroy postgresql-curly-123'],
    noMatch: [
      'heroku addons',
      'heroku addons:info redis-1',
      { line: 'heroku addons:create heroku-redis', decision: 'allow' },
      'heroku addons:upgrade redis-1 premium-0',
    ],
  },
});
