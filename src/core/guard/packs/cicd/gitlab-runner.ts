import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

export default defineRule({
  id: 'cicd.gitlab-runner-unregister',
  resource: 'GitLab CI runners registered on this machine',
  severity: 'high',
  decision: 'ask',
  reason: 'Unregisters GitLab runners: pipelines that need them stop running until a runner is registered again with a new token.',
  suggestion: 'Check which runners are registered (`gitlab-runner list`) and name one with `--name`.',
  tools: ['gitlab-runner'],
  match: (command) => {
    if (!matchPath(command, ['-c', '--config', '-n', '--name', '-u', '--url', '-t', '--token'], ['unregister'])) return undefined;
    return hasOption(command.argv, '--all-runners') ? { severity: 'critical', resource: 'every GitLab runner registered on this machine' } : {};
  },
  examples: {
    match: [
      { line: 'gitlab-runner unregister --all-runners', decision: 'ask' },
      'gitlab-runner unregister --name runner-prod',
      'gitlab-runner unregister --url https://gitlab.example.com --token ABCD',
    ],
    noMatch: [
      'gitlab-runner list',
      'gitlab-runner status',
      'gitlab-runner register --url https://gitlab.example.com',
      { line: 'gitlab-runner verify', decision: 'allow' },
    ],
  },
});
