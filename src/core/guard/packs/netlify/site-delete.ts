import { defineRule } from '../../rule';
import { NETLIFY_KEYWORDS, NETLIFY_TOOLS, netlifyPath } from './shape';

export default defineRule({
  id: 'netlify.site-delete',
  resource: 'a Netlify site with its deploys, forms, functions and settings',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a Netlify site: every deploy, form submission, environment variable and setting it has.',
  suggestion: 'Check the site id with `netlify status` and export what you need (env vars, form submissions) first.',
  keywords: NETLIFY_KEYWORDS,
  tools: NETLIFY_TOOLS,
  match: (command) =>
    netlifyPath(command, [
      ['sites', 'site'],
      ['delete', 'remove', 'rm'],
    ])
      ? {}
      : undefined,
  examples: {
    match: [
      { line: 'netlify sites:delete 1a2b3c --force', decision: 'ask' },
      'netlify sites delete 1a2b3c',
      { line: 'ntl sites:delete 1a2b3c', decision: 'ask' },
      { line: 'npx netlify-cli sites:delete 1a2b3c', decision: 'ask' },
    ],
    noMatch: [
      { line: 'netlify sites:list', decision: 'allow' },
      'netlify sites:create --name blog',
      { line: 'netlify sites:delete --help', decision: 'allow' },
      'netlify status',
    ],
  },
});
