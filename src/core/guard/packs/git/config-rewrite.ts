import { defineRule } from '../../rule';
import { gitInvocation } from './subcommand';

/** Options of `git config` that come before the key: scopes and value types. */
const CONFIG_FLAGS =
  /^--(global|system|local|worktree|file|bool|int|bool-or-int|path|expiry-date|type|add|replace-all|unset|unset-all|no-type|includes|no-includes)(=|$)|^-f$/;

/** Splits an alias value into words the simple way git does for non-`!` aliases. */
function words(value: string): string[] {
  return value.match(/"[^"]*"|'[^']*'|\S+/g)?.map((w) => w.replace(/^["']|["']$/g, '')) ?? [];
}

/**
 * Configuration that turns a later, harmless-looking command destructive: a remote whose push
 * refspec forces (`+refs/heads/*`) or mirrors, so the next `git push` overwrites or deletes
 * remote branches; an alias that runs something destructive under a new name.
 */
export default defineRule({
  id: 'git.config-rewrite',
  resource: 'what a later git push or alias does',
  severity: 'high',
  decision: 'ask',
  reason: 'Configures git so that a later, ordinary-looking command (a plain `git push`, an alias) force-pushes, mirrors or runs something destructive.',
  suggestion: 'Run the destructive command itself, once, where a person can see it.',
  // The keys this rule reads (`remote.x.push`, `remote.x.mirror`, `alias.x`), not every `git config`.
  keywords: ['push', 'mirror', 'alias'],
  tools: ['git'],
  match(command, context) {
    const git = gitInvocation(command);
    if (git?.subcommand !== 'config') return undefined;
    const rest = git.args[0] === 'set' ? git.args.slice(1) : git.args;
    const positional: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i]!;
      if (arg === '-f' || arg === '--file' || arg === '--type') {
        i++;
        continue;
      }
      if (CONFIG_FLAGS.test(arg) || arg.startsWith('-')) {
        if (/^--(unset|unset-all|get|get-all|get-regexp|list|remove-section|rename-section)$/.test(arg) || arg === '-l') return undefined;
        continue;
      }
      positional.push(arg);
    }
    const [key, value] = positional;
    if (!key || value === undefined) return undefined;
    const name = key.toLowerCase();
    if (/^remote\..+\.push$/.test(name) && value.startsWith('+'))
      return { reason: `git config ${key} ${value}: every later \`git push\` to that remote force-overwrites its branches.` };
    if (/^remote\..+\.mirror$/.test(name) && /^(true|yes|on|1)$/i.test(value))
      return { reason: `git config ${key} true: every later \`git push\` to that remote mirrors this clone, deleting branches it lacks.` };
    if (name.startsWith('alias.')) {
      const findings = value.startsWith('!') ? context.checkLine(value.slice(1), command.cwd) : context.checkArgv(['git', ...words(value)], command.cwd);
      const worst = findings.find((f) => f.decision === 'deny') ?? findings[0];
      if (worst) return { reason: `git config ${key} makes \`git ${key.slice(6)}\` run something destructive: ${worst.reason}`, severity: worst.severity };
    }
    return undefined;
  },
  examples: {
    match: [
      { line: 'git config remote.origin.push "+refs/heads/*:refs/heads/*"', decision: 'ask' },
      { line: 'git config remote.origin.mirror true', decision: 'ask' },
      'git config --local remote.backup.push +HEAD:main',
      { line: 'git config alias.sync "push --force origin main"', decision: 'ask' },
      'git config --global alias.nuke "!git reset --hard && git clean -fdx"',
    ],
    noMatch: [
      { line: 'git config user.name "Dev"', decision: 'allow' },
      { line: 'git config remote.origin.push refs/heads/main:refs/heads/main', decision: 'allow' },
      { line: 'git config --get remote.origin.mirror', decision: 'allow' },
      { line: 'git config alias.st status', decision: 'allow' },
      'git config --unset remote.origin.mirror',
    ],
  },
});
