import { hasFlag } from '../../../argv';
import { defineRule } from '../../rule';
import { startsWithPath } from '../cli-words';
import { DOCKER_KEYWORDS, DOCKER_TOOLS, dockerCalls } from './shape';

export default defineRule({
  id: 'docker.volume-remove',
  resource: 'Docker volumes and the data in them (database files, uploads)',
  severity: 'critical',
  decision: 'ask',
  reason: 'Removes Docker volumes: the data in them (a local database, uploaded files) is deleted for good.',
  suggestion: 'Back the volume up first (`docker run --rm -v VOL:/v -v "$PWD":/b alpine tar czf /b/vol.tgz -C /v .`).',
  keywords: DOCKER_KEYWORDS,
  tools: DOCKER_TOOLS,
  match: (command) => {
    const call = dockerCalls(command).find((c) => startsWithPath(c.words, ['volume', ['rm', 'remove', 'prune']]));
    if (!call) return undefined;
    if (call.words[1] === 'prune' && !hasFlag(call.args, '-a', '--all')) {
      return { severity: 'high', resource: 'unused anonymous Docker volumes and their data' };
    }
    return {};
  },
  examples: {
    match: [
      { line: 'docker volume rm pgdata', decision: 'ask' },
      'docker volume rm -f app_db_data',
      { line: 'docker volume prune -f', decision: 'ask' },
      { line: 'docker volume prune --all --force', decision: 'ask' },
      { line: 'podman volume rm data', decision: 'ask' },
    ],
    noMatch: [
      { line: 'docker volume ls', decision: 'allow' },
      { line: 'docker volume inspect pgdata', decision: 'allow' },
      { line: 'docker volume create pgdata', decision: 'allow' },
      { line: 'docker volume rm --help', decision: 'allow' },
    ],
  },
});
