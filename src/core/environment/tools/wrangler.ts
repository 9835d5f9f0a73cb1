import { dirname, join, resolve } from 'node:path';
import { type ParseError, parse as parseJsonc } from 'jsonc-parser';
import { flagValue, hasFlag, positionals } from '../../argv';
import { WRANGLER_VALUED } from '../../guard/packs/wrangler/shape';
import type { Environment } from '../../types';
import { classifyLabels, type EnvironmentPatterns } from '../classify';
import type { CommandContext, Evidence } from '../context';
import type { FileCache } from '../files';
import { isFile } from '../files';
import type { Profile } from '../profiles';
import { evidence, type Resolution, type ToolResolver } from '../resolution';
import { type ResourceRef, simpleRef } from '../resources';

// smol-toml ships only as an ES module; esbuild bundles it, tsx and Node 22 load it through require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse: parseToml } = require('smol-toml') as typeof import('smol-toml', { with: { 'resolution-mode': 'import' }});

/** Config names wrangler looks for in each directory from cwd upwards, in its own order. */
const CONFIG_NAMES = ['wrangler.json', 'wrangler.jsonc', 'wrangler.toml'];

type Table = Record<string, unknown>;

/** One binding of a Worker environment: a D1 database, KV namespace, R2 bucket, queue, Hyperdrive config. */
export interface WranglerBinding {
  kind: 'd1' | 'kv' | 'r2' | 'queue' | 'hyperdrive';
  binding?: string;
  name?: string;
  id?: string;
  previewId?: string;
}

/** The top level (`name: null`) or one `[env.NAME]` table, with the bindings that environment gets. */
export interface WranglerEnvironment {
  name: string | null;
  worker: string | null;
  bindings: WranglerBinding[];
  /** `vars` values that name the environment (ENVIRONMENT, APP_ENV…). */
  vars: Record<string, string>;
}

export interface WranglerConfig {
  file: string;
  top: WranglerEnvironment;
  environments: Map<string, WranglerEnvironment>;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}
function asTable(v: unknown): Table | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Table) : undefined;
}
function asList(v: unknown): Table[] {
  return Array.isArray(v)
    ? v
        .map(asTable)
        .filter((t): t is Table => !!t)
        .slice(0, 200)
    : [];
}

/** Bindings are not inherited from the top level: each `[env.X]` has only its own (Cloudflare's inheritance rules). */
function bindingsOf(table: Table): WranglerBinding[] {
  const out: WranglerBinding[] = [];
  for (const d of asList(table.d1_databases))
    out.push({ kind: 'd1', binding: str(d.binding), name: str(d.database_name), id: str(d.database_id), previewId: str(d.preview_database_id) });
  for (const k of asList(table.kv_namespaces)) out.push({ kind: 'kv', binding: str(k.binding), id: str(k.id), previewId: str(k.preview_id) });
  for (const r of asList(table.r2_buckets)) out.push({ kind: 'r2', binding: str(r.binding), name: str(r.bucket_name), previewId: str(r.preview_bucket_name) });
  for (const h of asList(table.hyperdrive)) out.push({ kind: 'hyperdrive', binding: str(h.binding), id: str(h.id) });
  const queues = asTable(table.queues);
  for (const q of asList(queues?.producers)) out.push({ kind: 'queue', binding: str(q.binding), name: str(q.queue) });
  return out;
}

function varsOf(table: Table): Record<string, string> {
  const vars = asTable(table.vars) ?? {};
  const out: Record<string, string> = {};
  for (const key of ['ENVIRONMENT', 'ENV', 'APP_ENV', 'STAGE', 'NODE_ENV', 'DEPLOY_ENV']) {
    const v = str(vars[key]);
    if (v) out[key] = v.slice(0, 60);
  }
  return out;
}

function parseConfig(path: string, text: string): Table {
  if (path.endsWith('.toml')) return parseToml(text) as Table;
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { allowTrailingComma: true }) as unknown;
  if (errors.length || !asTable(value)) throw new Error('not a JSON object');
  return value as Table;
}

/** Reads a wrangler config into its environments; the Worker of `[env.X]` is its own `name` or `<top name>-X`. */
export function readWranglerConfig(cache: FileCache, path: string): { ok: true; value: WranglerConfig } | { ok: false; reason: string } {
  const parsed = cache.parsed(path, 'wrangler', (t) => parseConfig(path, t));
  if (!parsed.ok) return parsed;
  const root = parsed.value;
  const topName = str(root.name) ?? null;
  const top: WranglerEnvironment = { name: null, worker: topName, bindings: bindingsOf(root), vars: varsOf(root) };
  const environments = new Map<string, WranglerEnvironment>();
  for (const [name, value] of Object.entries(asTable(root.env) ?? {}).slice(0, 100)) {
    const table = asTable(value) ?? {};
    environments.set(name, { name, worker: str(table.name) ?? (topName ? `${topName}-${name}` : null), bindings: bindingsOf(table), vars: varsOf(table) });
  }
  return { ok: true, value: { file: path, top, environments } };
}

