import { defineRule } from '../../rule';
import { HEROKU_KEYWORDS, HEROKU_TOOLS, herokuPath } from './shape';

export default defineRule({
  id: 'heroku.app-destroy',
  resource: 'a Heroku app with its add-ons, databases and configuration',
  severity: 'critical',
  decision: 'ask',
  reason: 'Destroys a Heroku app, and with it every add-on it owns, Heroku Postgres databases and their data included.',
  suggestion: 'Capture a database backup first (`heroku pg:backups:capture -a APP`) and download it.',
  keywords: HEROKU_KEYWORDS,
  tools: HEROKU_TOOLS,
  match: (command) =>
    herokuPath(
      command,
      ['destroy'],
      [
        ['apps', 'app'],
        ['destroy', 'delete'],
      ],
    )
      ? {}
      : undefined,
  examples: {
    match: [
      { line: 'heroku apps:destroy my-app --confirm my-app', decision: 'ask' },
      { line: 'heroku apps:destroy -a my-app', decision: 'ask' },
      { line: 'heroku destroy --app my-app', decision: 'ask' },
      'heroku apps destroy my-app',
    ],
    noMatch: [{ line: 'heroku apps', decision: 'allow' }, 'heroku apps:info -a my-app', 'heroku apps:create my-app', 'heroku apps:destroy --help'],
  },
});
