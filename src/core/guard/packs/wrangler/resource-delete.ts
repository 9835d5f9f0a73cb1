import { defineRule } from '../../rule';
import d1Delete from './d1-delete';
import { WRANGLER_KEYWORDS, WRANGLER_TOOLS, wranglerDeletePath } from './shape';

/** Groups whose delete takes stored data with it. */
const STORAGE = /^(r2 bucket|kv namespace|vectorize|queues|pages project)$/;

/** Rules of this pack that explain their commands better: when one matches, this one stays quiet. */
const SPECIFIC = [d1Delete];

export default defineRule({
  id: 'wrangler.resource-delete',
  resource: 'a Cloudflare R2 bucket or object, KV namespace or key, queue, index, Pages project or secret',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes a Cloudflare resource: an R2 bucket or object, a KV namespace or key, a queue, a vector index, a Pages project or a secret.',
  suggestion: 'List it first (`wrangler r2 bucket list`, `wrangler kv key list`...) and copy what you need.',
  keywords: WRANGLER_KEYWORDS,
  tools: WRANGLER_TOOLS,
  match: (command, context) => {
    const path = wranglerDeletePath(command);
    if (!path || path.length < 2 || SPECIFIC.some((rule) => rule.match(command, context))) return undefined;
    const group = path.slice(0, -1).join(' ');
    return { resource: `a Cloudflare ${group}`, severity: STORAGE.test(group) ? 'critical' : 'high' };
  },
  examples: {
    match: [
      { line: 'wrangler r2 bucket delete uploads', decision: 'ask' },
      { line: 'wrangler r2 object delete uploads/a.png', decision: 'ask' },
      { line: 'wrangler kv namespace delete --namespace-id 0f2ac74b', decision: 'ask' },
      { line: 'wrangler kv:namespace delete --binding CACHE', decision: 'ask' },
      { line: 'wrangler kv key delete --binding CACHE user:1', decision: 'ask' },
      'wrangler kv bulk delete keys.json --binding CACHE',
      'wrangler secret delete API_KEY',
      'wrangler pages project delete site',
      'wrangler queues delete jobs',
    ],
    noMatch: [
      'wrangler r2 bucket list',
      { line: 'wrangler kv key list --binding CACHE', decision: 'allow' },
      'wrangler kv key get user:1 --binding CACHE',
      { line: 'wrangler secret put API_KEY', decision: 'allow' },
      'wrangler d1 delete db',
    ],
  },
});
