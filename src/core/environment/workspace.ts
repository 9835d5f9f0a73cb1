import { join } from 'node:path';
import { parse as parseIni } from 'ini';
import type { SimpleCommand } from '../shell/command';
import type { Environment } from '../types';
import { classifyLabels, classifyName, riskier } from './classify';
import { CommandContext, type EnvironmentOptions, type Evidence } from './context';
import { isEnvFileName } from './envfiles';
import { isDirectory } from './files';
import type { Profile } from './profiles';
import { buildWorkspaceIndex, type SharedResource } from './profiles';
import { resolveTarget } from './resolve';
import type { Target } from './target';
import { isProtectedBranch, readGitRepository, safeRemoteUrl } from './tools/git';
import { loadKubeconfigs } from './tools/kubernetes';
import { railwayLink } from './tools/railway';
import { classifyWranglerEnvironment, describeBinding, readWranglerConfig, type WranglerConfig, wranglerProfiles } from './tools/wrangler';

/** Everything `airlock env` reports about a workspace. Field names are stable (`--json`). */
export interface WorkspaceEnvironments {
  root: string;
  envFiles: Array<{ file: string; environment: Environment; environmentFrom: string; resources: Array<{ kind: string; resource: string; variable?: string }> }>;
  kubernetes: {
    files: string[];
    currentContext: string | null;
    contexts: Array<{ name: string; cluster: string | null; namespace: string | null; environment: Environment; current: boolean }>;
  };
  terraform: Array<{ directory: string; workspace: string; environment: Environment }>;
  aws: { profile: string | null; profiles: Array<{ name: string; account: string | null; environment: Environment }> };
  gcloud: Target | null;
  railway: {
    project: string | null;
    environment: string | null;
    service: string | null;
    classified: Environment;
    tokens: Array<{ variable: string; file: string; fileEnvironment: Environment }>;
  } | null;
  git: { branch: string | null; onProtectedBranch: boolean; protectedBranches: string[]; remotes: Array<{ name: string; url: string }> } | null;
  docker: Target | null;
  /** Pulumi projects and their stacks (`Pulumi.<stack>.yaml` beside Pulumi.yaml), the selected one marked. */
  pulumi: Array<{
    directory: string;
    project: string | null;
    selected: string | null;
    stacks: Array<{ name: string; environment: Environment; selected: boolean }>;
  }>;
  /** Folders linked to a Vercel project (`vercel link`, `.vercel/project.json` or `.vercel/repo.json`). */
  vercel: Array<{ directory: string; project: string; projectId: string | null; environment: Environment }>;
  /** Folders linked to a Supabase project (`supabase link`, `supabase/.temp/project-ref`) and the env files that name it. */
  supabase: Array<{ directory: string; projectRef: string; environment: Environment; namedIn: Array<{ file: string; environment: Environment }> }>;
  /** Wrangler configs and their environments (top level and each `[env.*]`) with what each binds. */
  wrangler: Array<{
    file: string;
    environments: Array<{ name: string | null; worker: string | null; environment: Environment; environmentFrom: string; bindings: string[] }>;
  }>;
  /** Resources that configurations of different environments both point at: each one a warning. */
  shared: SharedResource[];
  problems: Evidence[];
}

function probe(argv: string[], cwd: string): SimpleCommand {
  return { argv, written: argv[0]!, assignments: {}, segment: argv.join(' '), cwd, via: [] };
}

