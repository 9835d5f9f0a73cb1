import { parse as parseIni } from 'ini';
import { join } from 'node:path';
import type { SimpleCommand, Target } from '../guard/types';
import type { Environment } from '../types';
import { classifyLabels, classifyName } from './classify';
import { CommandContext, type EnvironmentOptions, type Evidence } from './context';
import { isEnvFileName } from './envfiles';
import { isDirectory } from './files';
import { buildWorkspaceIndex, type SharedResource } from './profiles';
import { resolveTarget } from './resolve';
import { loadKubeconfigs } from './tools/kubernetes';
import { readGitRepository, isProtectedBranch, safeRemoteUrl } from './tools/git';
import { railwayLink } from './tools/railway';

/** Everything `airlock env` reports about a workspace. Field names are stable (`--json`). */
export interface WorkspaceEnvironments {
  root: string;
  envFiles: Array<{ file: string; environment: Environment; environmentFrom: string; resources: Array<{ kind: string; resource: string; variable?: string }> }>;
  kubernetes: { files: string[]; currentContext: string | null; contexts: Array<{ name: string; cluster: string | null; namespace: string | null; environment: Environment; current: boolean }> };
  terraform: Array<{ directory: string; workspace: string; environment: Environment }>;
  aws: { profile: string | null; profiles: Array<{ name: string; account: string | null; environment: Environment }> };
  gcloud: Target | null;
  railway: { project: string | null; environment: string | null; service: string | null; classified: Environment; tokens: Array<{ variable: string; file: string; fileEnvironment: Environment }> } | null;
  git: { branch: string | null; onProtectedBranch: boolean; protectedBranches: string[]; remotes: Array<{ name: string; url: string }> } | null;
  docker: Target | null;
  /** Resources that configurations of different environments both point at: each one a warning. */
  shared: SharedResource[];
  problems: Evidence[];
}

function probe(argv: string[], cwd: string): SimpleCommand {
  return { argv, written: argv[0]!, assignments: {}, segment: argv.join(' '), cwd, via: [] };
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'build', 'vendor', '.venv', 'target']);

/** Directories up to 3 levels down (bounded, skipping dependencies and build output) that `holds` accepts. */
function findDirs(ctx: CommandContext, root: string, holds: (names: string[], dir: string) => boolean): string[] {
  const found: string[] = [];
  let budget = 2000; // directories visited at most: a huge monorepo or a symlink cycle cannot stall `airlock env`
  const walk = (dir: string, depth: number) => {
    if (found.length >= 50 || --budget < 0) return;
    const names = ctx.cache.list(dir);
    if (holds(names, dir)) found.push(dir);
    if (depth >= 3) return;
    for (const name of names.slice(0, 500)) {
      if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
      const path = join(dir, name);
      if (isDirectory(path)) walk(path, depth + 1);
    }
  };
  walk(root, 0);
  return found;
}

export function describeWorkspace(cwd: string, options: EnvironmentOptions): WorkspaceEnvironments {
  const ctx = new CommandContext(probe(['airlock'], cwd), { ...options, workspaceRoot: options.workspaceRoot ?? cwd });
  const index = buildWorkspaceIndex(ctx, findDirs(ctx, ctx.root, (names) => names.some(isEnvFileName)));
  const envFiles = index.profiles.map((p) => ({
    file: p.source,
    environment: p.environment,
    environmentFrom: p.environmentFrom,
    resources: p.resources.map((r) => ({ kind: r.kind, resource: r.display, ...(r.variable ? { variable: r.variable } : {}) })),
  }));

  const kubeNotes: Evidence[] = [];
  const { config, files } = loadKubeconfigs(ctx, undefined, kubeNotes);
  const kubernetes = {
    files,
    currentContext: config.currentContext ?? null,
    contexts: [...config.contexts].slice(0, 200).map(([name, c]) => ({
      name,
      cluster: c.cluster ?? null,
      namespace: c.namespace ?? null,
      environment: classifyLabels([name, c.cluster, c.namespace], ctx.patterns).environment,
      current: name === config.currentContext,
    })),
  };

  const terraform = findDirs(ctx, ctx.root, (names, dir) => names.includes('.terraform') && isDirectory(join(dir, '.terraform'))).map((dir) => {
    const t = resolveTarget(probe(['terraform'], dir), { ...options, workspaceRoot: ctx.root, cache: ctx.cache });
    return { directory: ctx.display(dir), workspace: t.name ?? 'default', environment: t.environment };
  });

  const awsTarget = resolveTarget(probe(['aws'], cwd), { ...options, cache: ctx.cache });
  const awsConfig = ctx.homePath('.aws', 'config');
  const awsProfiles: WorkspaceEnvironments['aws']['profiles'] = [];
  if (awsConfig) {
    const parsed = ctx.cache.parsed(awsConfig, 'ini', (t) => parseIni(t) as Record<string, Record<string, unknown>>);
    if (parsed.ok) {
      for (const section of Object.keys(parsed.value).slice(0, 200)) {
        const name = section === 'default' ? 'default' : section.startsWith('profile ') ? section.slice(8) : undefined;
        if (!name) continue;
        const t = resolveTarget(probe(['aws', '--profile', name], cwd), { ...options, cache: ctx.cache });
        awsProfiles.push({ name, account: /account (\d{12})/.exec(t.resource ?? '')?.[1] ?? null, environment: name === 'default' ? classifyName(null, ctx.patterns) : t.environment });
      }
    }
  }

  const gcloudConfigured = ctx.home && isDirectory(join(ctx.home, '.config', 'gcloud'));
  const gcloud = gcloudConfigured || options.env.CLOUDSDK_CORE_PROJECT ? resolveTarget(probe(['gcloud'], cwd), { ...options, cache: ctx.cache }) : null;

  const link = railwayLink(ctx);
  const tokens = index.profiles.flatMap((p) => p.resources.filter((r) => r.kind === 'token' && /^RAILWAY_(API_)?TOKEN$/.test(r.variable ?? '')).map((r) => ({ variable: r.variable!, file: p.source, fileEnvironment: p.environment })));
  const linkedEnvironment = link ? link.link.environmentName ?? link.link.environment ?? null : null;
  const railway = link || tokens.length ? {
    project: link ? link.link.name ?? link.link.project ?? null : null,
    environment: linkedEnvironment,
    service: link?.link.service ?? null,
    classified: classifyName(linkedEnvironment, ctx.patterns),
    tokens,
  } : null;

  const repo = readGitRepository(ctx, cwd);
  const git = repo ? {
    branch: repo.branch ?? null,
    onProtectedBranch: !!repo.branch && isProtectedBranch(repo.branch, ctx.protectedBranches),
    protectedBranches: [...ctx.protectedBranches],
    remotes: [...repo.remotes].map(([name, url]) => ({ name, url: safeRemoteUrl(url) })),
  } : null;

  const dockerConfigured = (ctx.home && isDirectory(join(ctx.home, '.docker'))) || options.env.DOCKER_HOST || options.env.DOCKER_CONTEXT;
  const docker = dockerConfigured ? resolveTarget(probe(['docker'], cwd), { ...options, cache: ctx.cache }) : null;

  return {
    root: ctx.root,
    envFiles,
    kubernetes,
    terraform,
    aws: { profile: awsTarget.name, profiles: awsProfiles },
    gcloud,
    railway,
    git,
    docker,
    shared: index.shared,
    problems: ctx.problems,
  };
}
