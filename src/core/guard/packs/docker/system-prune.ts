import { hasFlag, hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { startsWithPath } from '../cli-words';
import { DOCKER_KEYWORDS, DOCKER_TOOLS, dockerCalls } from './shape';

/**
 * `docker system prune` (without --volumes, which `docker.system-prune-volumes` covers) and
 * `docker container prune`: stopped containers go with everything they wrote outside volumes.
 * Asked, saying exactly what goes, because "prune" sounds like cache cleaning.
 */
export default defineRule({
  id: 'docker.system-prune',
  resource: 'every stopped container and what it wrote outside volumes, unused networks, images and build cache',
  severity: 'medium',
  decision: 'ask',
  reason: 'Removes every stopped container (with files written inside it, outside volumes), every unused network, dangling images and the build cache.',
  suggestion: 'List what would go first: `docker ps -a -f status=exited`, `docker system df`; restart containers you want to keep.',
  keywords: DOCKER_KEYWORDS,
  tools: DOCKER_TOOLS,
  match: (command) => {
    const call = dockerCalls(command).find((c) => startsWithPath(c.words, ['system', 'prune']) || startsWithPath(c.words, ['container', 'prune']));
    if (!call || hasOption(call.args, '--volumes')) return undefined;
    if (call.words[0] === 'container')
      return { reason: '`docker container prune` removes every stopped container, with the files each wrote outside volumes.' };
    const all = hasFlag(call.args, '-a', '--all');
    return {
      reason: `\`docker system prune${all ? ' -a' : ''}\` removes every stopped container (with files written inside it, outside volumes), every unused network, ${all ? 'every image no container uses' : 'dangling images'} and the build cache. Volumes are kept.`,
    };
  },
  examples: {
    match: [
      { line: 'docker system prune', decision: 'ask', severity: 'medium' },
      { line: 'docker system prune -af', decision: 'ask' },
      'podman system prune -f',
      'docker container prune -f',
    ],
    noMatch: [
      { line: 'docker image prune -a', decision: 'allow' },
      { line: 'docker builder prune', decision: 'allow' },
      { line: 'docker system df', decision: 'allow' },
      'docker system prune --volumes',
      { line: 'docker system prune --help', decision: 'allow' },
    ],
  },
});
