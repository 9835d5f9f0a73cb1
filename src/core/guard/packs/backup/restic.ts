import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

const RESTIC_VALUED = [
  '-r',
  '--repo',
  '--repository-file',
  '-p',
  '--password-file',
  '--password-command',
  '--cache-dir',
  '--tag',
  '--host',
  '--path',
  '--keep-last',
  '--keep-hourly',
  '--keep-daily',
  '--keep-weekly',
  '--keep-monthly',
  '--keep-yearly',
  '--keep-within',
  '--max-unused',
  '-o',
  '--option',
];

export default defineRule({
  id: 'backup.restic-forget',
  resource: 'restic backup snapshots and the data only they hold',
  severity: 'high',
  decision: 'ask',
  reason: 'Removes restic snapshots (`forget`) or the data no snapshot references any more (`prune`): restore points are gone for good.',
  suggestion: 'Preview with `--dry-run` and list what stays (`restic snapshots`).',
  tools: ['restic'],
  match: (command) => {
    const words = matchPath(command, RESTIC_VALUED, [['forget', 'prune']], ['key', ['remove', 'rm']]);
    if (!words || hasOption(command.argv, '--dry-run') || command.argv.includes('-n')) return undefined;
    if (hasOption(command.argv, '--unsafe-allow-remove-all') || words[0] === 'key') return { severity: 'critical' };
    return words[0] === 'prune' || hasOption(command.argv, '--prune') ? { severity: 'critical' } : {};
  },
  examples: {
    match: [
      'restic forget bdbd3439',
      { line: 'restic forget --keep-last 1 --prune', decision: 'ask' },
      'restic forget --tag prod --unsafe-allow-remove-all',
      'restic prune',
      'restic -r s3:s3.amazonaws.com/b prune --max-unused 0',
    ],
    noMatch: [
      'restic snapshots',
      { line: 'restic backup /srv/data', decision: 'allow' },
      'restic check',
      'restic forget --keep-last 1 --dry-run',
      'restic unlock',
    ],
  },
});
