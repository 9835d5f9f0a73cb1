import { defineRule } from '../../rule';
import { WRANGLER_KEYWORDS, WRANGLER_TOOLS, wranglerDeletePath } from './shape';

export default defineRule({
  id: 'wrangler.d1-delete',
  resource: 'a Cloudflare D1 database and all its tables',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a Cloudflare D1 database with all its tables and data.',
  suggestion: 'Export it first (`wrangler d1 export DB --remote --output backup.sql`).',
  keywords: WRANGLER_KEYWORDS,
  tools: WRANGLER_TOOLS,
  match: (command) => (wranglerDeletePath(command)?.join(' ') === 'd1 delete' ? {} : undefined),
  examples: {
    match: [{ line: 'wrangler d1 delete prod-db', decision: 'ask' }, 'wrangler d1 delete prod-db --skip-confirmation'],
    noMatch: ['wrangler d1 list', 'wrangler d1 export prod-db --remote --output b.sql', 'wrangler d1 create prod-db', 'wrangler d1 delete --help'],
  },
});
