import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

const RCLONE_VALUED = [
  '--config',
  '--transfers',
  '--checkers',
  '--filter',
  '--include',
  '--exclude',
  '--filter-from',
  '--include-from',
  '--exclude-from',
  '--log-file',
  '--log-level',
  '--bwlimit',
  '--backup-dir',
  '--max-age',
  '--min-age',
  '--max-size',
  '--min-size',
];

const WHAT: Record<string, string> = {
  sync: 'makes the destination identical to the source: everything missing from the source is deleted there',
  bisync: 'syncs both ways: deletions on one side are applied to the other',
  move: 'moves files: the source copies are deleted',
  moveto: 'moves a file: the source copy is deleted',
  delete: 'deletes files',
  deletefile: 'deletes a file',
  purge: 'deletes a path and everything under it',
  rmdir: 'removes a directory',
  rmdirs: 'removes empty directories',
  cleanup: 'empties the trash and old versions, the last way to recover deleted files',
};

export default defineRule({
  id: 'backup.rclone-delete',
  resource: 'files in an rclone remote (a bucket, a drive, a backup)',
  severity: 'high',
  decision: 'ask',
  reason: 'rclone deletes files on a remote.',
  suggestion: 'Run it with `--dry-run` first, and keep deleted files with `--backup-dir`.',
  tools: ['rclone'],
  match: (command) => {
    const words = matchPath(command, RCLONE_VALUED, [Object.keys(WHAT)]);
    if (!words || hasOption(command.argv, '--dry-run', '--interactive') || command.argv.includes('-n') || command.argv.includes('-i')) return undefined;
    const severity = words[0] === 'purge' || words[0] === 'sync' || words[0] === 'bisync' ? 'critical' : 'high';
    return { severity, reason: `\`rclone ${words[0]}\` ${WHAT[words[0]!]}.` };
  },
  examples: {
    match: [
      { line: 'rclone sync /empty remote:important-bucket', decision: 'ask' },
      'rclone sync /src remote:b --delete-excluded',
      'rclone delete remote:b/path',
      'rclone deletefile remote:b/file.txt',
      'rclone purge remote:b',
      'rclone rmdir remote:b/old',
      'rclone move /src remote:b',
    ],
    noMatch: [
      'rclone copy /src remote:b',
      'rclone lsd remote:',
      'rclone ls remote:b',
      'rclone sync /src remote:b --dry-run',
      'rclone check /src remote:b',
      'rclone cat remote:b/file.txt',
    ],
  },
});
