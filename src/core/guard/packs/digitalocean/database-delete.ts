import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { DOCTL_DELETE, DOCTL_KEYWORDS, DOCTL_TOOLS, DOCTL_VALUED } from './shape';

export default defineRule({
  id: 'digitalocean.database-delete',
  resource: 'a DigitalOcean managed database cluster or database, with its data',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a DigitalOcean managed database cluster (with its backups) or one database in it, with all its data.',
  suggestion: 'Dump the data first (`pg_dump`/`mysqldump`), or fork the cluster (`doctl databases fork`) as a copy.',
  keywords: DOCTL_KEYWORDS,
  tools: DOCTL_TOOLS,
  match: (command) => {
    const words = matchPath(
      command,
      DOCTL_VALUED,
      [['databases', 'database', 'db', 'dbs', 'd'], DOCTL_DELETE],
      [['databases', 'database', 'db', 'dbs', 'd'], 'db', DOCTL_DELETE],
    );
    return words ? (words[1] === 'db' ? { resource: 'a database in a DigitalOcean cluster, with its data' } : {}) : undefined;
  },
  examples: {
    match: [
      { line: 'doctl databases delete 9cc10173 --force', decision: 'ask' },
      { line: 'doctl databases db delete 9cc10173 app', decision: 'ask' },
      'doctl db rm 9cc10173',
    ],
    noMatch: [
      { line: 'doctl databases list', decision: 'allow' },
      'doctl databases get 9cc10173',
      'doctl databases backups 9cc10173',
      'doctl databases user delete 9cc10173 app',
    ],
  },
});
