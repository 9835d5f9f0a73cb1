import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

const CIRCLECI_VALUED = ['--token', '--host', '--org-slug', '--org-id', '--integration-testing'];

export default defineRule({
  id: 'cicd.circleci-delete',
  resource: 'CircleCI contexts and their secrets, orbs, namespaces or pipelines',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes CircleCI configuration: a context with every secret in it, one of its secrets, an orb, a namespace or a pipeline.',
  suggestion: 'List it first (`circleci context show …`), and keep the secret values somewhere safe before removing them.',
  tools: ['circleci'],
  match: (command) => {
    const words = matchPath(command, CIRCLECI_VALUED, [['context', 'orb', 'namespace', 'pipeline', 'project'], ['delete', 'remove-secret', 'rm']]);
    if (!words) return undefined;
    return words[0] === 'context' && words[1] === 'delete' ? { severity: 'critical', resource: 'a CircleCI context and every secret in it' } : {};
  },
  examples: {
    match: ['circleci context delete org/my-org context/prod', 'circleci context remove-secret org/my-org context/prod AWS_ACCESS_KEY_ID', 'circleci orb delete my-org/my-orb', 'circleci namespace delete my-org', 'circleci pipeline delete 123456'],
    noMatch: ['circleci context list org/my-org', 'circleci orb info my-org/my-orb', 'circleci config validate .circleci/config.yml', 'circleci diagnostic'],
  },
});
