import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { flagValue, positionals } from '../../argv';
import type { CommandContext, Evidence } from '../context';
import { isFile } from '../files';
import { evidence, type Resolution, type ToolResolver } from '../resolution';
import { type ResourceRef, simpleRef } from '../resources';

const GLOBAL_VALUED = ['-c', '--context', '-H', '--host', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey'];
const COMPOSE_VALUED = ['-f', '--file', '-p', '--project-name', '--project-directory', '--env-file', '--profile', '--ansi', '--progress', '--parallel'];
const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/**
 * The Docker engine a command talks to: `--host`/`-H`, `--context`/`-c`, DOCKER_HOST,
 * DOCKER_CONTEXT, then `currentContext` in `$DOCKER_CONFIG/config.json` (~/.docker), whose
 * endpoint lives in `contexts/meta/<sha256(name)>/meta.json`. No context means the local engine.
 */
function dockerEndpoint(ctx: CommandContext, args: string[], ev: Evidence[]): { context?: string; host?: string } {
  const hostFlag = flagValue(args, '-H', '--host');
  if (hostFlag) {
    ev.push(evidence('--host', hostFlag));
    return { host: hostFlag };
  }
  let context = flagValue(args, '-c', '--context');
  if (context) ev.push(evidence('--context', context));
  if (!context) {
    const host = ctx.variable('DOCKER_HOST');
    if (host?.value) {
      ev.push(evidence(`DOCKER_HOST (${host.source})`, host.value));
      return { host: host.value };
    }
    const env = ctx.variable('DOCKER_CONTEXT');
    if (env?.value) {
      context = env.value;
      ev.push(evidence(`DOCKER_CONTEXT (${env.source})`, context));
    }
  }
  const configDir = ctx.variable('DOCKER_CONFIG')?.value || ctx.homePath('.docker');
  if (!context && configDir) {
    const file = join(configDir, 'config.json');
    const config = ctx.cache.parsed(file, 'json', (t) => JSON.parse(t) as { currentContext?: string });
    if (config.ok && typeof config.value.currentContext === 'string') {
      context = config.value.currentContext;
      ev.push(evidence(`currentContext in ${ctx.display(file)}`, context));
    } else if (!config.ok && config.reason !== 'does not exist') ctx.problem(ctx.display(file), config.reason);
  }
  if (!context || context === 'default') {
    ev.push(evidence('docker', 'the local engine (default context)'));
    return { context: 'default', host: 'localhost' };
  }
  if (configDir) {
    const meta = join(configDir, 'contexts', 'meta', createHash('sha256').update(context).digest('hex'), 'meta.json');
    const read = ctx.cache.parsed(meta, 'json', (t) => JSON.parse(t) as { Endpoints?: { docker?: { Host?: string } } });
    const host = read.ok ? read.value.Endpoints?.docker?.Host : undefined;
    if (host) {
      ev.push(evidence(`endpoint of context ${context}`, host));
      return { context, host };
    }
    ctx.problem(ctx.display(meta), read.ok ? 'has no docker endpoint' : read.reason);
  }
  return { context };
}

function hostLabel(host: string | undefined): string | undefined {
  if (!host) return undefined;
  if (/^(unix|npipe):/.test(host)) return 'localhost';
  try {
    return new URL(host.replace(/^tcp:/, 'http:')).hostname || host;
  } catch {
    return host;
  }
}

/** Compose project name: `-p`, COMPOSE_PROJECT_NAME (shell, then the project's .env), `name:` in the compose file, the directory name. */
function composeProject(ctx: CommandContext, args: string[], ev: Evidence[]): { project: string; files: string[]; fromDirectory?: boolean } {
  const dir = resolve(ctx.cwd, flagValue(args, '--project-directory') ?? '.');
  const fileFlags: string[] = [];
  args.forEach((a, i) => {
    if ((a === '-f' || a === '--file') && args[i + 1]) fileFlags.push(args[i + 1]!);
    else if (a.startsWith('--file=')) fileFlags.push(a.slice(7));
  });
  const files = fileFlags.length
    ? fileFlags.map((f) => resolve(ctx.cwd, f))
    : COMPOSE_FILES.map((f) => join(dir, f))
        .filter(isFile)
        .slice(0, 1);
  const flag = flagValue(args, '-p', '--project-name');
  if (flag) {
    ev.push(evidence('--project-name', flag));
    return { project: flag, files };
  }
  const env = ctx.variableWithProjectFiles('COMPOSE_PROJECT_NAME', dir);
  if (env?.value) {
    ev.push(evidence(`COMPOSE_PROJECT_NAME (${env.source})`, env.value));
    return { project: env.value, files };
  }
  for (const file of files) {
    const doc = ctx.cache.parsed(file, 'yaml', (t) => parseYaml(t, { maxAliasCount: 100 }) as unknown);
    if (!doc.ok) {
      ctx.problem(ctx.display(file), doc.reason);
      continue;
    }
    const name = doc.value && typeof doc.value === 'object' ? (doc.value as Record<string, unknown>).name : undefined;
    if (typeof name === 'string') {
      ev.push(evidence(`name in ${ctx.display(file)}`, name));
      return { project: name, files };
    }
  }
  const project = basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '');
  ev.push(evidence('compose', `no project name set: the directory name ${project}`));
  return { project, files, fromDirectory: true };
}

function resolveDocker(ctx: CommandContext): Resolution {
  const ev: Evidence[] = [];
  const args = ctx.argv[0] === 'docker-compose' ? ['compose', ...ctx.args] : ctx.args;
  const endpoint = dockerEndpoint(ctx, args, ev);
  const words = positionals(args, [...GLOBAL_VALUED, ...COMPOSE_VALUED]);
  const resources: ResourceRef[] = [];
  const labels: Array<string | undefined> = [];
  let name: string | null = endpoint.context ?? null;
  let resource = `Docker engine ${endpoint.host ?? endpoint.context ?? '?'}`;
  if (words[0] === 'compose') {
    const { project, files, fromDirectory } = composeProject(ctx, args, ev);
    name = project;
    resource = `compose project ${project} on ${endpoint.host ?? endpoint.context}`;
    // A name taken from the checkout's folder (often `main`) says nothing about the environment.
    labels.push(
      fromDirectory ? undefined : project,
      ...files.map((f) =>
        basename(f)
          .replace(/\.(ya?ml)$/, '')
          .replace(/^(docker-)?compose\.?/, ''),
      ),
    );
  } else if (words[0] === 'volume' && ['rm', 'remove', 'prune'].includes(words[1] ?? '')) {
    const volumes = words.slice(2);
    if (volumes.length) {
      resource = `volume ${volumes.join(', ')} on ${endpoint.host ?? endpoint.context}`;
      for (const v of volumes) resources.push(simpleRef('volume', v));
      labels.push(...volumes);
    }
  }
  labels.push(endpoint.context === 'default' ? undefined : endpoint.context, hostLabel(endpoint.host));
  return { name, resource, evidence: ev, labels, resources };
}

export const dockerResolvers: ToolResolver[] = [{ tools: ['docker', 'podman', 'docker-compose', 'nerdctl'], resolve: resolveDocker }];
