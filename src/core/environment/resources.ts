import { createHash } from 'node:crypto';
import { previewSecret } from '../tokens/preview';

/**
 * The concrete things environments point at, reduced to comparable keys: two configs that
 * produce the same key touch the same data. Keys never hold secrets (passwords are dropped,
 * tokens are hashed); `display` is safe to show.
 */
export type ResourceKind = 'database' | 'volume' | 'bucket' | 'cluster' | 'project' | 'app' | 'token' | 'host';

export interface ResourceRef {
  kind: ResourceKind;
  key: string;
  display: string;
  /** The variable it was read from, when it came from an env file. */
  variable?: string;
  /**
   * What the resource is part of, weaker evidence looked up only when the resource itself is
   * named nowhere: a database's server host, the Supabase project its host or user names.
   */
  aliases?: ResourceRef[];
}

/** Kinds whose sharing between environments is a blast-radius warning (a shared Railway project or Vercel project is normal). */
export const SHARED_KINDS: ReadonlySet<ResourceKind> = new Set(['database', 'volume', 'bucket', 'cluster']);

const DATABASE_SCHEMES: Record<string, { family: string; port: string }> = {
  postgres: { family: 'postgres', port: '5432' },
  postgresql: { family: 'postgres', port: '5432' },
  'postgresql+psycopg2': { family: 'postgres', port: '5432' },
  'postgresql+asyncpg': { family: 'postgres', port: '5432' },
  mysql: { family: 'mysql', port: '3306' },
  mysql2: { family: 'mysql', port: '3306' },
  mariadb: { family: 'mysql', port: '3306' },
  mongodb: { family: 'mongodb', port: '27017' },
  'mongodb+srv': { family: 'mongodb', port: 'srv' },
  redis: { family: 'redis', port: '6379' },
  rediss: { family: 'redis', port: '6379' },
  clickhouse: { family: 'clickhouse', port: '9000' },
  sqlserver: { family: 'sqlserver', port: '1433' },
};

/** A database connection URL as a resource: scheme family, host, port and database, no credentials. */
export function databaseRef(value: string, variable?: string): ResourceRef | undefined {
  const match = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value.trim());
  if (!match) return undefined;
  const scheme = DATABASE_SCHEMES[match[1]!.toLowerCase()];
  if (!scheme) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim().replace(/^[^:]+:/, 'http:'));
  } catch {
    return undefined;
  }
  // Multi-host Mongo URLs (`a,b,c`) keep the first host: they are one replica set.
  const host = url.hostname.toLowerCase().split(',')[0]!;
  if (!host) return undefined;
  const port = url.port || scheme.port;
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || (scheme.family === 'redis' ? '0' : '');
  const display = `${scheme.family}://${host}${port && port !== 'srv' ? `:${port}` : ''}/${database}`;
  return { kind: 'database', key: `database:${display}`, display, variable, aliases: hostAliases(host, decodeURIComponent(url.username), variable) };
}

/**
 * Supabase project refs (20 lower-case letters) as they appear in connection details: the
 * direct host `db.<ref>.supabase.co`, the API host `<ref>.supabase.co`, and the pooler's user
 * `postgres.<ref>` (host `*.pooler.supabase.com`).
 */
export function supabaseRefOf(host: string, user = ''): string | undefined {
  const direct = /^(?:db\.)?([a-z0-9]{6,40})\.supabase\.(?:co|in|net)$/.exec(host)?.[1];
  if (direct) return direct;
  if (/\.pooler\.supabase\.com$/.test(host)) return /^[\w-]+\.([a-z0-9]{6,40})$/.exec(user)?.[1];
  return undefined;
}

/** A server by its host name, with the Supabase project an API host names: compared with the hosts env files' URLs use. */
export function hostRef(host: string, variable?: string): ResourceRef {
  const name = host.toLowerCase();
  const ref = supabaseRefOf(name);
  return { kind: 'host', key: `host:${name}`, display: `host ${name}`, variable, ...(ref ? { aliases: [simpleRef('project', ref, variable)] } : {}) };
}

/** Shared front doors of hosted databases (poolers, serverless gateways): one host name for every customer. */
const MULTI_TENANT_HOSTS = /(\.pooler\.supabase\.com|(^|\.)psdb\.cloud|(^|\.)connect\.psdb\.cloud|\.cockroachlabs\.cloud|\.tidbcloud\.com|\.proxy\.rlwy\.net)$/;

