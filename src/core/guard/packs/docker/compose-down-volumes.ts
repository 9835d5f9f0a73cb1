import { hasFlag } from '../../../argv';
import { defineRule } from '../../rule';
import { startsWithPath } from '../cli-words';
import { DOCKER_KEYWORDS, DOCKER_TOOLS, dockerCalls } from './shape';

export default defineRule({
  id: 'docker.compose-down-volumes',
  resource: 'the named and anonymous volumes of a Compose project, with their data',
  severity: 'critical',
  decision: 'ask',
  reason: "`compose down -v` (or `compose rm -v`) removes the project's volumes: its databases and stored files are deleted.",
  suggestion: 'Run `docker compose down` without -v to keep the data, or back the volumes up first.',
  keywords: DOCKER_KEYWORDS,
  tools: DOCKER_TOOLS,
  match: (command) => {
    const call = dockerCalls(command).find((c) => startsWithPath(c.words, ['compose', ['down', 'rm']]));
    return call && hasFlag(call.args.slice(call.args.indexOf(call.words[1]!)), '-v', '--volumes') ? {} : undefined;
  },
  examples: {
    match: [
      { line: 'docker compose down -v', decision: 'ask' },
      { line: 'docker compose down --volumes --remove-orphans', decision: 'ask' },
      { line: 'docker-compose down -v', decision: 'ask' },
      'docker compose -f prod.yml down -v',
      { line: 'docker compose rm -fsv db', decision: 'ask' },
      { line: 'podman-compose down -v', decision: 'ask' },
    ],
    noMatch: [
      'docker compose down',
      'docker compose --dry-run down -v',
      { line: 'docker compose up -d', decision: 'allow' },
      'docker-compose ps',
      { line: 'docker compose logs -f', decision: 'allow' },
      'docker compose down --rmi local',
    ],
  },
});
