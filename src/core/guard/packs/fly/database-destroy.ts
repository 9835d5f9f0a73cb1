import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { FLY_DESTROY, FLY_KEYWORDS, FLY_TOOLS, FLY_VALUED } from './shape';

/** Managed data services flyctl can create and destroy. */
const DATA_SERVICES = ['postgres', 'pg', 'mpg', 'redis', 'mysql', 'storage', 'tigris', 'consul'];

export default defineRule({
  id: 'fly.database-destroy',
  resource: 'a Fly.io managed database or storage bucket and its data',
  severity: 'critical',
  decision: 'ask',
  reason: 'Destroys a managed database, Redis or object-storage bucket on Fly.io, with all the data in it.',
  suggestion: 'Dump the data first (`pg_dump`, a bucket copy) and confirm the name against `fly ... list`.',
  keywords: FLY_KEYWORDS,
  tools: FLY_TOOLS,
  match: (command) => {
    const words = matchPath(command, FLY_VALUED, [DATA_SERVICES, FLY_DESTROY]);
    return words ? { resource: `a Fly.io ${words[0]} instance and its data` } : undefined;
  },
  examples: {
    match: [
      { line: 'fly mpg destroy cluster-1', decision: 'ask' },
      'fly redis destroy my-cache',
      'fly storage destroy my-bucket',
      'flyctl postgres destroy my-db',
    ],
    noMatch: ['fly postgres connect -a my-db', 'fly redis list', 'fly mpg status', 'fly storage create'],
  },
});
