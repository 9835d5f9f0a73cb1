import { defineRule } from '../../rule';
import { REDIS_TOOLS } from './clients';
import { parseOptions } from '../../options';
import { clientOf } from './clients';

const DELETES = new Set(['DEL', 'UNLINK']);

export default defineRule({
  id: 'databases.redis-bulk-delete',
  resource: 'every Redis key a pattern matched',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes Redis keys fed in from another command (`--scan --pattern ... | xargs redis-cli DEL`): as many keys as the pattern matches.',
  suggestion: 'Run the scan alone first and count what it matches (`redis-cli --scan --pattern "x:*" | wc -l`).',
  keywords: REDIS_TOOLS,
  tools: REDIS_TOOLS,
  match: (command) => {
    const client = clientOf(command);
    if (!client) return undefined;
    const words = parseOptions(client.args, client.shape.spec).positionals;
    if (!DELETES.has((words[0] ?? '').toUpperCase())) return undefined;
    const fedIn = words.some((w) => w.includes('$XARGS_INPUT')) || command.via.some((v) => /^(xargs|parallel)\b/.test(v));
    return fedIn ? {} : undefined;
  },
  examples: {
    match: ['redis-cli --scan --pattern "session:*" | xargs redis-cli DEL', 'redis-cli keys "cache:*" | xargs redis-cli unlink'],
    noMatch: ['redis-cli DEL session:42', 'redis-cli --scan --pattern "session:*"'],
  },
});
