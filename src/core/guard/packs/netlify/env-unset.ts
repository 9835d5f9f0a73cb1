import { defineRule } from '../../rule';
import { NETLIFY_KEYWORDS, NETLIFY_TOOLS, netlifyPath } from './shape';

export default defineRule({
  id: 'netlify.env-unset',
  resource: 'an environment variable of a Netlify site',
  severity: 'medium',
  decision: 'ask',
  reason: 'Removes an environment variable from a Netlify site; later builds and functions run without it.',
  suggestion: 'List the current values first (`netlify env:list`).',
  keywords: NETLIFY_KEYWORDS,
  tools: NETLIFY_TOOLS,
  match: (command) => (netlifyPath(command, ['env', ['unset', 'delete', 'remove']]) ? {} : undefined),
  examples: {
    match: ['netlify env:unset API_KEY', 'netlify env:unset DATABASE_URL --context production', 'netlify env unset API_KEY'],
    noMatch: ['netlify env:list', 'netlify env:get API_KEY', 'netlify env:set API_KEY x'],
  },
});
