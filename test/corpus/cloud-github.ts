// GitHub CLI: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'gh repo delete owner/repo', 'github.gh-delete'],
  ['ask', 'gh release delete v1.0.0 --cleanup-tag -y', 'github.gh-delete'],
  ['ask', 'gh issue delete 123 --yes', 'github.gh-delete'],
  ['ask', 'gh secret delete NPM_TOKEN --repo owner/repo', 'github.gh-delete'],
  ['ask', 'gh -R owner/repo variable delete DEPLOY_ENV', 'github.gh-delete'],
  ['ask', "bash -c 'gh repo delete owner/repo --yes'", 'github.gh-delete'],
  ['allow', 'gh repo view owner/repo'],
  ['allow', 'gh pr create --fill'],
  ['allow', 'gh pr merge 12 --squash'],
  ['allow', 'gh issue close 123'],
  ['allow', 'gh release create v1.1.0 --generate-notes'],
  ['allow', 'gh run list'],
  ['allow', 'gh auth status'],
] satisfies Corpus;
