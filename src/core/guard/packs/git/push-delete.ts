import { hasFlag, positionals } from '../../../argv';
import { defineRule } from '../../rule';
import { gitInvocation, isProtectedBranch } from './subcommand';

const VALUED = ['--repo', '--receive-pack', '--exec', '-o', '--push-option', '--recurse-submodules', '--signed'];

/**
 * Deleting a branch or tag on the remote. Protected branches are `git.push-force`'s; this one is
 * every other ref: a teammate's branch or a release tag is gone for everyone, and a tag that
 * deploys or package managers resolve breaks them.
 */
export default defineRule({
  id: 'git.push-delete',
  resource: 'a branch or tag on the remote, for everyone who fetches it',
  severity: 'medium',
  decision: 'ask',
  reason: 'Deletes a branch or tag on the remote: everyone who fetches loses it, and commits only it held are no longer shared.',
  suggestion: 'Check nobody else uses it (`git ls-remote origin`), and keep a local copy of the ref.',
  keywords: ['push', 'send-pack'],
  tools: ['git'],
  match(command, context) {
    const git = gitInvocation(command);
    if (git?.subcommand !== 'push' && git?.subcommand !== 'send-pack') return undefined;
    if (hasFlag(git.args, '-n', '--dry-run')) return undefined;
    const [, ...refspecs] = positionals(git.args, VALUED);
    const deleting = hasFlag(git.args, '-d', '--delete');
    const gone = deleting ? refspecs : refspecs.filter((r) => r.startsWith(':') && r.length > 1).map((r) => r.slice(1));
    const others = gone.filter((r) => !isProtectedBranch(r, context.protectedBranches));
    if (others.length === 0) return undefined;
    const tags = others.filter((r) => r.startsWith('refs/tags/') || /^v?\d+(\.\d+)+/.test(r));
    return {
      reason: `git ${git.subcommand} deletes ${others.join(', ')} on the remote, for everyone who fetches it.`,
      ...(tags.length ? { severity: 'high' as const, resource: `the tag ${tags.join(', ')} on the remote, which deploys and dependants may resolve` } : {}),
    };
  },
  examples: {
    match: [
      { line: 'git push origin -d feature/login', decision: 'ask', severity: 'medium' },
      { line: 'git push origin --delete v1.0', decision: 'ask', severity: 'high' },
      { line: 'git push origin :refs/tags/v1', decision: 'ask', severity: 'high' },
      'git push origin :old-feature',
      'git push upstream --delete teammate/experiment other/branch',
    ],
    noMatch: [
      { line: 'git push origin feature/login', decision: 'allow' },
      { line: 'git push origin --tags', decision: 'allow' },
      'git push --dry-run origin --delete old',
      'git branch -d old-feature',
      'git tag -d v1',
    ],
  },
});
