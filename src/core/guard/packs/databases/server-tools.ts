import { hasFlag, hasOption, optionValue, positionals } from '../../../argv';
import { defineRule } from '../../rule';

/**
 * The database servers' own command-line tools that destroy: dropping a login role, resetting
 * PostgreSQL's write-ahead log, deleting archived WAL, MongoDB's restore/import with `--drop` or
 * `--mode delete`, and deleting etcd keys.
 */
export default defineRule({
  id: 'databases.server-tools',
  resource: 'a database role, write-ahead log, archived WAL, collection or etcd keys',
  severity: 'high',
  decision: 'ask',
  reason: "Runs a database tool that deletes a role, write-ahead log files, a collection's documents or stored keys.",
  suggestion: 'Run it against a copy first, and take a backup of what it deletes.',
  tools: ['dropuser', 'pg_resetwal', 'pg_resetxlog', 'pg_archivecleanup', 'mongorestore', 'mongoimport', 'etcdctl'],
  match(command) {
    const [tool, ...args] = command.argv;
    if (hasFlag(args, '--help', '--version', '-V')) return undefined;
    switch (tool) {
      case 'dropuser': {
        const role = positionals(args, ['-h', '--host', '-p', '--port', '-U', '--username'])[0];
        return role || hasFlag(args, '-i', '--interactive')
          ? { reason: `dropuser removes the role ${role ?? '(asked for)'}: its logins stop working, and what it owned must be reassigned first.` }
          : undefined;
      }
      case 'pg_resetwal':
      case 'pg_resetxlog':
        if (hasFlag(args, '-n', '--dry-run')) return undefined;
        return {
          severity: 'critical',
          reason: `${tool} throws away PostgreSQL's write-ahead log: recent transactions are lost and the database may be left inconsistent.`,
        };
      case 'pg_archivecleanup':
        if (hasFlag(args, '-n')) return undefined;
        return positionals(args, ['-x']).length >= 2
          ? { reason: 'pg_archivecleanup deletes archived WAL files older than the one named: point-in-time recovery before it is no longer possible.' }
          : undefined;
      case 'mongorestore':
        return hasOption(args, '--drop')
          ? { severity: 'critical', reason: 'mongorestore --drop drops each collection before restoring it: documents not in the dump are gone.' }
          : undefined;
      case 'mongoimport': {
        if (hasOption(args, '--drop'))
          return { severity: 'critical', reason: 'mongoimport --drop drops the collection before importing: every document not in the file is gone.' };
        return optionValue(args, '--mode') === 'delete'
          ? { reason: 'mongoimport --mode delete deletes every document that matches one in the file.' }
          : undefined;
      }
      case 'etcdctl': {
        const words = positionals(args, [
          '--endpoints',
          '--cacert',
          '--cert',
          '--key',
          '--user',
          '--password',
          '-w',
          '--write-out',
          '--dial-timeout',
          '--command-timeout',
        ]);
        if (!['del', 'rm', 'rmdir', 'delete'].includes(words[0] ?? '')) return undefined;
        const everything = hasOption(args, '--prefix', '--from-key') || hasFlag(args, '--recursive', '-r');
        return {
          severity: everything ? 'critical' : 'high',
          reason: `etcdctl ${words[0]} deletes ${everything ? 'every key under' : 'the key'} ${words[1] ?? ''} from etcd${everything ? '' : ''}; Kubernetes and services that read their configuration there lose it.`,
        };
      }
    }
    return undefined;
  },
  examples: {
    match: [
      { line: 'dropuser app', decision: 'ask' },
      'dropuser -h db.internal -U postgres reporting',
      { line: 'pg_resetwal -f /var/lib/postgresql/data', decision: 'ask', severity: 'critical' },
      'pg_archivecleanup /mnt/archive 000000010000000000000010',
      { line: 'mongorestore --drop dump/', decision: 'ask', severity: 'critical' },
      'mongoimport --drop -c users u.json',
      'mongoimport --db app --collection users --mode delete --file u.json',
      'mongoimport --mode=delete -c users u.json',
      { line: 'etcdctl del /config --prefix', decision: 'ask', severity: 'critical' },
      'etcdctl --endpoints https://etcd:2379 del feature-flag',
    ],
    noMatch: [
      { line: 'pg_resetwal -n /var/lib/postgresql/data', decision: 'allow' },
      { line: 'pg_archivecleanup -n /mnt/archive 000000010000000000000010', decision: 'allow' },
      { line: 'mongorestore dump/', decision: 'allow' },
      { line: 'mongoimport -c users --mode upsert u.json', decision: 'allow' },
      { line: 'etcdctl get /config --prefix', decision: 'allow' },
      'etcdctl put flag on',
      'createuser app',
      'dropuser --help',
    ],
  },
});
