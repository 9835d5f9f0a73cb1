import { defineRule } from '../../rule';
import { startsWithPath } from '../cli-words';
import { DOCKER_KEYWORDS, DOCKER_TOOLS, dockerCalls } from './shape';

const REMOVE = ['rm', 'remove'];

/** `[group, what goes]` for Swarm objects whose removal takes a running service or its secrets away. */
const OBJECTS: ReadonlyArray<readonly [string, string, 'critical' | 'high' | 'medium']> = [
  ['service', 'a Swarm service and every task (container) of it', 'high'],
  ['stack', 'a whole Swarm stack: every service, network, secret and config in it', 'critical'],
  ['secret', 'a Swarm secret: services that use it fail to start, and its value cannot be read back', 'medium'],
  ['config', 'a Swarm config that services read', 'medium'],
];

/** Removing Swarm services, stacks, secrets and configs: what runs in production on Swarm. */
export default defineRule({
  id: 'docker.swarm-remove',
  resource: 'a Docker Swarm service, stack, secret or config',
  severity: 'high',
  decision: 'ask',
  reason: "Removes a Docker Swarm service, stack, secret or config: the service stops, and a secret's value cannot be read back to recreate it.",
  suggestion: "Check the cluster (`docker context ls`, `docker node ls`) and keep the secret's value somewhere first.",
  keywords: DOCKER_KEYWORDS,
  tools: DOCKER_TOOLS,
  match: (command) => {
    for (const call of dockerCalls(command)) {
      const found = OBJECTS.find(([group]) => startsWithPath(call.words, [group, REMOVE]));
      if (found) {
        const names = call.words.slice(2);
        return {
          reason: `\`docker ${call.words.slice(0, 2).join(' ')}\` removes ${found[1]}${names.length ? ` (${names.join(', ')})` : ''}.`,
          severity: found[2],
          resource: found[1],
        };
      }
    }
    return undefined;
  },
  examples: {
    match: [
      { line: 'docker secret rm db_password', decision: 'ask', severity: 'medium' },
      { line: 'docker service rm web', decision: 'ask', severity: 'high' },
      { line: 'docker stack rm prod', decision: 'ask', severity: 'critical' },
      'docker -H ssh://swarm-manager service remove api worker',
      'docker config rm nginx_conf',
    ],
    noMatch: [
      { line: 'docker secret ls', decision: 'allow' },
      { line: 'docker service ls', decision: 'allow' },
      { line: 'docker service scale web=3', decision: 'allow' },
      'docker secret create db_password ./pw.txt',
      'docker stack deploy -c stack.yml prod',
    ],
  },
});
