import { defineRule } from '../../rule';
import { nestedVerdict } from '../cli-words';
import { DOCKER_KEYWORDS, DOCKER_TOOLS, dockerCalls } from './shape';

/** `docker exec CONTAINER CMD` and `docker compose exec SERVICE CMD` run CMD inside the container: same rules as locally. */
export default defineRule({
  id: 'docker.exec-destructive',
  resource: 'data inside a running container',
  severity: 'high',
  decision: 'ask',
  reason: 'Runs a destructive command inside a container.',
  suggestion: 'Check which container and which database it is first, and back up what the command touches.',
  keywords: DOCKER_KEYWORDS,
  tools: DOCKER_TOOLS,
  match: (command, context) => {
    // The strict reading only: in the greedy one, the container name could be taken for an option value.
    const call = dockerCalls(command)[0];
    if (!call) return undefined;
    const at = call.words[0] === 'exec' ? 2 : call.words[0] === 'compose' && call.words[1] === 'exec' ? 3 : -1;
    if (at < 0) return undefined;
    const target = call.words[at - 1]!;
    const inner = call.args.slice(call.args.indexOf(target, call.args.indexOf('exec')) + 1);
    if (!inner.length) return undefined;
    return nestedVerdict(context.checkArgv(inner, '/'), `Inside container ${target}`);
  },
  examples: {
    match: [
      'docker exec web rm -rf /var/lib/app',
      'docker exec -it db psql -U postgres -c "DROP TABLE users"',
      { line: 'docker compose exec db psql -c "DROP TABLE users"', decision: 'ask' },
    ],
    noMatch: [
      { line: 'docker exec -it db psql -U postgres -c "SELECT 1"', decision: 'allow' },
      'docker exec web ls',
      { line: 'docker logs web', decision: 'allow' },
    ],
  },
});
