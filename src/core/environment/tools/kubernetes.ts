import { delimiter, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { flagValue } from '../../argv';
import type { CommandContext, Evidence } from '../context';
import { evidence, type Resolution, type ToolResolver } from '../resolution';
import { simpleRef } from '../resources';

/** The parts of a kubeconfig that say where a command lands. */
export interface Kubeconfig {
  currentContext?: string;
  contexts: Map<string, { cluster?: string; namespace?: string; user?: string }>;
  clusters: Map<string, { server?: string }>;
}

function parseKubeconfig(text: string): Kubeconfig {
  const doc = parseYaml(text, { maxAliasCount: 50 }) as unknown;
  if (doc === null || doc === undefined) return { contexts: new Map(), clusters: new Map() };
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not a kubeconfig mapping');
  const d = doc as Record<string, unknown>;
  const contexts = new Map<string, { cluster?: string; namespace?: string; user?: string }>();
  for (const entry of asArray(d.contexts)) {
    const name = str(entry?.name);
    const context = entry?.context as Record<string, unknown> | undefined;
    if (name && !contexts.has(name)) contexts.set(name, { cluster: str(context?.cluster), namespace: str(context?.namespace), user: str(context?.user) });
  }
  const clusters = new Map<string, { server?: string }>();
  for (const entry of asArray(d.clusters)) {
    const name = str(entry?.name);
    const cluster = entry?.cluster as Record<string, unknown> | undefined;
    // A server URL can carry credentials (`https://user:pass@host`): keep scheme, host and path only.
    if (name && !clusters.has(name)) clusters.set(name, { server: str(cluster?.server)?.replace(/^(\w+:\/\/)[^@/]+@/, '$1') });
  }
  return { currentContext: str(d['current-context']) || undefined, contexts, clusters };
}

function asArray(value: unknown): Array<Record<string, unknown> | undefined> {
  return Array.isArray(value) ? (value.filter((v) => v && typeof v === 'object') as Array<Record<string, unknown>>) : [];
}
function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * kubectl's loading rules: `--kubeconfig` alone; else every file in KUBECONFIG, merged so that
 * the first file to set a value wins; else ~/.kube/config.
 */
export function loadKubeconfigs(ctx: CommandContext, explicit: string | undefined, notes: Evidence[]): { config: Kubeconfig; files: string[] } {
  let paths: string[];
  if (explicit) {
    paths = [explicit];
    notes.push(evidence('--kubeconfig', ctx.display(explicit)));
  } else {
    const fromEnv = ctx.variable('KUBECONFIG');
    if (fromEnv?.value) {
      paths = fromEnv.value.split(delimiter).filter(Boolean).slice(0, 20);
      notes.push(evidence(`KUBECONFIG (${fromEnv.source})`, paths.map((p) => ctx.display(p)).join(delimiter)));
    } else {
      const home = ctx.homePath('.kube', 'config');
      paths = home ? [home] : [];
    }
  }
  const merged: Kubeconfig = { contexts: new Map(), clusters: new Map() };
  const files: string[] = [];
  for (const path of paths) {
    const absolute = path.startsWith('~/') && ctx.home ? `${ctx.home}${path.slice(1)}` : path;
    const result = ctx.cache.parsed(resolve(ctx.cwd, absolute), 'kubeconfig', parseKubeconfig);
    if (!result.ok) {
      ctx.problem(ctx.display(absolute), result.reason);
      continue;
    }
    files.push(ctx.display(absolute));
    const c = result.value;
    merged.currentContext ??= c.currentContext;
    for (const [k, v] of c.contexts) if (!merged.contexts.has(k)) merged.contexts.set(k, v);
    for (const [k, v] of c.clusters) if (!merged.clusters.has(k)) merged.clusters.set(k, v);
  }
  return { config: merged, files };
}

function resolveKube(ctx: CommandContext, isHelm: boolean): Resolution {
  const args = ctx.args;
  const notes: Evidence[] = [];
  const ev: Evidence[] = [];
  const { config, files } = loadKubeconfigs(ctx, flagValue(args, '--kubeconfig'), notes);
  let context = flagValue(args, isHelm ? '--kube-context' : '--context');
  if (context) ev.push(evidence(isHelm ? '--kube-context' : '--context', context));
  if (!context && isHelm) {
    const env = ctx.variable('HELM_KUBECONTEXT');
    if (env?.value) {
      context = env.value;
      ev.push(evidence(`HELM_KUBECONTEXT (${env.source})`, context));
    }
  }
  if (!context && config.currentContext) {
    context = config.currentContext;
    ev.push(evidence(`current-context in ${files.join(', ')}`, context));
  }
  const entry = context ? config.contexts.get(context) : undefined;
  if (context && !entry && files.length) ctx.problem('kubeconfig', `context ${context} is not defined in ${files.join(', ')}`);
  const clusterName = (!isHelm && flagValue(args, '--cluster')) || entry?.cluster;
  const server = clusterName ? config.clusters.get(clusterName)?.server : undefined;
  let namespace = flagValue(args, '-n', '--namespace');
  if (namespace) ev.push(evidence('--namespace', namespace));
  else if (isHelm && ctx.variable('HELM_NAMESPACE')?.value) {
    const env = ctx.variable('HELM_NAMESPACE')!;
    namespace = env.value;
    ev.push(evidence(`HELM_NAMESPACE (${env.source})`, namespace));
  } else if (entry?.namespace) {
    namespace = entry.namespace;
    ev.push(evidence(`namespace of context ${context}`, namespace));
  }
  if (clusterName) ev.push(evidence(`cluster of context ${context}`, server ? `${clusterName} (${server})` : clusterName));
  if (!context) ev.push(evidence('kubeconfig', files.length ? `no current-context in ${files.join(', ')}` : 'no kubeconfig could be read'));
  const cluster = clusterName ?? context;
  return {
    name: context ?? null,
    resource: cluster ? `cluster ${cluster}${server ? ` (${server})` : ''}${namespace ? `, namespace ${namespace}` : ''}` : null,
    evidence: [...ev, ...notes],
    labels: [context, clusterName, namespace, server ? hostOf(server) : undefined],
    resources: cluster ? [simpleRef('cluster', cluster)] : [],
    affects: ['cluster'],
  };
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

export const kubernetesResolvers: ToolResolver[] = [
  { tools: ['kubectl', 'oc', 'kubecolor'], resolve: (ctx) => resolveKube(ctx, false) },
  { tools: ['helm', 'helmfile'], resolve: (ctx) => resolveKube(ctx, true) },
];
