import type { SimpleCommand } from '../shell/command';
import type { Environment } from '../types';
import { classifyLabels, riskier } from './classify';
import { CommandContext, type EnvironmentOptions, type Evidence } from './context';
import { lineNames } from './names';
import { buildWorkspaceIndex, resourcesOfEnvironment, sortEnvironments, type WorkspaceIndex } from './profiles';
import { evidence, type Resolution, type ToolResolver } from './resolution';
import { type ResourceKind, type ResourceRef, SHARED_KINDS } from './resources';
import type { Target } from './target';
import { cloudResolvers } from './tools/cloud';
import { databaseResolvers } from './tools/databases';
import { dockerResolvers } from './tools/docker';
import { filesystemResolvers } from './tools/filesystem';
import { gitResolvers } from './tools/git';
import { httpResolvers } from './tools/http';
import { kubernetesResolvers } from './tools/kubernetes';
import { platformResolvers } from './tools/platforms';
import { pulumiResolvers } from './tools/pulumi';
import { railwayResolvers } from './tools/railway';
import { terraformResolvers } from './tools/terraform';
import { wranglerResolvers } from './tools/wrangler';

const RESOLVERS: ToolResolver[] = [
  ...kubernetesResolvers,
  ...terraformResolvers,
  ...pulumiResolvers,
  ...cloudResolvers,
  ...railwayResolvers,
  ...platformResolvers,
  ...databaseResolvers,
  ...gitResolvers,
  ...dockerResolvers,
  ...httpResolvers,
  ...filesystemResolvers,
  ...wranglerResolvers,
];

const BY_TOOL = new Map<string, ToolResolver[]>();
for (const resolver of RESOLVERS) {
  for (const tool of resolver.tools) BY_TOOL.set(tool, [...(BY_TOOL.get(tool) ?? []), resolver]);
}

/** Tools Airlock can resolve a target for. */
export const resolvableTools: readonly string[] = [...BY_TOOL.keys()].sort();

/**
 * Where a command lands: the tool's own flags, variables and config files, classified into an
 * environment, then checked against what the workspace's other environments point at. Never
 * throws; whatever cannot be told is `unknown` with evidence saying why.
 */
export function resolveTarget(command: SimpleCommand, options: EnvironmentOptions): Target {
  let ctx: CommandContext | undefined;
  try {
    ctx = new CommandContext(command, options);
    const resolution = resolveWith(ctx);
    return finalize(resolution, ctx, buildWorkspaceIndex(ctx, [], resolution?.profiles));
  } catch (error) {
    return {
      name: null,
      resource: null,
      environment: 'unknown',
      evidence: [
        ...(ctx?.problems ?? []),
        evidence('airlock', `could not resolve the target (${error instanceof Error ? error.name : 'error'}): treated as production`),
      ],
      sharedWith: [],
    };
  }
}

function resolveWith(ctx: CommandContext): Resolution | undefined {
  const argv = ctx.argv;
  // dotenv-cli: `dotenv -e .env.production -- prisma migrate reset` runs the inner command with that file loaded.
  if (argv[0] === 'dotenv' && argv.includes('--')) return resolveWith(ctx.withArgv(argv.slice(argv.indexOf('--') + 1)));
  for (const resolver of BY_TOOL.get(argv[0] ?? '') ?? []) {
    const result = resolver.resolve(ctx);
    if (result) return result;
  }
  return undefined;
}

const LOOKUP_KINDS: ReadonlySet<ResourceKind> = new Set(['database', 'volume', 'bucket', 'cluster', 'project', 'app', 'token', 'host']);

