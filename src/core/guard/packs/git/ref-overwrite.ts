import { hasFlag, positionals } from '../../../argv';
import { defineRule } from '../../rule';
import { gitInvocation, isProtectedBranch } from './subcommand';

const FETCH_VALUED = [
  '--depth',
  '--deepen',
  '--shallow-since',
  '--shallow-exclude',
  '--upload-pack',
  '-j',
  '--jobs',
  '--negotiation-tip',
  '--refmap',
  '-o',
  '--server-option',
  '--recurse-submodules-default',
  '--filter',
];

/** Where a refspec writes: `+main:main` → `main`; `main` alone writes no local branch (only FETCH_HEAD). */
function destination(refspec: string): string | undefined {
  const plain = refspec.replace(/^\+/, '');
  const colon = plain.indexOf(':');
  return colon >= 0 ? plain.slice(colon + 1) || undefined : undefined;
}

/** A local branch (not a remote-tracking ref, which fetch is meant to overwrite). */
function isLocalBranch(ref: string): boolean {
  return !ref.startsWith('refs/remotes/') && !ref.startsWith('refs/tags/') && ref !== 'FETCH_HEAD';
}

/**
 * Writing refs directly, skipping the checks `commit`, `merge` and `push` make: `update-ref`
 * moves or deletes any ref; `send-pack --force` and `+` refspecs overwrite remote branches;
 * `fetch +src:dst` overwrites a local branch with whatever the remote has.
 */
export default defineRule({
  id: 'git.ref-overwrite',
  resource: 'the commits a branch points at',
  severity: 'high',
  decision: 'ask',
  reason:
    "Points a branch at other commits without the usual checks: commits only it held drop out of the branch (and, on a remote, out of everyone's history).",
  suggestion: 'Use `git merge --ff-only`, `git push --force-with-lease`, or `git branch -f` on a branch nobody else uses.',
  keywords: ['update-ref', 'send-pack', 'fetch'],
  tools: ['git'],
  match(command, context) {
    const git = gitInvocation(command);
    if (!git) return undefined;
    if (git.subcommand === 'update-ref') {
      if (git.args.includes('-d')) return undefined; // git.history-rewrite explains deleting a ref
      const [ref] = positionals(git.args, ['-m', '--create-reflog']);
      if (!ref && !git.args.includes('--stdin')) return undefined;
      return {
        reason: `git update-ref ${ref ? `moves ${ref}` : 'moves the refs read from its input'} to another commit directly, bypassing the checks merge and push make.`,
      };
    }
    if (git.subcommand === 'send-pack') {
      const [, ...refspecs] = positionals(git.args, ['--receive-pack', '--exec', '--remote']);
      const plus = refspecs.filter((r) => r.startsWith('+'));
      if (hasFlag(git.args, '-f', '--force') || plus.length || hasFlag(git.args, '--mirror')) {
        return { reason: `git send-pack ${plus.length ? plus.join(' ') : '--force'} overwrites branches on the remote, discarding commits only they held.` };
      }
      return undefined;
    }
    if (git.subcommand === 'fetch' && !hasFlag(git.args, '--dry-run')) {
      const [, ...refspecs] = positionals(git.args, FETCH_VALUED);
      const force = hasFlag(git.args, '-f', '--force');
      const overwritten = refspecs
        .filter((r) => r.startsWith('+') || force)
        .map(destination)
        .filter((d): d is string => d !== undefined && isLocalBranch(d));
      if (overwritten.length === 0) return undefined;
      const names = overwritten.map((d) => d.replace(/^refs\/heads\//, ''));
      return {
        reason: `git fetch overwrites the local branch ${names.join(', ')} with the remote's commits, even when that drops commits only it held.`,
        ...(names.some((n) => isProtectedBranch(n, context.protectedBranches)) ? {} : { severity: 'medium' as const }),
      };
    }
    return undefined;
  },
  examples: {
    match: [
      { line: 'git update-ref refs/heads/main HEAD~5', decision: 'ask' },
      'git update-ref -m "reset" refs/heads/release/1.2 abc123',
      'git update-ref --stdin < refs.txt',
      { line: 'git send-pack --force origin main', decision: 'ask' },
      'git send-pack origin +main',
      { line: 'git fetch origin +main:main', decision: 'ask', severity: 'high' },
      { line: 'git fetch -f origin feature:feature', decision: 'ask', severity: 'medium' },
      'git fetch origin +refs/heads/*:refs/heads/*',
    ],
    noMatch: [
      { line: 'git fetch origin', decision: 'allow' },
      { line: 'git fetch origin +refs/heads/*:refs/remotes/origin/*', decision: 'allow' },
      { line: 'git fetch origin main', decision: 'allow' },
      'git fetch origin main:main',
      'git update-ref -d refs/heads/tmp',
      { line: 'git show-ref', decision: 'allow' },
      'git send-pack origin main',
    ],
  },
});
