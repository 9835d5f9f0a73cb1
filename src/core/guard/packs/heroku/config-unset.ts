import { defineRule } from '../../rule';
import { HEROKU_KEYWORDS, HEROKU_TOOLS, herokuPath } from './shape';

export default defineRule({
  id: 'heroku.config-unset',
  resource: 'configuration variables of a Heroku app',
  severity: 'medium',
  decision: 'ask',
  reason: 'Removes configuration variables from a Heroku app, which restarts without them (a removed DATABASE_URL or secret breaks it).',
  suggestion: 'Save the current values first (`heroku config --shell > backup.env`, kept out of the repository).',
  keywords: HEROKU_KEYWORDS,
  tools: HEROKU_TOOLS,
  match: (command) => (herokuPath(command, ['config', ['unset', 'remove']]) ? {} : undefined),
  examples: {
    match: ['heroku config:unset API_KEY -a my-app', 'heroku config:remove DATABASE_URL'],
    noMatch: ['heroku config', 'heroku config:get API_KEY', 'heroku config:set FOO=bar'],
  },
});