export function finalize(resolution: Resolution | undefined, ctx: CommandContext, index: WorkspaceIndex): Target {
  const res: Resolution = resolution ?? {
    name: null,
    resource: null,
    evidence: [evidence(ctx.argv[0] ?? 'command', 'Airlock has no target resolver for this tool')],
  };
  const ev: Evidence[] = [...res.evidence, ...ctx.expansions];
  let environment: Environment;
  if (res.environment) environment = res.environment;
  else {
    // Names the line gives (`--stack-name api-stg`) count like the tool's own labels: the strictest that classifies wins.
    const named = lineNames(ctx.args);
    const classified = classifyLabels([...(res.labels ?? [res.name, res.resource]), ...named.map((n) => n.value)], ctx.patterns);
    environment = classified.environment;
    const byOption = named.find((n) => n.value === classified.label);
    if (byOption) ev.push(evidence('classified by', `name on the command line (${byOption.option} ${byOption.value}) → ${environment}`));
    else if (classified.label && classified.label !== res.name) ev.push(evidence('classified by', `${classified.label} → ${environment}`));
  }

  // Opaque ids (volume, project ref, token, database URL) that the workspace's env files name tell the environment.
  // The exact resource first; only when no env file names it, what it is part of (the database's host or Supabase project).
  const refs = (res.resources ?? []).filter((r) => LOOKUP_KINDS.has(r.kind));
  for (const ref of refs) {
    if (environment !== 'unknown') break;
    for (const key of [ref, ...(ref.aliases ?? [])]) {
      const uses = index.usesOf(key.key).filter((u) => u.environment !== 'unknown');
      if (!uses.length) continue;
      environment = uses.reduce<Environment>((acc, u) => riskier(acc, u.environment), uses[0]!.environment);
      const what = key === ref ? describeRef(ref) : `${key.display} (of ${ref.display})`;
      ev.unshift(...uses.slice(0, 3).map((u) => evidence(u.source, `${what} is configured here${u.variable ? ` (${u.variable})` : ''}, for ${u.environment}`)));
      break;
    }
  }

  // Shared blast radius: the resources this command touches, or, when only a name is known, those its environment's configs point at.
  const sharedWith = new Set<Environment>();
  const direct = refs.filter((r) => SHARED_KINDS.has(r.kind) || r.kind === 'token');
  const affected = res.affects ? new Set(res.affects) : undefined;
  const candidates: ResourceRef[] = [...direct];
  // Only for tools whose environments are the workspace's env files (Railway, databases, clusters): an AWS
  // profile named "staging" says nothing about the database in .env.staging.
  if (affected && environment !== 'production' && environment !== 'unknown') candidates.push(...resourcesOfEnvironment(index, environment, affected));
  const own = environment;
  for (const ref of candidates) {
    const others = index.usesOf(ref.key).filter((u) => u.environment !== own && u.environment !== 'unknown');
    if (!others.length) continue;
    for (const other of others) sharedWith.add(other.environment);
    if (others.some((o) => o.environment === 'production') && own !== 'production') {
      const mine = index
        .usesOf(ref.key)
        .filter((u) => u.environment === own)
        .map((u) => u.source);
      const theirs = others.filter((o) => o.environment === 'production').map((o) => o.source);
      ev.unshift(
        evidence(
          'shared resource',
          mine.length
            ? `${own} and production both use ${describeRef(ref)} (${[...new Set([...mine, ...theirs])].join(', ')}): a ${own} command here is a production command`
            : `${describeRef(ref)} is production's (${theirs.join(', ')}), though the command is aimed at ${own}`,
        ),
      );
      environment = 'production';
    }
  }
  if (environment === 'production' && own === 'production') sharedWith.delete('production');

  if (ctx.unreadableNamedFiles.length && environment !== 'production') {
    // The line loads variables Airlock cannot read: whatever they point at is not known.
    environment = 'unknown';
    ev.unshift(evidence(ctx.unreadableNamedFiles[0]!, 'loaded by the command line but unreadable: the variables it sets are unknown'));
  }
  if (environment === 'unknown') {
    ev.push(...ctx.problems);
    const named = res.name ?? res.resource;
    ev.push(
      evidence(
        'environment',
        named
          ? `${named} matches no environment pattern: treated as production`
          : 'no flag, variable or config file says which environment: treated as production',
      ),
    );
  } else {
    ev.push(...ctx.problems);
  }
  return {
    name: res.name,
    resource: res.resource,
    environment,
    evidence: dedupe(ev),
    sharedWith: sortEnvironments([...sharedWith]),
  };
}

function describeRef(ref: ResourceRef): string {
  return ref.kind === 'token' ? `the token ${ref.display}` : ref.display;
}

function dedupe(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list
    .filter((e) => {
      const key = `${e.source}\0${e.value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 24);
}