/** The host a database lives on and, for Supabase, its project: weaker keys compared with every env file. */
function hostAliases(host: string, user: string, variable?: string): ResourceRef[] {
  const out: ResourceRef[] = [];
  const ref = supabaseRefOf(host, user);
  if (ref) out.push(simpleRef('project', ref, variable));
  // A host that serves many tenants' databases says nothing about which one: only its user might (Supabase's pooler).
  if (!MULTI_TENANT_HOSTS.test(host)) out.push({ kind: 'host', key: `host:${host}`, display: `host ${host}`, variable });
  return out;
}

/** A host and database given apart (psql -h H -d D, PGHOST/PGDATABASE). */
export function databaseRefFromParts(family: string, host: string, port: string | undefined, database: string | undefined): ResourceRef {
  const defaultPort = Object.values(DATABASE_SCHEMES).find((s) => s.family === family)?.port;
  const p = port || defaultPort;
  const display = `${family}://${host.toLowerCase()}${p ? `:${p}` : ''}/${database ?? ''}`;
  return { kind: 'database', key: `database:${display}`, display, aliases: hostAliases(host.toLowerCase(), '') };
}

export function tokenRef(token: string, variable?: string): ResourceRef {
  const digest = createHash('sha256').update(token).digest('hex').slice(0, 24);
  return { kind: 'token', key: `token:${digest}`, display: previewSecret(token), variable };
}

export function simpleRef(kind: ResourceKind, id: string, variable?: string): ResourceRef {
  const display = `${kind} ${id}`;
  return { kind, key: `${kind}:${id.toLowerCase()}`, display, variable };
}

/** Variables that carry API tokens whose source file matters (a project token acts on one environment). */
const TOKEN_VARIABLE = /(^|_)(TOKEN|API_KEY|ACCESS_KEY|SECRET_KEY|AUTH)$/;

/** Every resource an env file points at. */
export function resourcesOfVariables(vars: Record<string, string>): ResourceRef[] {
  const out: ResourceRef[] = [];
  for (const [name, rawValue] of Object.entries(vars)) {
    const value = rawValue.trim();
    if (!value || value.length > 2048) continue;
    const database = databaseRef(value, name);
    if (database) {
      out.push(database);
      continue;
    }
    if (/(^|_)VOLUME_ID$/.test(name)) out.push(simpleRef('volume', value, name));
    else if (/(^|_)BUCKET(_NAME)?$/.test(name)) out.push(simpleRef('bucket', value.replace(/^(s3|gs):\/\//, '').replace(/\/.*$/, ''), name));
    else if (/^(KUBE_?CONTEXT|K8S_CLUSTER|KUBE_CLUSTER|CLUSTER_NAME)$/.test(name)) out.push(simpleRef('cluster', value, name));
    else if (
      /^(RAILWAY_PROJECT_ID|SUPABASE_PROJECT_REF|SUPABASE_PROJECT_ID|GOOGLE_CLOUD_PROJECT|GCLOUD_PROJECT|CLOUDSDK_CORE_PROJECT|AZURE_SUBSCRIPTION_ID|AWS_ACCOUNT_ID|VERCEL_PROJECT_ID)$/.test(
        name,
      )
    )
      out.push(simpleRef('project', value, name));
    else if (/^(HEROKU_APP|HEROKU_APP_NAME|FLY_APP|FLY_APP_NAME)$/.test(name)) out.push(simpleRef('app', value, name));
    else if (/^https?:\/\/[a-z0-9]+\.supabase\.(co|in)(\/|$)/i.test(value)) {
      // Any variable holding a Supabase API URL (SUPABASE_URL, NEXT_PUBLIC_SUPABASE_URL, VITE_SUPABASE_URL…) names its project.
      const ref = supabaseRefOf(new URL(value).hostname.toLowerCase());
      if (ref) out.push(simpleRef('project', ref, name));
    } else if (TOKEN_VARIABLE.test(name) && value.length >= 8) out.push(tokenRef(value, name));
    // Other URLs' hosts are not indexed on purpose: an API base URL (api.github.com, api.stripe.com) in .env.development
    // says nothing about which environment a request to that host touches, and would lower it out of unknown.
  }
  return out;
}