const WRANGLER_NAMES = ['wrangler.json', 'wrangler.jsonc', 'wrangler.toml'];
const PULUMI_NAMES = ['Pulumi.yaml', 'Pulumi.yml', 'Pulumi.json'];

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
  const wranglerConfigs: WranglerConfig[] = [];
  for (const dir of findDirs(ctx, ctx.root, (names) => WRANGLER_NAMES.some((n) => names.includes(n)))) {
    const file = join(dir, WRANGLER_NAMES.find((n) => ctx.cache.list(dir).includes(n))!);
    const read = readWranglerConfig(ctx.cache, file);
    if (read.ok) wranglerConfigs.push(read.value);
    else ctx.problem(ctx.display(file), read.reason);
  }
  const wranglerProfileList: Profile[] = wranglerConfigs.flatMap((c) => wranglerProfiles(c, ctx.display(c.file), ctx.patterns));
  const index = buildWorkspaceIndex(
    ctx,
    findDirs(ctx, ctx.root, (names) => names.some(isEnvFileName)),
    wranglerProfileList,
  );
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
        awsProfiles.push({
          name,
          account: /account (\d{12})/.exec(t.resource ?? '')?.[1] ?? null,
          environment: name === 'default' ? classifyName(null, ctx.patterns) : t.environment,
        });
      }
    }
  }

  const gcloudConfigured = ctx.home && isDirectory(join(ctx.home, '.config', 'gcloud'));
  const gcloud = gcloudConfigured || options.env.CLOUDSDK_CORE_PROJECT ? resolveTarget(probe(['gcloud'], cwd), { ...options, cache: ctx.cache }) : null;

  const link = railwayLink(ctx);
  const tokens = index.profiles.flatMap((p) =>
    p.resources
      .filter((r) => r.kind === 'token' && /^RAILWAY_(API_)?TOKEN$/.test(r.variable ?? ''))
      .map((r) => ({ variable: r.variable!, file: p.source, fileEnvironment: p.environment })),
  );
  const linkedEnvironment = link ? (link.link.environmentName ?? link.link.environment ?? null) : null;
  const railway =
    link || tokens.length
      ? {
          project: link ? (link.link.name ?? link.link.project ?? null) : null,
          environment: linkedEnvironment,
          service: link?.link.service ?? null,
          classified: classifyName(linkedEnvironment, ctx.patterns),
          tokens,
        }
      : null;

  const repo = readGitRepository(ctx, cwd);
  const git = repo
    ? {
        branch: repo.branch ?? null,
        onProtectedBranch: !!repo.branch && isProtectedBranch(repo.branch, ctx.protectedBranches),
        protectedBranches: [...ctx.protectedBranches],
        remotes: [...repo.remotes].map(([name, url]) => ({ name, url: safeRemoteUrl(url) })),
      }
    : null;

  const dockerConfigured = (ctx.home && isDirectory(join(ctx.home, '.docker'))) || options.env.DOCKER_HOST || options.env.DOCKER_CONTEXT;
  const docker = dockerConfigured ? resolveTarget(probe(['docker'], cwd), { ...options, cache: ctx.cache }) : null;

  const pulumi = findDirs(ctx, ctx.root, (names) => PULUMI_NAMES.some((n) => names.includes(n))).map((dir) => {
    const selectedTarget = resolveTarget(probe(['pulumi'], dir), { ...options, workspaceRoot: ctx.root, cache: ctx.cache });
    const selectedFrom = selectedTarget.evidence[0]?.source ?? '';
    const selected = selectedTarget.name && /^(selected stack|--stack|PULUMI_STACK)/.test(selectedFrom) ? selectedTarget.name : null;
    const names = ctx.cache
      .list(dir)
      .map((n) => /^Pulumi\.(.+)\.ya?ml$/.exec(n)?.[1])
      .filter((n): n is string => !!n)
      .sort();
    if (selected && !names.includes(selected.split('/').pop()!)) names.push(selected.split('/').pop()!);
    const projectFile = PULUMI_NAMES.map((n) => join(dir, n)).find((f) => ctx.cache.list(dir).includes(f.slice(dir.length + 1)));
    const project = projectFile ? ctx.cache.text(projectFile) : undefined;
    return {
      directory: ctx.display(dir),
      project: project?.ok ? (/^name:\s*["']?([\w.-]+)/m.exec(project.value)?.[1] ?? null) : null,
      selected,
      stacks: names
        .slice(0, 100)
        .map((name) => ({ name, environment: classifyName(name, ctx.patterns), selected: !!selected && selected.split('/').pop() === name })),
    };
  });

  const vercel: WorkspaceEnvironments['vercel'] = [];
  for (const dir of findDirs(ctx, ctx.root, (names, d) => names.includes('.vercel') && isDirectory(join(d, '.vercel')))) {
    const project = ctx.cache.parsed(join(dir, '.vercel', 'project.json'), 'json', (t) => JSON.parse(t) as { projectId?: unknown; projectName?: unknown });
    if (project.ok) {
      const name = typeof project.value?.projectName === 'string' ? project.value.projectName : null;
      const id = typeof project.value?.projectId === 'string' ? project.value.projectId : null;
      if (name || id) vercel.push({ directory: ctx.display(dir), project: name ?? id!, projectId: id, environment: classifyName(name, ctx.patterns) });
    }
    const repo = ctx.cache.parsed(join(dir, '.vercel', 'repo.json'), 'json', (t) => JSON.parse(t) as { projects?: unknown });
    if (repo.ok && Array.isArray(repo.value?.projects)) {
      for (const p of (repo.value.projects as Array<Record<string, unknown>>).slice(0, 50)) {
        if (typeof p?.name !== 'string') continue;
        vercel.push({
          directory: ctx.display(join(dir, typeof p.directory === 'string' ? p.directory : '.')),
          project: p.name,
          projectId: typeof p.id === 'string' ? p.id : null,
          environment: classifyName(p.name, ctx.patterns),
        });
      }
    }
  }

  const supabase: WorkspaceEnvironments['supabase'] = [];
  for (const dir of findDirs(ctx, ctx.root, (names, d) => names.includes('supabase') && isDirectory(join(d, 'supabase')))) {
    const read = ctx.cache.text(join(dir, 'supabase', '.temp', 'project-ref'));
    const ref = read.ok ? read.value.trim().slice(0, 64) : '';
    if (!ref) continue;
    const namedIn = index.usesOf(`project:${ref.toLowerCase()}`).map((u) => ({ file: u.source, environment: u.environment }));
    const environment = namedIn
      .filter((n) => n.environment !== 'unknown')
      .reduce<Environment>((acc, n) => (acc === 'unknown' ? n.environment : riskier(acc, n.environment)), 'unknown');
    supabase.push({ directory: ctx.display(dir), projectRef: ref, environment, namedIn });
  }

  const wrangler = wranglerConfigs.map((c) => ({
    file: ctx.display(c.file),
    environments: [c.top, ...c.environments.values()].map((e) => {
      const classified = classifyWranglerEnvironment(e, ctx.patterns);
      return {
        name: e.name,
        worker: e.worker,
        environment: classified.environment,
        environmentFrom: classified.label ? `named ${classified.label}` : 'nothing names it',
        bindings: e.bindings.map((b) => `${describeBinding(b)}${b.id ? ` ${b.id}` : ''}`),
      };
    }),
  }));

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
    pulumi,
    vercel,
    supabase,
    wrangler,
    shared: index.shared,
    problems: ctx.problems,
  };
}
