import { hasFlag, positionals } from '../../../argv';
import { defineRule } from '../../rule';
import { startsWithPath } from '../cli-words';
import { DOCKER_KEYWORDS, DOCKER_TOOLS, dockerCalls } from './shape';

/** Names of containers that hold data: database and storage images, or a name that says data. */
export const DATA_CONTAINER =
  /(^|[-_.])(db|database|postgres|postgresql|pg|pgsql|mysql|mariadb|mongo|mongodb|redis|valkey|keydb|elastic|elasticsearch|opensearch|cassandra|scylla|clickhouse|influx|influxdb|minio|rabbitmq|kafka|zookeeper|etcd|neo4j|couchdb|couchbase|cockroach|cockroachdb|timescale|timescaledb|supabase|mssql|sqlserver|oracle|data|storage|volume|vault|nexus|gitlab|registry)(\d*)($|[-_.:])/i;

/**
 * `docker rm -f` of a container that holds data (a database or storage container, named so):
 * it is stopped mid-write and removed with everything it wrote outside named volumes. Removing
 * application containers (web, worker) is routine and passes.
 */
export default defineRule({
  id: 'docker.data-container-remove',
  resource: 'a database or storage container and the data it wrote inside itself',
  severity: 'high',
  decision: 'ask',
  reason:
    'Force-removes a container that holds data (a database or storage container): it is killed mid-write, and whatever it stored outside named volumes is gone.',
  suggestion: 'Stop it cleanly (`docker stop`), check `docker inspect -f "{{ .Mounts }}"` for where its data lives, and copy it out first.',
  keywords: DOCKER_KEYWORDS,
  tools: DOCKER_TOOLS,
  match: (command) => {
    const call = dockerCalls(command).find((c) => startsWithPath(c.words, ['rm']) || startsWithPath(c.words, ['container', ['rm', 'remove']]));
    if (!call || !hasFlag(call.args, '-f', '--force')) return undefined;
    // The container names follow the `rm` word; read them with rm's own options (docker's global -f is compose's --file).
    const at = call.args.findIndex((a) => a === 'rm' || a === 'remove');
    const names = positionals(call.args.slice(at + 1), ['-t', '--time']);
    const data = names.filter((n) => DATA_CONTAINER.test(n));
    const unknown = names.filter((n) => /^\$/.test(n));
    if (data.length)
      return { reason: `\`docker rm -f\` kills and removes ${data.join(', ')}, which holds data: what it stored outside named volumes is gone.` };
    return unknown.length
      ? { reason: `\`docker rm -f ${unknown.join(' ')}\` kills and removes containers only known when the line runs, databases included.`, severity: 'medium' }
      : undefined;
  },
  examples: {
    match: [
      { line: 'docker rm -f postgres', decision: 'ask' },
      'docker rm -f app-db-1',
      'docker container rm --force mongo redis-cache',
      'podman rm -f mysql8',
      { line: 'docker rm -f $(docker ps -aq)', decision: 'ask', severity: 'medium' },
    ],
    noMatch: [
      { line: 'docker rm -f web', decision: 'allow' },
      { line: 'docker rm postgres', decision: 'allow' },
      { line: 'docker stop postgres', decision: 'allow' },
      'docker rm -f worker-1 api',
      'docker run --rm postgres:16 psql --version',
    ],
  },
});
