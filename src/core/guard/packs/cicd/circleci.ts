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
    const words = matchPath(command, CIRCLECI_VALUED, [
      ['context', 'orb', 'namespace', 'pipeline', 'project'],
      ['delete', 'remove-secret', 'rm'],
    ]);
    if (!words) return undefined;
    return words[0] === 'context' && words[1] === 'delete' ? { severity: 'critical', resource: 'a CircleCI context and every secret in it' } : {};
  },
  examples: {
    match: [
      { line: 'circleci context delete org/my-org context/prod', decision: 'ask' },
      { line: 'circleci context remove-secret org/my-org context/prod AWS_ACCESS_KEY_ID', decision: 'ask' },
      { line: 'circleci orb delete my-org/my-orb', decision: 'ask' },
      'circleci namespace delete my-org',
      'circleci pipeline delete 123456',
    ],
    noMatch: [
      { line: 'circleci context list org/my-org', decision: 'allow' },
      'circleci orb info my-org/my-orb',
      { line: 'circleci config validate .circleci/config.yml', decision: 'allow' },
      'circleci diagnostic',
    ],
  },
});
