import { parseOptions } from '../../../argv';
import { defineRule } from '../../rule';
import { clientOf, REDIS_TOOLS } from './clients';
import { clientScripts } from './scripts';

const DELETES = new Set(['DEL', 'UNLINK']);

export default defineRule({
  id: 'databases.redis-bulk-delete',
  resource: 'every Redis key a pattern matched',
  severity: 'high',
  decision: 'ask',
  reason:
    'Deletes Redis keys fed in from another command (`--scan --pattern ... | xargs redis-cli DEL`) or matched in a Lua script: as many keys as the pattern matches.',
  suggestion: 'Run the scan alone first and count what it matches (`redis-cli --scan --pattern "x:*" | wc -l`).',
  tools: REDIS_TOOLS,
  match: (command, context) => {
    const client = clientOf(command);
    if (!client) return undefined;
    const lua = clientScripts(command, context)?.redis.find((h) => h.kind === 'bulk-delete');
    if (lua) return { reason: `A Lua script (from ${lua.from}) deletes every key that KEYS or SCAN matched.` };
    const words = parseOptions(client.args, client.shape.spec).positionals;
    if (!DELETES.has((words[0] ?? '').toUpperCase())) return undefined;
    const fedIn = words.some((w) => w.includes('$XARGS_INPUT')) || command.via.some((v) => /^(xargs|parallel)\b/.test(v));
    return fedIn ? {} : undefined;
  },
  examples: {
    match: [
      'redis-cli --scan --pattern "session:*" | xargs redis-cli DEL',
      'redis-cli keys "cache:*" | xargs redis-cli unlink',
      `redis-cli EVAL "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end" 0 'cache:*'`,
    ],
    noMatch: ['redis-cli DEL session:42', 'redis-cli --scan --pattern "session:*"'],
  },
});
