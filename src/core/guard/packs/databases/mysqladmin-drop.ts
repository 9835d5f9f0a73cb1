import { parseOptions } from '../../../argv';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'databases.mysqladmin-drop',
  resource: 'a MySQL database and every table in it',
  severity: 'critical',
  decision: 'ask',
  reason: 'Drops a MySQL database with every table in it.',
  suggestion: 'Take a `mysqldump` first, and check which server `-h` points at.',
  keywords: ['mysqladmin'],
  tools: ['mysqladmin', 'mariadb-admin'],
  match: (command) => {
    const parsed = parseOptions(command.argv.slice(1), {
      valued: ['-u', '--user', '-h', '--host', '-P', '--port', '-S', '--socket', '--defaults-file'],
      attachedOnly: ['-p'],
    });
    const [verb, name] = parsed.positionals;
    return verb?.toLowerCase() === 'drop' && name
      ? { reason: `Drops the MySQL database ${name} with every table in it.`, resource: `the database ${name}` }
      : undefined;
  },
  examples: {
    match: ['mysqladmin drop shop', 'mysqladmin -u root -pSECRET -f drop shop_prod'],
    noMatch: [{ line: 'mysqladmin status', decision: 'allow' }, 'mysqladmin create shop', 'mysqladmin ping'],
  },
});
