import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

const GH_VALUED = ['-R', '--repo', '--hostname', '-e', '--env', '-o', '--org', '-a', '--app', '--user'];
const OBJECTS = [
  'repo',
  'gist',
  'release',
  'issue',
  'ssh-key',
  'gpg-key',
  'secret',
  'variable',
  'run',
  'cache',
  'label',
  'project',
  'codespace',
  'ruleset',
  'deploy-key',
  'environment',
];

export default defineRule({
  id: 'github.gh-delete',
  resource: 'GitHub repositories, releases, issues, secrets, keys or other objects',
  severity: 'high',
  decision: 'ask',
  reason:
    'The GitHub CLI deletes (or archives) something on GitHub: a repository with its issues and history, a release, an issue, a secret, a key, a workflow run or cache.',
  suggestion: 'Check the repository (`gh repo view`); archive a repository rather than delete it, and clone a mirror first (`git clone --mirror`).',
  tools: ['gh'],
  match: (command) => {
    const words = matchPath(command, GH_VALUED, [OBJECTS, ['delete', 'remove', 'rm', 'archive', 'delete-asset']], ['cache', 'delete']);
    if (!words) return undefined;
    if (words[0] === 'repo' && words[1] === 'delete')
      return { severity: 'critical', resource: 'a GitHub repository with its issues, pull requests, wiki and releases' };
    if (words[0] === 'repo' && words[1] === 'archive') return { severity: 'medium', resource: 'a GitHub repository, made read-only' };
    return { resource: `a GitHub ${words[0]}` };
  },
  examples: {
    match: [
      { line: 'gh repo delete owner/repo --yes', decision: 'ask' },
      { line: 'gh repo archive owner/repo', decision: 'ask' },
      { line: 'gh gist delete 12345', decision: 'ask' },
      'gh release delete v1.0.0',
      'gh issue delete 123',
      'gh ssh-key delete 1',
      'gh secret delete NPM_TOKEN',
      'gh run delete 42',
    ],
    noMatch: [
      'gh repo view',
      { line: 'gh pr list', decision: 'allow' },
      'gh issue list',
      'gh release create v1.0.0',
      { line: 'gh secret list', decision: 'allow' },
      { line: 'gh repo delete --help', decision: 'allow' },
      'gh pr close 12',
    ],
  },
});
