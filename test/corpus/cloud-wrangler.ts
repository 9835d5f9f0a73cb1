// Cloudflare wrangler: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'wrangler delete', 'wrangler.worker-delete'],
  ['ask', 'npx wrangler delete --name api', 'wrangler.worker-delete'],
  ['ask', 'wrangler d1 delete prod-db', 'wrangler.d1-delete'],
  ['ask', 'wrangler d1 execute prod-db --remote --command "DROP TABLE users"', 'wrangler.d1-execute'],
  ['ask', 'wrangler d1 execute prod-db --remote --command="DELETE FROM users"', 'wrangler.d1-execute'],
  ['ask', 'wrangler r2 bucket delete uploads', 'wrangler.resource-delete'],
  ['ask', 'wrangler r2 object delete uploads/a.png', 'wrangler.resource-delete'],
  ['ask', 'wrangler kv namespace delete --namespace-id 0f2ac74b', 'wrangler.resource-delete'],
  ['ask', 'wrangler kv:namespace delete --binding CACHE', 'wrangler.resource-delete'],
  ['ask', 'wrangler kv key delete --binding CACHE user:1', 'wrangler.resource-delete'],
  ['allow', 'wrangler deploy'],
  ['allow', 'wrangler dev'],
  ['allow', 'wrangler tail'],
  ['allow', 'wrangler d1 list'],
  ['allow', 'wrangler d1 execute prod-db --remote --command "SELECT count(*) FROM users"'],
  ['allow', 'wrangler d1 execute prod-db --local --command "DROP TABLE users"'],
  ['allow', 'wrangler r2 bucket list'],
  ['allow', 'wrangler kv key list --binding CACHE'],
  ['allow', 'wrangler delete --help'],
] satisfies Corpus;
