import { hasFlag, positionals } from '../../../argv';
import { defineRule } from '../../rule';
import { gitInvocation, isProtectedBranch } from './subcommand';

export default defineRule({
  id: 'git.branch-overwrite',
  resource: 'a protected branch, moved or replaced locally',
  severity: 'high',
  decision: 'ask',
  reason:
    'Forcing a protected branch to another commit, or renaming or checking out another branch over it, drops its commits from the branch; the next push rewrites it for everyone.',
  suggestion: 'Create a new branch instead, and merge through a pull request.',
  keywords: ['branch', 'checkout', 'switch'],
  tools: ['git'],
  match(command, context) {
    const git = gitInvocation(command);
    if (!git) return undefined;
    const args = git.args;
    const words = positionals(args, ['-t', '--track', '-u', '--set-upstream-to', '--orphan', '--conflict']);
    if (git.subcommand === 'branch') {
      const forced = hasFlag(args, '-f', '--force') && !hasFlag(args, '-d', '--delete', '-D');
      // `git branch -M main` (one name: rename the current branch, the usual new-repository step) is left alone.
      const renamed = args.some((a) => /^-[a-zA-Z]*[MC]/.test(a)) && words.length >= 2;
      const target = forced ? words[0] : renamed ? words.at(-1) : undefined;
      return target && isProtectedBranch(target, context.protectedBranches)
        ? { reason: `git branch ${forced ? '-f' : '-M/-C'} would replace the protected branch ${target}.` }
        : undefined;
    }
    if (git.subcommand === 'checkout' || git.subcommand === 'switch') {
      const at = args.findIndex((a) => a === '-B' || a === '-C' || a === '--force-create');
      const target = at === -1 ? undefined : args[at + 1];
      return target && isProtectedBranch(target, context.protectedBranches)
        ? { reason: `git ${git.subcommand} ${args[at]} would reset the protected branch ${target} to another commit.` }
        : undefined;
    }
    return undefined;
  },
  examples: {
    match: [
      { line: 'git branch -f main HEAD~3', decision: 'ask' },
      'git branch -M feature main',
      'git checkout -B main origin/feature',
      'git switch -C production',
    ],
    noMatch: ['git branch -f feature HEAD~1', 'git branch -m old new', 'git checkout -b main-fix', 'git switch -c feature/x', 'git branch -M main'],
  },
});
