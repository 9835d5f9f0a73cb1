import { hasFlag, positionals } from '../../../argv';
import { defineRule } from '../../rule';

/**
 * Small commands that throw things away for good: emptying the trash (`trash-empty`, `trash-rm`,
 * `gio trash --empty`), removing every cron job (`crontab -r`), and moving files onto /dev/null
 * (the file is gone; run as root, /dev/null itself is replaced and the system breaks).
 */
export default defineRule({
  id: 'filesystem.irreversible-tools',
  resource: 'trashed files, cron jobs, or a moved file',
  severity: 'medium',
  decision: 'ask',
  reason: 'Throws something away for good: trashed files, every cron job of a user, or a file moved onto /dev/null.',
  suggestion: 'List first (`trash-list`, `crontab -l > crontab.bak`), or delete only what you mean.',
  // `mv`, not `null`: every `> /dev/null` would otherwise leave the fast path.
  keywords: ['trash-empty', 'trash-rm', 'gio', 'crontab', 'mv'],
  tools: ['trash-empty', 'trash-rm', 'gio', 'crontab', 'mv'],
  match(command) {
    const [tool, ...args] = command.argv;
    if (hasFlag(args, '--help', '-h') && tool !== 'mv') return undefined;
    switch (tool) {
      case 'trash-empty':
        return hasFlag(args, '--dry-run')
          ? undefined
          : {
              reason: `trash-empty deletes ${positionals(args)[0] ? `trashed files older than ${positionals(args)[0]} days` : 'every trashed file'} for good.`,
            };
      case 'trash-rm':
        return positionals(args).length ? { reason: `trash-rm deletes trashed files matching ${positionals(args).join(' ')} for good.` } : undefined;
      case 'gio':
        return args[0] === 'trash' && args.includes('--empty') ? { reason: 'gio trash --empty deletes every trashed file for good.' } : undefined;
      case 'crontab':
        return hasFlag(args, '-r') ? { reason: 'crontab -r removes every cron job of the user at once; there is no undo.' } : undefined;
      case 'mv': {
        const words = positionals(args, ['-t', '--target-directory', '-S', '--suffix']);
        const target = hasFlag(args, '-t') ? args[args.indexOf('-t') + 1] : words[words.length - 1];
        return target === '/dev/null' && words.length >= 2
          ? {
              severity: 'high',
              reason: `mv ${words.slice(0, -1).join(' ')} /dev/null destroys the file; run as root it also replaces /dev/null, breaking the system.`,
            }
          : undefined;
      }
    }
    return undefined;
  },
  examples: {
    match: [
      { line: 'trash-empty', decision: 'ask' },
      'trash-empty 30',
      { line: "trash-rm '*.o'", decision: 'ask' },
      'gio trash --empty',
      { line: 'crontab -r', decision: 'ask' },
      'crontab -u deploy -r',
      { line: 'mv data.db /dev/null', decision: 'ask', severity: 'high' },
    ],
    noMatch: [
      { line: 'trash-list', decision: 'allow' },
      { line: 'trash-put old.txt', decision: 'allow' },
      { line: 'crontab -l', decision: 'allow' },
      { line: 'mv a.txt b.txt', decision: 'allow' },
      'gio trash old.txt',
      'trash-empty --dry-run',
    ],
  },
});
