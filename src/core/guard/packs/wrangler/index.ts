import { definePack } from '../../rule';
import d1Delete from './d1-delete';
import d1Execute from './d1-execute';
import resourceDelete from './resource-delete';
import workerDelete from './worker-delete';

export default definePack({
  id: 'wrangler',
  name: 'Cloudflare wrangler',
  description: 'wrangler: deleting Workers, D1 databases, R2 buckets, KV namespaces and keys; destructive SQL on remote D1.',
  helpSubcommand: ['wrangler'],
  packages: { wrangler: 'wrangler' },
  rules: [workerDelete, d1Delete, d1Execute, resourceDelete],
});
