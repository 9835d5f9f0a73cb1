import { hasFlag } from '../../../argv';
import { defineRule } from '../../rule';
import { gitInvocation } from './subcommand';

/** git-extras commands and git-secret's, with what each destroys. `when` narrows to the destructive form. */
const COMMANDS: Record<string, { what: string; severity?: 'critical' | 'high' | 'medium'; when?: (args: readonly string[]) => boolean }> = {
  clear: {
    what: 'runs `git clean -d -f -x` and `git reset --hard`: every uncommitted change and every untracked and ignored file is gone',
    severity: 'critical',
  },
  'clear-soft': { what: 'runs `git clean -d -f` and `git reset --hard`: every uncommitted change and every untracked file is gone', severity: 'critical' },
  'reset-file': { what: 'checks the file out from a commit over its uncommitted changes' },
  'delete-branch': { what: 'deletes the branch locally and on the remote' },
  'delete-tag': { what: 'deletes the tag locally and on the remote' },
  'delete-submodule': { what: 'removes the submodule, its checkout and its configuration' },
  obliterate: { what: 'rewrites every commit to remove the files from history', severity: 'critical' },
  reauthor: { what: 'rewrites every commit whose author or committer it changes' },
  magic: { what: 'commits everything and force-pushes it', when: (args) => hasFlag(args, '-p') && hasFlag(args, '-f') },
  undo: { what: 'drops the last commits and their changes', when: (args) => hasFlag(args, '--hard', '-h') },
  killperson: {
    what: "removes a person's key from git-secret: they can no longer decrypt the repository's secrets after the next `git secret hide`",
    severity: 'medium',
  },
  removeperson: {
    what: "removes a person's key from git-secret: they can no longer decrypt the repository's secrets after the next `git secret hide`",
    severity: 'medium',
  },
};

/**
 * git-extras (`git clear`, `git obliterate`…) and git-secret (`git secret killperson`) add
 * subcommands whose names say little; each one here destroys work, history, refs or access.
 */
export default defineRule({
  id: 'git.extras-destructive',
  resource: 'uncommitted work, history, branches or tags, depending on the command',
  severity: 'high',
  decision: 'ask',
  reason: 'Runs a git-extras or git-secret command that discards uncommitted work, rewrites history, deletes refs or removes access.',
  suggestion: 'Run the plain git commands it wraps one by one, where each can be checked.',
  keywords: Object.keys(COMMANDS),
  tools: ['git'],
  match(command) {
    const git = gitInvocation(command);
    if (!git) return undefined;
    const [name, args] = git.subcommand === 'secret' ? [git.args[0] ?? '', git.args.slice(1)] : [git.subcommand, git.args];
    const secret = git.subcommand === 'secret';
    if (secret !== (name === 'killperson' || name === 'removeperson')) return undefined;
    const spec = COMMANDS[name];
    if (!spec || (spec.when && !spec.when(args)) || hasFlag(args, '--help')) return undefined;
    return { reason: `git ${secret ? 'secret ' : ''}${name} ${spec.what}.`, ...(spec.severity ? { severity: spec.severity } : {}) };
  },
  examples: {
    match: [
      { line: 'git clear', decision: 'ask', severity: 'critical' },
      'git clear-soft',
      'git reset-file src/app.ts',
      'git delete-branch feature/login',
      'git delete-tag v1.2.0',
      'git delete-submodule lib/vendor',
      { line: 'git obliterate secrets.txt', decision: 'ask', severity: 'critical' },
      'git reauthor --old-email old@acme.dev --use-config',
      'git magic -fp -m "wip"',
      { line: 'git secret killperson bob@acme.dev', decision: 'ask', severity: 'medium' },
      'git undo --hard',
    ],
    noMatch: [
      { line: 'git summary', decision: 'allow' },
      { line: 'git magic -m "wip"', decision: 'allow' },
      { line: 'git secret reveal', decision: 'allow' },
      'git secret tell bob@acme.dev',
      'git undo',
      'git secret clear',
    ],
  },
});
