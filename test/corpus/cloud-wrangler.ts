// Cloudflare wrangler: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'npx wrangler delete --name api', 'wrangler.worker-delete'],
  ['ask', 'wrangler d1 execute prod-db --remote --command="DELETE FROM users"', 'wrangler.d1-execute'],
  ['allow', 'wrangler tail'],
  ['allow', 'wrangler d1 list'],
  ['allow', 'wrangler d1 execute prod-db --remote --command "SELECT count(*) FROM users"'],
  ['allow', 'wrangler d1 execute prod-db --local --command "DROP TABLE users"'],
  ['allow', 'wrangler r2 bucket list'],
] satisfies Corpus;
