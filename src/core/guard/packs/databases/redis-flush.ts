import { defineRule } from '../../rule';
import { REDIS_TOOLS } from './clients';
import { clientScripts } from './scripts';

export default defineRule({
  id: 'databases.redis-flush',
  resource: 'every key in a Redis database (FLUSHDB) or in all of them (FLUSHALL)',
  severity: 'critical',
  decision: 'ask',
  reason: 'Empties a Redis database: every key, session, queue and cache entry in it is gone.',
  suggestion: 'Delete only the keys you mean (`redis-cli --scan --pattern "cache:*"` to list them first), and check which server `-h`/`-u` points at.',
  tools: REDIS_TOOLS,
  match: (command, context) => {
    const hazard = clientScripts(command, context)?.redis.find((h) => h.kind === 'flush');
    return hazard ? { reason: `Runs ${hazard.command} (from ${hazard.from}): every key it covers is deleted at once.` } : undefined;
  },
  examples: {
    match: [
      { line: 'redis-cli FLUSHALL', decision: 'ask' },
      'redis-cli -h cache.internal -n 2 flushdb async',
      { line: 'echo FLUSHALL | redis-cli', decision: 'ask' },
      'redis-cli EVAL "return redis.call(\'flushall\')" 0',
    ],
    noMatch: [
      { line: 'redis-cli PING', decision: 'allow' },
      { line: 'redis-cli GET flushall', decision: 'allow' },
      'redis-cli DEL session:42',
      'redis-cli --scan --pattern "cache:*"',
    ],
  },
});
