import { hasFlag } from '../../../argv';
import { defineRule } from '../../rule';
import { startsWithPath } from '../cli-words';
import { DOCKER_KEYWORDS, DOCKER_TOOLS, dockerCalls } from './shape';

export default defineRule({
  id: 'docker.container-remove-volumes',
  resource: 'a container and the anonymous volumes attached to it',
  severity: 'high',
  decision: 'ask',
  reason: '`docker rm -v` removes the container together with its anonymous volumes: a database image keeps its data in one.',
  suggestion: 'Remove the container without -v, or copy its data out first (`docker cp CONTAINER:/path ./backup`).',
  keywords: DOCKER_KEYWORDS,
  tools: DOCKER_TOOLS,
  match: (command) => {
    const call = dockerCalls(command).find((c) => startsWithPath(c.words, ['rm']) || startsWithPath(c.words, ['container', ['rm', 'remove']]));
    return call && hasFlag(call.args, '-v', '--volumes') ? {} : undefined;
  },
  examples: {
    match: [{ line: 'docker rm -v postgres', decision: 'ask' }, { line: 'docker rm -fv db', decision: 'ask' }, 'docker container rm --volumes db'],
    noMatch: [
      { line: 'docker rm web', decision: 'allow' },
      { line: 'docker rm -f web', decision: 'allow' },
      { line: 'docker ps -a', decision: 'allow' },
      'docker container ls',
    ],
  },
});
