import { optionValue, positionals } from '../../../argv';
import { defineRule } from '../../rule';
import { unrecoverable } from './recovery';
import { DATABASE_FILE } from './truncate-database-file';

/** Files that hold data rather than code or logs: emptying one loses its records. */
export const DATA_FILE = /\.(csv|tsv|jsonl|ndjson|parquet|avro|orc|xlsx|xls|ods|feather|arrow|h5|hdf5|npy|npz|pkl|pickle|dump|bak|backup|dta|sav|rds|rdata)$/i;

/**
 * Emptying files in place: `truncate -s 0 FILE` (or any size smaller than the file), and `> FILE`,
 * `: > FILE`, `cp /dev/null FILE` on a data file (CSV, Parquet, dumps…). What git has recorded
 * unchanged can be brought back and passes; databases are `filesystem.truncate-database-file`'s.
 */
export default defineRule({
  id: 'filesystem.truncate-file',
  resource: 'the contents of a file that exists nowhere else',
  severity: 'medium',
  decision: 'ask',
  reason: 'Empties a file in place (truncate, or a redirection over a data file) that git cannot bring back.',
  suggestion: 'Copy it aside first (`cp FILE FILE.bak`), or write to a new file.',
  keywords: [
    'truncate',
    'csv',
    'tsv',
    'jsonl',
    'ndjson',
    'parquet',
    'avro',
    'orc',
    'xlsx',
    'xls',
    'ods',
    'feather',
    'arrow',
    'h5',
    'hdf5',
    'npy',
    'npz',
    'pkl',
    'pickle',
    'dump',
    'bak',
    'backup',
    'dta',
    'sav',
    'rds',
    'rdata',
  ],
  tools: ['*'],
  match(command, context) {
    const [tool, ...args] = command.argv;
    const lost = (file: string) => (DATABASE_FILE.test(file) ? undefined : unrecoverable(file, command.cwd, context));
    for (const redirect of command.redirects ?? []) {
      if ((redirect.operator === '>' || redirect.operator === '>|' || redirect.operator === '&>') && DATA_FILE.test(redirect.target)) {
        const why = lost(redirect.target);
        if (why) return { reason: `The redirection > ${redirect.target} empties that data file before anything is written: ${why}.` };
      }
    }
    if (tool === 'truncate') {
      const size = optionValue(args, '-s', '--size') ?? args.find((a) => /^-s\S/.test(a))?.slice(2);
      if (size === undefined || /^[+>]/.test(size)) return undefined; // growing, or only ever larger
      for (const file of positionals(args, ['-s', '--size', '-r', '--reference', '-o'])) {
        const why = lost(file);
        if (why) return { reason: `truncate -s ${size} cuts ${file} short: ${why}.` };
      }
      return undefined;
    }
    if (tool === 'cp' && args.includes('/dev/null')) {
      const file = positionals(args)
        .filter((a) => a !== '/dev/null')
        .pop();
      const why = file && DATA_FILE.test(file) ? lost(file) : undefined;
      return why ? { reason: `Copying /dev/null over ${file} empties it: ${why}.` } : undefined;
    }
    return undefined;
  },
  examples: {
    match: [
      { line: 'truncate -s 0 repos/files/notes.txt', decision: 'ask', severity: 'medium' },
      { line: ': > repos/files/data/users.csv', decision: 'ask' },
      'cd repos/files && truncate --size=0 src/app.ts',
      'cp /dev/null repos/files/data/users.csv',
      'cat header.csv > repos/files/data/users.csv',
    ],
    noMatch: [
      { line: 'truncate -s 0 repos/files/README.md', decision: 'allow' },
      { line: 'truncate -s +10M repos/files/notes.txt', decision: 'allow' },
      { line: 'sort input.csv > /nonexistent/airlock/new-export.csv', decision: 'allow' },
      { line: 'echo done > repos/files/notes.txt', decision: 'allow' },
      'truncate -s 0 app.db',
    ],
  },
});
