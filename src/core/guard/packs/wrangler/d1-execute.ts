import { hasOption, optionValue } from '../../../argv';
import { defineRule } from '../../rule';
import { matchPath, nestedVerdict } from '../cli-words';
import { WRANGLER_KEYWORDS, WRANGLER_TOOLS, WRANGLER_VALUED } from './shape';

/**
 * D1 is SQLite: the SQL an agent sends to a remote D1 database is checked by the database
 * rules, as if given to `sqlite3`. Without --remote, wrangler runs it on the local copy.
 */
export default defineRule({
  id: 'wrangler.d1-execute',
  resource: 'tables and rows of a remote Cloudflare D1 database',
  severity: 'critical',
  decision: 'ask',
  reason: 'Runs destructive SQL (DROP, TRUNCATE, DELETE or UPDATE without WHERE...) against a remote D1 database.',
  suggestion: 'Export it first (`wrangler d1 export DB --remote --output backup.sql`), and try the SQL without --remote on the local copy.',
  keywords: WRANGLER_KEYWORDS,
  tools: WRANGLER_TOOLS,
  match: (command, context) => {
    const args = command.argv.slice(1);
    if (!matchPath(command, WRANGLER_VALUED, ['d1', 'execute']) || !hasOption(args, '--remote')) return undefined;
    const sql = optionValue(args, '--command');
    const file = optionValue(args, '--file');
    const findings = [
      ...(sql !== undefined ? context.checkArgv(['sqlite3', 'd1.sqlite', sql], command.cwd) : []),
      ...(file !== undefined ? context.checkLine(`sqlite3 d1.sqlite < '${file.replace(/'/g, `'\\''`)}'`, command.cwd) : []),
    ];
    return nestedVerdict(findings, 'On a remote D1 database');
  },
  examples: {
    match: [
      { line: 'wrangler d1 execute prod-db --remote --command "DROP TABLE users"', decision: 'ask' },
      'wrangler d1 execute prod-db --remote --file=./wipe.sql',
    ],
    noMatch: [
      'wrangler d1 execute prod-db --remote --command "SELECT * FROM users"',
      'wrangler d1 execute prod-db --command "DROP TABLE users"',
      'wrangler d1 list',
    ],
  },
});
