import type { Severity } from '../../types';
import { fake } from '../fake';
import { isPlaceholder, isReference } from '../placeholder';
import { defineTokenPack, defineTokenRule, provider } from '../rule';
import type { TokenRule } from '../types';

/** Defaults people leave in local docker-compose files: not worth a warning. */
const LOCAL_DEFAULTS = new Set([
  'postgres',
  'password',
  'pass',
  'root',
  'admin',
  'secret',
  'mysql',
  'guest',
  'redis',
  'mongo',
  'example',
  'test',
  'user',
  'dev',
  'changeme',
  'prisma',
  'docker',
]);
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal|db|database|postgres|mysql|redis|mongo|mongodb|rabbitmq)(?::\d+)?$/i;

function credentialUrl(id: string, schemes: string, title: string, providerName: string, scope: string, severity: Severity, example: string): TokenRule {
  const pattern = new RegExp(
    `(?<![A-Za-z0-9+.-])(?:${schemes}):\\/\\/(?<user>[^:@\\/\\s"'\`<>]{0,128}):(?<secret>[^@\\/\\s"'\`<>]{1,256})@(?<host>[^\\s"'\`\\/?#<>]{1,256})`,
    'gi',
  );
  return defineTokenRule({
    id,
    provider: providerName,
    title,
    // The literal start of each scheme: `https?` gives `http` (an optional last letter is not part of it).
    keywords: schemes.split('|').map((s) => /^[a-z0-9]+/.exec(s.replace(/[a-z0-9]\?$/, ''))![0]),
    pattern,
    scope,
    severity,
    check: (secret, match) => {
      const user = match.groups?.user ?? '';
      if (isReference(secret) || /^\$|^\{|^%|^<|\$\{|\{\{/.test(secret) || isPlaceholder(secret)) return false;
      if (secret === user || secret.length < 3) return false;
      // Local development defaults are noise, not exposure.
      return !(LOCAL_DEFAULTS.has(secret.toLowerCase()) && LOCAL_HOST.test(match.groups?.host ?? ''));
    },
    refine: (_secret, match) =>
      LOCAL_HOST.test(match.groups?.host ?? '') ? { severity: 'low', scope: 'A local service: harmless unless the same password is used elsewhere.' } : {},
    examples: {
      valid: [example.replace('PASSWORD', fake(20))],
      invalid: [example.replace('PASSWORD', '${DB_PASSWORD}'), example.replace('PASSWORD', '<password>'), example.replace(/:\/\/[^@]+@/, '://')],
    },
  });
}

const DATA = 'Full access to that database as that user: read, change and drop what the user may.';

export const pack = defineTokenPack({
  id: 'urls',
  providers: [
    provider(
      'Database',
      undefined,
      "Change the user's password on the server (ALTER USER ... PASSWORD ...) and update every client.",
      'Prefer a per-environment user with the least privileges; never share one between staging and production.',
      "Check the server's connection logs for unknown clients since the exposure.",
      'Keep the URL in an ignored, agent-blocked env file or a secret store.',
    ),
    provider('Service URL', undefined),
  ],
  rules: [
    credentialUrl('jdbc-url-password', 'jdbc:[a-z]+', 'JDBC URL with password', 'Database', DATA, 'high', 'jdbc:postgresql://app:PASSWORD@db.acme.io:5432/app'),
    credentialUrl(
      'postgres-url-password',
      'postgres|postgresql|postgis',
      'PostgreSQL connection URL with password',
      'Database',
      DATA,
      'high',
      'DATABASE_URL=postgres://app:PASSWORD@db.internal.acme.io:5432/app',
    ),
    credentialUrl(
      'mysql-url-password',
      'mysql|mysql2|mariadb',
      'MySQL connection URL with password',
      'Database',
      DATA,
      'high',
      'mysql://app:PASSWORD@mysql.acme.io/app',
    ),
    credentialUrl(
      'mongodb-url-password',
      'mongodb|mongodb\\+srv',
      'MongoDB connection URL with password',
      'Database',
      DATA,
      'high',
      'MONGO_URL="mongodb+srv://app:PASSWORD@cluster0.abcde.mongodb.net/app"',
    ),
    credentialUrl(
      'redis-url-password',
      'redis|rediss',
      'Redis URL with password',
      'Database',
      'Full access to the Redis instance: read, write, FLUSHALL.',
      'high',
      'REDIS_URL=rediss://default:PASSWORD@eu1.upstash.io:6379',
    ),
    credentialUrl(
      'amqp-url-password',
      'amqp|amqps',
      'AMQP (RabbitMQ) URL with password',
      'Service URL',
      'Publishes, consumes and deletes queues as that user.',
      'medium',
      'amqps://worker:PASSWORD@rabbit.acme.io/vhost',
    ),
    credentialUrl(
      'mssql-url-password',
      'sqlserver|mssql',
      'SQL Server URL with password',
      'Database',
      DATA,
      'high',
      'sqlserver://sa:PASSWORD@sql.acme.io:1433',
    ),
    credentialUrl(
      'http-url-password',
      'https?',
      'HTTP URL with embedded credentials',
      'Service URL',
      'Whatever the account can do on that host (often a registry, API or Git remote).',
      'high',
      'https://deploy:PASSWORD@git.acme.io/acme/app.git',
    ),
    credentialUrl(
      'ftp-url-password',
      'ftp|ftps|sftp',
      'FTP/SFTP URL with password',
      'Service URL',
      'Reads and writes files on that server as that user.',
      'medium',
      'sftp://backup:PASSWORD@files.acme.io/backups',
    ),
    credentialUrl(
      'smtp-url-password',
      'smtp|smtps',
      'SMTP URL with password',
      'Service URL',
      'Sends mail as that account (phishing from your domain).',
      'medium',
      'SMTP_URL=smtps://mailer:PASSWORD@smtp.acme.io:465',
    ),
    credentialUrl(
      'ldap-url-password',
      'ldap|ldaps',
      'LDAP URL with bind password',
      'Service URL',
      'Reads (and maybe changes) the directory as the bind user.',
      'high',
      'ldaps://cn=admin:PASSWORD@ldap.acme.io',
    ),
    credentialUrl(
      'cloudinary-url',
      'cloudinary',
      'Cloudinary URL with API secret',
      'Service URL',
      'Uploads, changes and deletes every asset in the Cloudinary product environment.',
      'high',
      'CLOUDINARY_URL=cloudinary://123456789012345:PASSWORD@acme',
    ),
  ],
});
