import { positionals } from '../../../argv';
import { defineRule } from '../../rule';

const VALUED = [
  '-e',
  '--rsh',
  '--exclude',
  '--include',
  '--filter',
  '-f',
  '--exclude-from',
  '--include-from',
  '--files-from',
  '--backup-dir',
  '--suffix',
  '--chmod',
  '--chown',
  '--compare-dest',
  '--copy-dest',
  '--link-dest',
  '--timeout',
  '--bwlimit',
  '--log-file',
  '--partial-dir',
  '--temp-dir',
  '-T',
  '--max-size',
  '--min-size',
  '--password-file',
  '--port',
];

export default defineRule({
  id: 'filesystem.rsync-delete',
  resource: 'files at the destination (or the source) that the sync removes',
  severity: 'high',
  decision: 'ask',
  reason: 'rsync deletes files: at the destination that the source lacks (--delete), or the source files themselves (--remove-source-files).',
  suggestion: 'Run it with --dry-run --itemize-changes first and read what would be deleted.',
  tools: ['rsync'],
  match(command) {
    const args = command.argv.slice(1);
    if (args.includes('-n') || args.includes('--dry-run') || args.some((a) => /^-[a-zA-Z]*n[a-zA-Z]*$/.test(a) && !a.startsWith('--'))) return undefined;
    const deleting = args.find((a) => /^--(delete(-before|-during|-delay|-after|-excluded|-missing-args)?|del)$/.test(a));
    if (deleting) {
      const destination = positionals(args, VALUED).at(-1);
      return { reason: `rsync ${deleting} removes every file at ${destination ?? 'the destination'} that the source does not have.` };
    }
    if (args.includes('--remove-source-files')) return { reason: 'rsync --remove-source-files deletes each source file once it is copied.' };
    return undefined;
  },
  examples: {
    match: [
      'rsync -a --delete /src/ /dest/',
      'rsync -av --del build/ server:/var/www/',
      'rsync -a --delete-excluded src/ backup/',
      'rsync -a --remove-source-files /src/ host:/dest/',
    ],
    noMatch: ['rsync -a /src/ /dest/', 'rsync -an --delete /src/ /dest/', 'rsync --dry-run --delete a/ b/'],
  },
});
