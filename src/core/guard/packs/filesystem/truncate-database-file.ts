import { defineRule } from '../../rule';
import { targetsOf } from './paths';

/** Files that hold a database: emptying one loses every row in it. */
export const DATABASE_FILE = /\.(db|sqlite|sqlite3|db3|mdb|accdb|ldb|mdf|ndf|frm|ibd|myd|wt|rdb|aof)$|(^|\/)(pg_wal|pgdata|ibdata1)(\/|$)/i;

export default defineRule({
  id: 'filesystem.truncate-database-file',
  resource: 'a database file and every row in it',
  severity: 'high',
  decision: 'ask',
  reason: 'Empties or overwrites a database file: every row in it is lost.',
  suggestion: 'Copy the file aside first (cp app.db app.db.bak).',
  keywords: ['db', 'sqlite', 'sqlite3', 'db3', 'mdb', 'rdb', 'aof', 'ibd', 'wt', 'frm', 'mdf', 'ldb', 'accdb', 'ndf', 'myd', 'pg_wal', 'pgdata', 'ibdata1'],
  tools: ['*'],
  match(command) {
    const [tool, ...args] = command.argv;
    const overwritten = (command.redirects ?? [])
      .filter((r) => r.operator === '>' || r.operator === '>|')
      .map((r) => r.target)
      .find((t) => DATABASE_FILE.test(t));
    if (overwritten) return { reason: `The redirection > ${overwritten} empties that database file.` };
    if (tool === 'truncate') {
      const file = targetsOf(args).find((t) => DATABASE_FILE.test(t));
      return file ? { reason: `truncate would cut ${file} short, losing its rows.` } : undefined;
    }
    if (tool === 'cp' && args.includes('/dev/null')) {
      const file = targetsOf(args).find((t) => DATABASE_FILE.test(t));
      return file ? { reason: `Copying /dev/null over ${file} empties the database.` } : undefined;
    }
    return undefined;
  },
  examples: {
    match: [
      { line: 'truncate -s 0 app.db', decision: 'ask' },
      { line: ': > data/production.sqlite3', decision: 'ask' },
      'cat /dev/null > prisma/dev.db',
      'cp /dev/null app.sqlite',
    ],
    noMatch: [
      'truncate -s 0 app.log',
      { line: 'cp app.db app.db.bak', decision: 'allow' },
      { line: 'sqlite3 app.db .tables', decision: 'allow' },
      'echo hi > notes.txt',
    ],
  },
});
