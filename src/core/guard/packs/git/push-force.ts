import { hasFlag, positionals } from '../../../argv';
import { defineRule } from '../../rule';
import { currentBranch, gitInvocation, isProtectedBranch } from './subcommand';

const VALUED = ['--repo', '--receive-pack', '--exec', '-o', '--push-option', '--recurse-submodules', '--signed'];

export default defineRule({
  id: 'git.push-force',
  resource: 'commits on a shared branch',
  severity: 'high',
  decision: 'ask',
  reason: 'Force-pushing or deleting a protected branch rewrites or removes history other people and deploys rely on.',
  suggestion: 'git push --force-with-lease to a feature branch, or open a pull request.',
  keywords: ['push'],
  tools: ['git'],
  match(command, context) {
    const git = gitInvocation(command);
    if (git?.subcommand !== 'push') return undefined;
    const args = git.args;
    const [, ...refspecs] = positionals(args, VALUED);
    const deleting = hasFlag(args, '-d', '--delete');
    const mirror = hasFlag(args, '--mirror');
    const force = hasFlag(args, '-f', '--force', '--force-with-lease', '--force-if-includes') || args.some((a) => a.startsWith('--force-with-lease'));
    const plusRefs = refspecs.filter((r) => r.startsWith('+'));
    const deleteRefs = refspecs.filter((r) => r.startsWith(':') && r.length > 1);
    if (mirror) return { reason: 'git push --mirror makes the remote match this clone exactly, deleting branches it lacks.' };
    if (hasFlag(args, '--prune')) return { reason: 'git push --prune deletes remote branches that do not exist locally.' };
    const destinations = (refs: string[]) => refs.map((r) => r.replace(/^\+/, '').split(':').pop() || r.replace(/^\+/, ''));
    const guarded = (refs: string[]) =>
      refs.length === 0 || refs.some((b) => b === 'HEAD' || b.includes('$') || isProtectedBranch(b, context.protectedBranches));
    if (deleteRefs.length && guarded(destinations(deleteRefs)))
      return { reason: `git push would delete the protected branch ${destinations(deleteRefs).join(', ')} on the remote.` };
    if (deleting) {
      return guarded(refspecs)
        ? { reason: `git push --delete would remove ${refspecs.length ? refspecs.join(', ') : 'a branch'} from the remote.` }
        : undefined;
    }
    if (plusRefs.length && guarded(destinations(plusRefs)))
      return { reason: `git push ${plusRefs.join(' ')} force-updates a protected branch, discarding its remote history.` };
    if (!force) return undefined;
    // Without a refspec (or with HEAD) git pushes the current branch: read it rather than guess.
    const current = currentBranch(command, context);
    const targets = destinations(refspecs.filter((r) => !r.startsWith(':'))).map((t) => (t === 'HEAD' && current ? current : t));
    if (targets.length === 0) {
      if (current && !isProtectedBranch(current, context.protectedBranches)) return undefined;
      return {
        reason: current
          ? `git push --force would overwrite the remote history of ${current}, the current branch.`
          : 'git push --force without a branch pushes the current branch, which Airlock cannot read here and may be protected: its remote history would be overwritten.',
      };
    }
    return guarded(targets) ? { reason: `git push --force would overwrite the remote history of ${targets.join(', ')}.` } : undefined;
  },
  examples: {
    match: [
      { line: 'git push --force origin main', decision: 'ask' },
      { line: 'git push -f origin master', decision: 'ask' },
      { line: 'git push origin main --force', decision: 'ask' },
      { line: 'git push --force', decision: 'ask' },
      { line: 'git push origin +main', decision: 'ask' },
      { line: 'git push origin --delete main', decision: 'ask' },
      'git push origin :production',
      'git push --force-with-lease origin release/1.2',
      { line: 'git push --mirror', decision: 'ask' },
      'git push origin HEAD:main -f',
    ],
    noMatch: [
      { line: 'git push origin main', decision: 'allow' },
      'git push --force origin feature/x',
      { line: 'git push --force-with-lease origin my-branch', decision: 'allow' },
      'git push origin --delete old-feature',
      'git push -u origin feature',
      'git push --dry-run',
    ],
  },
});
