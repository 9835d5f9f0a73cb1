import { basename, join } from 'node:path';
import { flagValue, positionals } from '../../argv';
import type { CommandContext, Evidence, VariableValue } from '../context';
import { evidence, type Resolution, type ToolResolver } from '../resolution';
import { databaseRef, databaseRefFromParts, type ResourceRef } from '../resources';

/** What a database client connects to, and how Airlock learned each part. */
interface Connection {
  ref?: ResourceRef;
  host?: string;
  evidence: Evidence[];
  /** Environments of the env files a value came from (`source .env.staging && psql $DATABASE_URL`). */
  fileEnvironments?: string[];
}

function expandedValue(ctx: CommandContext, raw: string, source: string, ev: Evidence[], fileEnvironments?: string[]): string | undefined {
  const expanded = ctx.expand(raw);
  for (const s of expanded.sources) {
    ev.push(evidence(`$${s.name}`, `from ${s.source}`));
    if (s.file && s.file.environment !== 'unknown') fileEnvironments?.push(s.file.environment);
  }
  if (expanded.unresolved.length) {
    ev.push(evidence(source, `$${expanded.unresolved[0]} is set nowhere Airlock can read`));
    return undefined;
  }
  return expanded.value;
}

function fromUrlOrConninfo(value: string, family: string): { ref?: ResourceRef; host?: string; database?: string } {
  const ref = databaseRef(value);
  if (ref) return { ref, host: hostOf(ref.display) };
  if (/\w+=/.test(value)) {
    const pairs = Object.fromEntries([...value.matchAll(/(\w+)\s*=\s*('[^']*'|\S+)/g)].map((m) => [m[1]!, m[2]!.replace(/^'|'$/g, '')]));
    if (pairs.host) return { ref: databaseRefFromParts(family, pairs.host, pairs.port, pairs.dbname), host: pairs.host, database: pairs.dbname };
    return { database: pairs.dbname };
  }
  return { database: value };
}

function hostOf(display: string): string {
  return display.replace(/^\w+:\/\//, '').split(/[:/]/)[0]!;
}

function variableEvidence(name: string, v: VariableValue): Evidence {
  return evidence(`${name} (${v.source})`, name.includes('URL') ? (databaseRef(v.value)?.display ?? 'not a database URL') : v.value);
}

/** psql and the libpq tools: URI or conninfo in -d or the first word, -h/-p, then PGHOST/PGPORT/PGDATABASE. */
function resolvePostgres(ctx: CommandContext): Connection {
  const ev: Evidence[] = [];
  const args = ctx.args;
  const words = positionals(ctx.rawArgs, [
    '-d',
    '--dbname',
    '-h',
    '--host',
    '-p',
    '--port',
    '-U',
    '--username',
    '-c',
    '--command',
    '-f',
    '--file',
    '-v',
    '--set',
    '-o',
    '--output',
    '-F',
    '-j',
    '-n',
    '-t',
    '-T',
    '-N',
  ]);
  // The connection word is expanded here, not by the shell view, so the file a URL came from is kept as evidence.
  const rawDb = flagValue(ctx.rawArgs, '-d', '--dbname') ?? words[0];
  let host = flagValue(args, '-h', '--host');
  let port = flagValue(args, '-p', '--port');
  let database: string | undefined;
  const fileEnvironments: string[] = [];
  if (rawDb) {
    const value = expandedValue(ctx, rawDb, 'database argument', ev, fileEnvironments);
    if (value) {
      const parsed = fromUrlOrConninfo(value, 'postgres');
      if (parsed.ref) {
        ev.unshift(evidence('connection argument', parsed.ref.display));
        return { ref: parsed.ref, host: parsed.host, evidence: ev, fileEnvironments };
      }
      database = parsed.database;
    }
  }
  if (host) ev.push(evidence('--host', host));
  for (const [name, apply] of [
    [
      'PGHOST',
      (v: string) => {
        host ??= v;
      },
    ],
    [
      'PGPORT',
      (v: string) => {
        port ??= v;
      },
    ],
    [
      'PGDATABASE',
      (v: string) => {
        database ??= v;
      },
    ],
  ] as const) {
    const v = ctx.variable(name);
    if (v?.value) {
      apply(v.value);
      ev.push(variableEvidence(name, v));
    }
  }
  if (!host) {
    host = 'localhost';
    ev.push(evidence('libpq', 'no host given: the local server'));
  }
  return { ref: databaseRefFromParts('postgres', host, port, database), host, evidence: ev };
}

function resolveMysql(ctx: CommandContext): Connection {
  const ev: Evidence[] = [];
  const args = ctx.args;
  const words = positionals(args, ['-h', '--host', '-P', '--port', '-u', '--user', '-D', '--database', '-e', '--execute', '-S', '--socket']);
  let host = flagValue(args, '-h', '--host');
  if (host) ev.push(evidence('--host', host));
  const hostVar = ctx.variable('MYSQL_HOST');
  if (!host && hostVar?.value) {
    host = hostVar.value;
    ev.push(variableEvidence('MYSQL_HOST', hostVar));
  }
  if (!host) {
    host = 'localhost';
    ev.push(evidence('mysql', 'no host given: the local server'));
  }
  const database = flagValue(args, '-D', '--database') ?? words[0];
  return { ref: databaseRefFromParts('mysql', host, flagValue(args, '-P', '--port'), database), host, evidence: ev };
}

function resolveUrlClient(ctx: CommandContext, family: string, hostFlags: string[], defaultHost: string): Connection {
  const ev: Evidence[] = [];
  const args = ctx.args;
  const uriRaw =
    flagValue(ctx.rawArgs, '-u', '--uri') ??
    positionals(ctx.rawArgs, [...hostFlags, '-p', '--port', '-n', '-a', '--eval', '-e', '--file', '-f', '--username', '--password']).find((w) =>
      /^[a-z+]+:\/\/|^\$/.test(w),
    );
  if (uriRaw) {
    const fileEnvironments: string[] = [];
    const value = expandedValue(ctx, uriRaw, 'connection argument', ev, fileEnvironments);
    const ref = value ? databaseRef(value) : undefined;
    if (ref) {
      ev.unshift(evidence('connection argument', ref.display));
      return { ref, host: hostOf(ref.display), evidence: ev, fileEnvironments };
    }
  }
  let host = flagValue(args, ...hostFlags);
  if (host) ev.push(evidence('--host', host));
  else {
    host = defaultHost;
    ev.push(evidence(family, `no host given: ${defaultHost}`));
  }
  return { ref: databaseRefFromParts(family, host, flagValue(args, '-p', '--port'), flagValue(args, '-n')), host, evidence: ev };
}

/** Framework commands read DATABASE_URL (or the variable their config names) from the shell, then from the project's .env files. */
function resolveFrameworkUrl(
  ctx: CommandContext,
  variable: string,
  environmentName?: { name: string; source: string },
): Connection & { environmentName?: { name: string; source: string } } {
  const ev: Evidence[] = [];
  if (environmentName) ev.push(evidence(environmentName.source, environmentName.name));
  const v = ctx.variableWithProjectFiles(variable, ctx.cwd, environmentName?.name);
  if (v?.value) {
    const ref = databaseRef(v.value, variable);
    ev.push(evidence(`${variable} (${v.source})`, ref?.display ?? 'not a database URL'));
    const fileEnvironments = v.file && v.file.environment !== 'unknown' ? [v.file.environment] : [];
    return { ref, host: ref ? hostOf(ref.display) : undefined, evidence: ev, environmentName, fileEnvironments };
  }
  ev.push(evidence(variable, `not set in the shell, nor in the project's env files${environmentName ? ` for ${environmentName.name}` : ''}`));
  return { evidence: ev, environmentName };
}

/** Prisma reads the variable its schema names in `url = env("...")`. */
function prismaVariable(ctx: CommandContext): string {
  const schemaFlag = flagValue(ctx.args, '--schema');
  for (const path of [schemaFlag, 'prisma/schema.prisma', 'schema.prisma'].filter(Boolean) as string[]) {
    const text = ctx.cache.text(join(ctx.cwd, path));
    const name = text.ok ? /url\s*=\s*env\(\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\)/.exec(text.value)?.[1] : undefined;
    if (name) return name;
  }
  return 'DATABASE_URL';
}

function namedEnvironment(ctx: CommandContext, flag: string | undefined, variables: string[], fallback?: string): { name: string; source: string } | undefined {
  if (flag) {
    const v = flagValue(ctx.args, flag);
    if (v) return { name: v, source: flag };
  }
  for (const name of variables) {
    const v = ctx.variable(name);
    if (v?.value) return { name: v.value, source: `${name} (${v.source})` };
  }
  return fallback ? { name: fallback, source: `${variables[0]} unset: the framework's default` } : undefined;
}

function connectionResolution(connection: Connection & { environmentName?: { name: string; source: string } }): Resolution {
  const ref = connection.ref;
  return {
    name: connection.environmentName?.name ?? ref?.display ?? null,
    resource: ref?.display ?? null,
    evidence: connection.evidence,
    labels: [connection.environmentName?.name, ...(connection.fileEnvironments ?? []), connection.host, ref?.display.split('/').pop()],
    resources: ref ? [ref] : [],
    affects: ['database'],
  };
}

function resolveFramework(ctx: CommandContext): Resolution | undefined {
  const [tool, ...rest] = ctx.argv;
  const first = rest.find((w) => !w.startsWith('-'));
  switch (tool) {
    case 'prisma':
    case 'drizzle-kit':
    case 'typeorm':
    case 'sequelize':
    case 'knex':
    case 'sequelize-cli': {
      const env = tool === 'knex' || tool.startsWith('sequelize') ? namedEnvironment(ctx, '--env', ['NODE_ENV'], 'development') : undefined;
      return connectionResolution(resolveFrameworkUrl(ctx, tool === 'prisma' ? prismaVariable(ctx) : 'DATABASE_URL', env));
    }
    case 'rails':
    case 'rake': {
      return connectionResolution(resolveFrameworkUrl(ctx, 'DATABASE_URL', namedEnvironment(ctx, '-e', ['RAILS_ENV', 'RACK_ENV'], 'development')));
    }
    case 'bundle': {
      if (rest[0] !== 'exec' || !rest[1]) return undefined;
      return resolveFramework(ctx.withArgv(rest.slice(1)));
    }
    case 'python':
    case 'python3':
    case 'django-admin': {
      if (tool !== 'django-admin' && !(first && basename(first) === 'manage.py')) return undefined;
      const settings = namedEnvironment(ctx, '--settings', ['DJANGO_SETTINGS_MODULE']);
      return connectionResolution(resolveFrameworkUrl(ctx, 'DATABASE_URL', settings));
    }
  }
  return undefined;
}

export const databaseResolvers: ToolResolver[] = [
  {
    tools: ['psql', 'pg_dump', 'pg_dumpall', 'pg_restore', 'dropdb', 'createdb', 'pgcli', 'vacuumdb', 'reindexdb'],
    resolve: (ctx) => connectionResolution(resolvePostgres(ctx)),
  },
  { tools: ['mysql', 'mariadb', 'mysqladmin', 'mysqldump', 'mycli'], resolve: (ctx) => connectionResolution(resolveMysql(ctx)) },
  { tools: ['mongosh', 'mongo'], resolve: (ctx) => connectionResolution(resolveUrlClient(ctx, 'mongodb', ['--host'], 'localhost')) },
  { tools: ['redis-cli', 'valkey-cli'], resolve: (ctx) => connectionResolution(resolveUrlClient(ctx, 'redis', ['-h'], '127.0.0.1')) },
  { tools: ['clickhouse-client', 'clickhouse'], resolve: (ctx) => connectionResolution(resolveUrlClient(ctx, 'clickhouse', ['-h', '--host'], 'localhost')) },
  {
    tools: ['cqlsh'],
    resolve: (ctx) => {
      const host = positionals(ctx.args, ['-u', '-p', '-k', '-e', '-f', '--keyspace', '--execute', '--file'])[0] ?? 'localhost';
      return connectionResolution({ ref: databaseRefFromParts('cassandra', host, undefined, undefined), host, evidence: [evidence('cqlsh', `host ${host}`)] });
    },
  },
  {
    tools: ['sqlite3', 'sqlite'],
    resolve: (ctx) => {
      const file = positionals(ctx.args, ['-cmd', '-separator'])[0];
      return {
        name: file ?? null,
        resource: file ? `SQLite file ${file}` : null,
        evidence: [evidence('sqlite3', file ? `file ${file}` : 'in-memory database')],
        labels: [file ? basename(file).replace(/\.(sqlite3?|db)$/, '') : 'local'],
      };
    },
  },
  {
    tools: ['prisma', 'drizzle-kit', 'typeorm', 'sequelize', 'sequelize-cli', 'knex', 'rails', 'rake', 'bundle', 'python', 'python3', 'django-admin'],
    resolve: resolveFramework,
  },
];
