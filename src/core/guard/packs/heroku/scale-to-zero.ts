import { defineRule } from '../../rule';
import { HEROKU_KEYWORDS, HEROKU_TOOLS, herokuPath } from './shape';

export default defineRule({
  id: 'heroku.scale-to-zero',
  resource: 'every dyno of a Heroku process type',
  severity: 'medium',
  decision: 'ask',
  reason: 'Scales a Heroku process type to zero dynos: it stops serving until scaled up again.',
  suggestion: 'Note the current formation first (`heroku ps -a APP`); `heroku maintenance:on` shows a page instead of an error.',
  keywords: HEROKU_KEYWORDS,
  tools: HEROKU_TOOLS,
  match: (command) => {
    const words = herokuPath(command, ['ps', ['scale', 'resize']]);
    return words?.slice(2).some((w) => /^[\w-]+[=:]0\b/.test(w)) ? {} : undefined;
  },
  examples: {
    match: [{ line: 'heroku ps:scale web=0 -a my-app', decision: 'ask' }, 'heroku ps:scale worker=0:standard-1x'],
    noMatch: [{ line: 'heroku ps:scale web=2', decision: 'allow' }, 'heroku ps -a my-app', 'heroku ps:scale web=10'],
  },
});
