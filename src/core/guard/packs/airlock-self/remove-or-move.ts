import { positionals } from '../../../argv';
import { defineRule } from '../../rule';
import { destinations, SELF_KEYWORDS, verdictFor } from './touched';

const RM_VALUED = ['--interactive', '-n', '--iterations', '-s', '--size', '--random-source'];
const REMOVERS = new Set(['rm', 'unlink', 'rmdir', 'shred', 'srm', 'trash', 'trash-put', 'gio']);
const MODE_TOOLS = new Set(['chmod', 'chown', 'chgrp', 'chattr', 'setfacl']);

export default defineRule({
  id: 'airlock-self.remove-or-move',
  resource: "a file Airlock itself depends on (its policy, log, runtime folder, or an agent's hook file)",
  severity: 'critical',
  decision: 'ask',
  reason: 'A command deletes, moves away or locks a file Airlock depends on: it could turn Airlock off.',
  suggestion: "Remove Airlock's hooks from the editor (Airlock: Remove Protection), not from a command.",
  keywords: SELF_KEYWORDS,
  tools: [...REMOVERS, 'mv', ...MODE_TOOLS, 'git'],
  match(command) {
    const [tool, ...args] = command.argv;
    if (REMOVERS.has(tool!)) {
      const targets = tool === 'gio' ? (args[0] === 'trash' || args[0] === 'remove' ? positionals(args.slice(1)) : []) : positionals(args, RM_VALUED);
      return verdictFor(targets, command.cwd, `${tool} deletes`, true);
    }
    if (tool === 'mv') {
      const { sources, targets } = destinations(args, command.cwd);
      return verdictFor(sources, command.cwd, 'mv moves away', true) ?? verdictFor(targets, command.cwd, 'mv replaces');
    }
    if (MODE_TOOLS.has(tool!)) {
      // The first positional is the mode or owner (`chmod 000 FILE`), except for chattr/setfacl's option-only forms.
      const words = positionals(args, ['-m', '-x', '--reference']);
      return verdictFor(tool === 'chattr' || tool === 'setfacl' ? words : words.slice(1), command.cwd, `${tool} changes who may use`, true);
    }
    if (tool === 'git' && args.includes('rm')) return verdictFor(positionals(args.slice(args.indexOf('rm') + 1)), command.cwd, 'git rm deletes', true);
    return undefined;
  },
  examples: {
    match: [
      'rm ~/.claude/settings.json',
      'rm -f .cursor/hooks.json',
      'rm -rf ~/.config/airlock',
      'rm -rf "$HOME/.airlock"',
      'unlink ~/.cursor/hooks.json',
      'mv .claude/settings.json /tmp/',
      'mv ~/.config/airlock ~/.config/airlock.off',
      'mv /tmp/evil.json ~/.claude/settings.json',
      'chmod 000 ~/.airlock',
      'rm -rf .codex',
      'rm -r ~/.copilot/hooks',
    ],
    noMatch: ['rm -rf node_modules', 'rm settings.json', 'mv notes.txt docs/', 'chmod +x scripts/build.sh', 'rm -rf .claude-backup'],
  },
});
