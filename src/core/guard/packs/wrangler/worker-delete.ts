import { defineRule } from '../../rule';
import { WRANGLER_KEYWORDS, WRANGLER_TOOLS, wranglerDeletePath } from './shape';

export default defineRule({
  id: 'wrangler.worker-delete',
  resource: 'a Cloudflare Worker with its routes, versions and secrets',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes a Cloudflare Worker: what it serves goes offline, and its versions, routes and secrets go with it.',
  suggestion: 'Check which Worker the config names (`wrangler whoami`, wrangler.toml `name` and `--env`) first.',
  keywords: WRANGLER_KEYWORDS,
  tools: WRANGLER_TOOLS,
  match: (command) => (wranglerDeletePath(command)?.length === 1 ? {} : undefined),
  examples: {
    match: [{ line: 'wrangler delete', decision: 'ask' }, 'wrangler delete my-worker --env production', 'wrangler delete --name api'],
    noMatch: [
      { line: 'wrangler deploy', decision: 'allow' },
      { line: 'wrangler dev', decision: 'allow' },
      { line: 'wrangler delete --help', decision: 'allow' },
      'wrangler tail my-worker',
    ],
  },
});
