import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { startsWithPath } from '../cli-words';
import { DOCKER_KEYWORDS, DOCKER_TOOLS, dockerCalls } from './shape';

/** Prune without --volumes is `docker.system-prune`'s: it keeps volumes, so no database loses its data. */
export default defineRule({
  id: 'docker.system-prune-volumes',
  resource: 'every Docker volume no running container uses, with its data',
  severity: 'critical',
  decision: 'ask',
  reason: '`docker system prune --volumes` also removes every volume no running container uses: a stopped database loses its data.',
  suggestion: 'Leave out --volumes (images, containers and cache are still cleaned), or list volumes first (`docker volume ls -f dangling=true`).',
  keywords: DOCKER_KEYWORDS,
  tools: DOCKER_TOOLS,
  match: (command) => {
    const call = dockerCalls(command).find((c) => startsWithPath(c.words, ['system', 'prune']));
    return call && hasOption(call.args, '--volumes') ? {} : undefined;
  },
  examples: {
    match: ['docker system prune --volumes', { line: 'docker system prune -af --volumes', decision: 'ask' }, 'podman system prune --volumes -f'],
    noMatch: [
      'docker system prune',
      'docker system prune -af',
      { line: 'docker system df', decision: 'allow' },
      { line: 'docker image prune -a', decision: 'allow' },
    ],
  },
});