/**
 * The config wrangler would load: `--config`/`-c`, else the redirected deploy config
 * (`.wrangler/deploy/config.json`, written by build tools, for deploy commands), else the
 * nearest `wrangler.json`, `wrangler.jsonc` or `wrangler.toml` from the directory upwards.
 */
export function findWranglerConfig(ctx: CommandContext, start: string, explicit?: string, deployCommand = false): { path?: string; ev: Evidence[] } {
  if (explicit) return { path: resolve(ctx.cwd, explicit), ev: [evidence('--config', explicit)] };
  let dir = start;
  for (let i = 0; i < 32; i++) {
    if (deployCommand) {
      const redirect = join(dir, '.wrangler', 'deploy', 'config.json');
      if (isFile(redirect)) {
        const read = ctx.cache.parsed(redirect, 'json', (t) => JSON.parse(t) as { configPath?: unknown });
        const target = read.ok && typeof read.value?.configPath === 'string' ? resolve(dirname(redirect), read.value.configPath) : undefined;
        if (target) return { path: target, ev: [evidence(ctx.display(redirect), `redirects wrangler to ${ctx.display(target)}`)] };
      }
    }
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (isFile(candidate)) return { path: candidate, ev: [] };
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { ev: [] };
}

/** The environment a Worker environment is for: its name, its Worker's name, its ENVIRONMENT-like vars, its resources' names. */
export function classifyWranglerEnvironment(env: WranglerEnvironment, patterns: EnvironmentPatterns): { environment: Environment; label?: string } {
  return classifyLabels([env.name, env.worker, ...Object.values(env.vars), ...env.bindings.map((b) => b.name)], patterns);
}

/** Resource keys of one binding, shared with the workspace index so two environments on one D1 database are seen. */
function refsOf(b: WranglerBinding): ResourceRef[] {
  const out: ResourceRef[] = [];
  if (b.kind === 'd1' && b.id) out.push(simpleRef('database', `d1:${b.id}`));
  if (b.kind === 'kv' && b.id) out.push(simpleRef('volume', `kv:${b.id}`));
  if (b.kind === 'r2' && b.name) out.push(simpleRef('bucket', b.name));
  if (b.kind === 'hyperdrive' && b.id) out.push(simpleRef('database', `hyperdrive:${b.id}`));
  return out.map((r) => ({ ...r, display: describeBinding(b) }));
}

export function describeBinding(b: WranglerBinding): string {
  const kind = { d1: 'D1 database', kv: 'KV namespace', r2: 'R2 bucket', queue: 'queue', hyperdrive: 'Hyperdrive config' }[b.kind];
  const label = b.name ?? b.id ?? b.binding ?? '?';
  return `${kind} ${label}${b.binding && b.binding !== label ? ` (binding ${b.binding})` : ''}`;
}

/** One profile per Worker environment, so resources two environments share are found like env files' are. */
export function wranglerProfiles(config: WranglerConfig, display: string, patterns: EnvironmentPatterns): Profile[] {
  return [config.top, ...config.environments.values()].map((env) => {
    const classified = classifyWranglerEnvironment(env, patterns);
    return {
      source: `${display}${env.name ? ` [env.${env.name}]` : ' (top level)'}`,
      environment: classified.environment,
      environmentFrom: classified.label ? `named ${classified.label}` : 'neither its name nor its Worker, vars or resources say',
      resources: env.bindings.flatMap(refsOf),
    };
  });
}

/** Which binding the command acts on: a positional D1 name, `--binding`, `--namespace-id`, an R2 bucket or `bucket/key`. */
function boundResource(group: string | undefined, words: string[], args: string[], env: WranglerEnvironment): { binding?: WranglerBinding; named?: string } {
  const find = (kind: WranglerBinding['kind'], key: string | undefined) =>
    key === undefined ? undefined : env.bindings.find((b) => b.kind === kind && (b.binding === key || b.name === key || b.id === key));
  switch (group) {
    case 'd1': {
      const named = words[2];
      return { binding: find('d1', named), named };
    }
    case 'kv':
    case 'kv:namespace':
    case 'kv:key':
    case 'kv:bulk': {
      const named = flagValue(args, '--binding') ?? flagValue(args, '--namespace-id');
      return { binding: find('kv', named), named };
    }
    case 'r2': {
      const named = words[1] === 'object' ? words[3]?.split('/')[0] : words[3];
      return { binding: find('r2', named), named };
    }
    case 'queues':
      return { binding: find('queue', words[2]), named: words[2] };
    case 'hyperdrive':
      return { binding: find('hyperdrive', words[2]), named: words[2] };
  }
  return {};
}

const DEPLOY_COMMANDS = new Set(['deploy', 'publish', 'dev', 'versions', 'rollback', 'triggers', 'secret', 'delete', 'tail']);

/**
 * wrangler: the environment is `--env`/`-e`, else CLOUDFLARE_ENV (wrangler 4.49+), else the top
 * level of the nearest wrangler.json(c)/toml. Each `[env.X]` has its own bindings and Worker
 * (`<name>-X`). `--local` (and `wrangler dev` without `--remote`) act on the local emulation:
 * development. Without either, a remote resource is assumed, the riskier reading.
 */
function resolveWrangler(ctx: CommandContext): Resolution {
  const args = ctx.args;
  const ev: Evidence[] = [];
  const words = positionals(args, WRANGLER_VALUED);
  const group = words[0];
  const cwdFlag = flagValue(args, '--cwd');
  const start = cwdFlag ? resolve(ctx.cwd, cwdFlag) : ctx.cwd;

  if (hasFlag(args, '--local') || (group === 'dev' && !hasFlag(args, '--remote'))) {
    ev.push(
      evidence(hasFlag(args, '--local') ? '--local' : 'wrangler dev', 'the local emulation (Miniflare, .wrangler/state): no Cloudflare resource is touched'),
    );
    return { name: 'local', resource: 'local Wrangler state', evidence: ev, environment: 'development' };
  }
  if (hasFlag(args, '--remote')) ev.push(evidence('--remote', 'acts on the resource in Cloudflare'));
  else if (['d1', 'kv', 'kv:namespace', 'kv:key', 'kv:bulk', 'r2'].includes(group ?? '')) {
    // Recent wrangler releases default some of these to local state; older ones act remotely. The riskier reading stands.
    ev.push(evidence('wrangler', 'neither --local nor --remote: taken as the resource in Cloudflare'));
  }

  const found = findWranglerConfig(ctx, start, flagValue(args, '-c', '--config'), DEPLOY_COMMANDS.has(group ?? ''));
  let envName = flagValue(args, '-e', '--env');
  if (envName) ev.unshift(evidence('--env', envName));
  else {
    // Wrangler also loads its system variables from the project's .env files.
    const fromVar = ctx.variableWithProjectFiles('CLOUDFLARE_ENV', found.path ? dirname(found.path) : start);
    if (fromVar?.value) {
      envName = fromVar.value;
      ev.unshift(evidence(`CLOUDFLARE_ENV (${fromVar.source})`, envName));
    }
  }

  ev.push(...found.ev);
  const read = found.path ? readWranglerConfig(ctx.cache, found.path) : undefined;
  if (!found.path) ctx.problem('wrangler config', `no wrangler.json, wrangler.jsonc or wrangler.toml from ${ctx.display(start)} upwards`);
  else if (read && !read.ok) ctx.problem(ctx.display(found.path), read.reason);
  const config = read?.ok ? read.value : undefined;
  const file = found.path ? ctx.display(found.path) : 'wrangler config';

  let env: WranglerEnvironment | undefined;
  if (config) {
    if (envName) {
      env = config.environments.get(envName);
      if (env) ev.push(evidence(file, `[env.${envName}] Worker ${env.worker ?? '?'}`));
      else {
        ev.push(evidence(file, `has no [env.${envName}]: wrangler warns and uses the top-level bindings`));
        env = { ...config.top, name: envName, worker: config.top.worker ? `${config.top.worker}-${envName}` : null };
      }
    } else {
      env = config.top;
      ev.push(evidence(file, `no --env or CLOUDFLARE_ENV: the top-level Worker ${env.worker ?? '(unnamed)'}`));
    }
  }

  // The Worker a `wrangler delete NAME` names outright beats the config's.
  const workerArg =
    flagValue(args, '--name') ?? (group === 'delete' ? words[1] : group === 'pages' && words[1] === 'project' && words[2] === 'delete' ? words[3] : undefined);
  const worker = workerArg ?? env?.worker ?? null;
  const { binding, named } = env ? boundResource(group, words, args, env) : {};
  if (binding) ev.push(evidence(`${file}${env?.name ? ` [env.${env.name}]` : ''}`, `${describeBinding(binding)}${binding.id ? ` id ${binding.id}` : ''}`));
  else if (named && env)
    ev.push(evidence(file, `${named} is not a binding of ${env.name ? `[env.${env.name}]` : 'the top level'}: Cloudflare resolves it by name`));
  for (const [key, value] of Object.entries(env?.vars ?? {})) ev.push(evidence(`vars.${key}`, value));

  const resource = binding ? describeBinding(binding) : (named ?? (worker ? `Worker ${worker}` : null));
  return {
    name: envName ?? worker,
    resource: resource && worker && !resource.startsWith('Worker') ? `${resource} of Worker ${worker}` : resource,
    evidence: ev,
    labels: [envName, binding?.name, named, worker, ...Object.values(env?.vars ?? {})],
    resources: binding ? refsOf(binding) : [],
    profiles: config ? wranglerProfiles(config, file, ctx.patterns) : undefined,
  };
}

export const wranglerResolvers: ToolResolver[] = [{ tools: ['wrangler', 'wrangler2'], resolve: resolveWrangler }];
