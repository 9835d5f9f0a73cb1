import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

const BORG_VALUED = [
  '-a',
  '--glob-archives',
  '--match-archives',
  '--repo',
  '--keep-last',
  '--keep-secondly',
  '--keep-minutely',
  '--keep-hourly',
  '--keep-daily',
  '--keep-weekly',
  '--keep-monthly',
  '--keep-yearly',
  '--keep-within',
  '--prefix',
  '--remote-path',
  '--rsh',
  '--lock-wait',
];

export default defineRule({
  id: 'backup.borg-delete',
  resource: 'Borg backup archives or a whole repository',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes Borg backup archives (`delete`, `prune`), frees their space for good (`compact`), or deletes the repository.',
  suggestion: 'Preview with `--dry-run --list` first.',
  tools: ['borg'],
  match: (command) => {
    const words = matchPath(command, BORG_VALUED, [['delete', 'prune', 'compact', 'repo-delete', 'rdelete', 'recreate']]);
    if (!words || hasOption(command.argv, '--dry-run') || command.argv.includes('-n')) return undefined;
    if (words[0] === 'repo-delete' || words[0] === 'rdelete') return { severity: 'critical', resource: 'a whole Borg repository' };
    // `delete` with no archive named deletes the whole repository (Borg 1.x).
    const wholeRepo =
      words[0] === 'delete' &&
      words.length === 2 &&
      !words[1]!.includes('::') &&
      !hasOption(command.argv, '-a', '--glob-archives', '--match-archives', '--cache-only');
    return wholeRepo ? { severity: 'critical', resource: 'a whole Borg repository' } : {};
  },
  examples: {
    match: [
      "borg delete -a 'sh:host-*'",
      { line: 'borg delete repo::archive', decision: 'ask' },
      'borg delete ::archive-2024-01-01',
      'borg prune --keep-last 1 --keep-daily 7',
      'borg compact',
      'borg repo-delete',
      'borg rdelete',
      'borg delete --cache-only',
    ],
    noMatch: [
      { line: 'borg list repo', decision: 'allow' },
      'borg info repo',
      { line: 'borg create repo::archive /srv/data', decision: 'allow' },
      'borg extract --dry-run repo::archive',
      'borg check repo',
      'borg prune --dry-run --keep-last 1',
    ],
  },
});
