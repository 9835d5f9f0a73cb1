import { dirname } from 'node:path';
import { flagValue, positionals } from '../../argv';
import type { CommandContext, Evidence, VariableValue } from '../context';
import { evidence, type Resolution, type ToolResolver } from '../resolution';
import { type ResourceRef, simpleRef, tokenRef } from '../resources';

interface RailwayLink {
  projectPath?: string;
  name?: string;
  project?: string;
  environment?: string;
  environmentName?: string;
  service?: string;
}
interface RailwayConfig {
  projects?: Record<string, RailwayLink>;
}

/**
 * The project a directory is linked to with `railway link`: `~/.railway/config.json` keyed by
 * directory, the closest ancestor winning (the CLI walks up from cwd the same way).
 */
export function railwayLink(ctx: CommandContext): { link: RailwayLink; file: string; dir: string } | undefined {
  const file = ctx.homePath('.railway', 'config.json');
  if (!file) return undefined;
  const config = ctx.cache.parsed(file, 'json', (t) => JSON.parse(t) as RailwayConfig);
  if (!config.ok) {
    if (config.reason !== 'does not exist') ctx.problem(ctx.display(file), config.reason);
    return undefined;
  }
  const projects = config.value?.projects;
  if (!projects || typeof projects !== 'object') return undefined;
  for (let dir = ctx.cwd, i = 0; i < 64; i++) {
    const link = projects[dir];
    if (link && typeof link === 'object') return { link, file: ctx.display(file), dir };
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** A token's origin in words a person can act on. */
export function describeTokenSource(name: string, token: VariableValue): string {
  const scope =
    name === 'RAILWAY_TOKEN'
      ? 'a project token acts on the one environment it was created for, which cannot be read from the token itself'
      : 'an account or team token acts on every project and environment it can see';
  return `${token.file ? `defined in ${token.file.name}` : `from the ${token.source}`}: ${scope}`;
}

/**
 * railway: `--environment`/`-e` and `--service`/`-s` first; then RAILWAY_TOKEN (a project token
 * replaces the linked project entirely); then RAILWAY_ENVIRONMENT; then the linked project.
 */
function resolveRailway(ctx: CommandContext): Resolution {
  const args = ctx.args;
  const ev: Evidence[] = [];
  const resources: ResourceRef[] = [];
  const labels: Array<string | undefined> = [];
  let environmentName = flagValue(args, '-e', '--environment');
  if (environmentName) ev.push(evidence('--environment', environmentName));
  const service = flagValue(args, '-s', '--service');
  const words = positionals(args, ['-e', '--environment', '-s', '--service', '-v', '--volume', '-p', '--project']);
  // `railway environment delete NAME` names the environment it removes.
  if (!environmentName && ['environment', 'env'].includes(words[0] ?? '') && ['delete', 'remove', 'rm'].includes(words[1] ?? '') && words[2]) {
    environmentName = words[2];
    ev.push(evidence(`railway ${words[0]} ${words[1]}`, environmentName));
  }
  const volume = flagValue(args, '-v', '--volume') ?? (words[0] === 'volume' && words[1] === 'delete' ? words[2] : undefined);
  if (volume) resources.push(simpleRef('volume', volume));

  let tokenEnvironmentLabel: string | undefined;
  const projectToken = ctx.variable('RAILWAY_TOKEN');
  const accountToken = ctx.variable('RAILWAY_API_TOKEN');
  const token = projectToken?.value
    ? { name: 'RAILWAY_TOKEN', value: projectToken }
    : accountToken?.value
      ? { name: 'RAILWAY_API_TOKEN', value: accountToken }
      : undefined;
  if (token) {
    ev.push(evidence(token.name, describeTokenSource(token.name, token.value)));
    resources.push(tokenRef(token.value.value, token.name));
    if (token.value.file && token.value.file.environment !== 'unknown') tokenEnvironmentLabel = token.value.file.environment;
  }
  if (!environmentName) {
    const env = ctx.variable('RAILWAY_ENVIRONMENT') ?? ctx.variable('RAILWAY_ENVIRONMENT_NAME');
    if (env?.value) {
      environmentName = env.value;
      ev.push(evidence(`RAILWAY_ENVIRONMENT (${env.source})`, environmentName));
    }
  }
  let projectName: string | undefined;
  if (projectToken?.value) {
    ev.push(evidence('railway link', "ignored: with RAILWAY_TOKEN set the CLI uses the token's project"));
  } else {
    const linked = railwayLink(ctx);
    if (linked) {
      projectName = linked.link.name ?? linked.link.project;
      if (linked.link.project) resources.push(simpleRef('project', linked.link.project));
      const linkedEnvironment = linked.link.environmentName ?? linked.link.environment;
      if (!environmentName && linkedEnvironment) {
        environmentName = linkedEnvironment;
        ev.push(
          evidence(
            `railway link in ${linked.file}`,
            `${linked.dir === ctx.root ? 'this workspace' : ctx.display(linked.dir)} → project ${projectName ?? '?'}, environment ${linkedEnvironment}`,
          ),
        );
      } else ev.push(evidence(`railway link in ${linked.file}`, `project ${projectName ?? '?'}`));
    } else if (!token) ev.push(evidence('railway link', `no linked project for ${ctx.display(ctx.cwd)} or its parents`));
  }
  labels.push(environmentName, tokenEnvironmentLabel, service);
  const resource = [volume && `volume ${volume}`, service && `service ${service}`, projectName && `project ${projectName}`].filter(Boolean).join(', ');
  return {
    name: environmentName ?? null,
    resource: resource || null,
    evidence: ev,
    labels,
    resources,
    affects: words[0] === 'volume' ? ['volume'] : ['database', 'volume', 'bucket'],
  };
}

export const railwayResolvers: ToolResolver[] = [{ tools: ['railway'], resolve: resolveRailway }];
