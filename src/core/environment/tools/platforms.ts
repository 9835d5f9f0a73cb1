import { basename, join, resolve } from 'node:path';
import { flagValue, hasFlag, positionals } from '../../argv';
import type { Environment } from '../../types';
import { classifyName } from '../classify';
import type { CommandContext, Evidence } from '../context';
import { evidence, type Resolution, type ToolResolver } from '../resolution';
import { databaseRef, simpleRef } from '../resources';
import { readGitRepository } from './git';

// smol-toml ships only as an ES module; esbuild bundles it, tsx and Node 22 load it through require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse: parseToml } = require('smol-toml') as typeof import('smol-toml', { with: { 'resolution-mode': 'import' }});

/**
 * heroku: `--app`/`-a`, then `--remote`/`-r` (a git remote pointing at git.heroku.com/APP.git),
 * then HEROKU_APP, then the git remotes: the one named `heroku`, or the only Heroku remote.
 */
function resolveHeroku(ctx: CommandContext): Resolution {
  const ev: Evidence[] = [];
  let app = flagValue(ctx.args, '-a', '--app');
  if (app) ev.push(evidence('--app', app));
  const words = positionals(ctx.args, ['-a', '--app', '-r', '--remote', '--confirm']);
  if (!app && /^apps:(destroy|delete)$/.test(words[0] ?? '') && words[1]) {
    app = words[1];
    ev.push(evidence(words[0]!, app));
  }
  const repo = app ? undefined : readGitRepository(ctx, ctx.cwd);
  const herokuApps = new Map<string, string>();
  for (const [name, url] of repo?.remotes ?? []) {
    const m = /heroku\.com[:/]([\w-]+)\.git$/.exec(url);
    if (m) herokuApps.set(name, m[1]!);
  }
  const remote = flagValue(ctx.args, '-r', '--remote');
  if (!app && remote) {
    app = herokuApps.get(remote);
    ev.push(evidence('--remote', app ? `${remote} → ${app}` : `${remote} is not a Heroku remote in .git/config`));
  }
  if (!app) {
    const env = ctx.variable('HEROKU_APP');
    if (env?.value) {
      app = env.value;
      ev.push(evidence(`HEROKU_APP (${env.source})`, app));
    }
  }
  if (!app && herokuApps.size) {
    const chosen = herokuApps.get('heroku') ?? (herokuApps.size === 1 ? [...herokuApps.values()][0] : undefined);
    if (chosen) {
      app = chosen;
      ev.push(evidence('git remote in .git/config', app));
    } else ev.push(evidence('git remotes', `several Heroku apps (${[...herokuApps.values()].join(', ')}): the CLI would refuse without --app`));
  }
  return { name: app ?? null, resource: app ? `Heroku app ${app}` : null, evidence: ev, resources: app ? [simpleRef('app', app)] : [] };
}

/** fly: `--app`/`-a`, then FLY_APP, then `app` in the fly.toml given by `--config`/`-c` or in cwd. */
function resolveFly(ctx: CommandContext): Resolution {
  const ev: Evidence[] = [];
  let app = flagValue(ctx.args, '-a', '--app');
  if (app) ev.push(evidence('--app', app));
  const words = positionals(ctx.args, ['-a', '--app', '-c', '--config', '-r', '--region', '-i', '--image', '-t', '--access-token']);
  // `fly apps destroy NAME…` / `fly destroy NAME` name the app outright.
  const named = words[0] === 'apps' && ['destroy', 'delete', 'remove'].includes(words[1] ?? '') ? words[2] : words[0] === 'destroy' ? words[1] : undefined;
  if (!app && named) {
    app = named;
    ev.push(evidence(`fly ${words.slice(0, words[0] === 'apps' ? 2 : 1).join(' ')}`, app));
  }
  if (!app) {
    const env = ctx.variable('FLY_APP');
    if (env?.value) {
      app = env.value;
      ev.push(evidence(`FLY_APP (${env.source})`, app));
    }
  }
  const configFlag = flagValue(ctx.args, '-c', '--config');
  const configPath = resolve(ctx.cwd, configFlag ?? 'fly.toml');
  if (!app) {
    const config = ctx.cache.parsed(configPath, 'toml', (t) => parseToml(t) as Record<string, unknown>);
    if (config.ok && typeof config.value.app === 'string') {
      app = config.value.app;
      ev.push(evidence(`app in ${ctx.display(configPath)}`, app));
    } else ctx.problem(ctx.display(configPath), config.ok ? 'names no app' : config.reason);
  }
  return {
    name: app ?? null,
    resource: app ? `Fly app ${app}` : null,
    evidence: ev,
    labels: [app, configFlag ? basename(configFlag).replace(/\.toml$/, '') : undefined],
    resources: app ? [simpleRef('app', app)] : [],
  };
}

/**
 * vercel: `--prod` or `--target production` is production; `--target NAME` a custom
 * environment; `vercel env rm NAME production`; removing a project takes every environment with
 * it. The project comes from `.vercel/project.json` (or VERCEL_PROJECT_ID).
 */
function resolveVercel(ctx: CommandContext): Resolution {
  const ev: Evidence[] = [];
  const args = ctx.args;
  const words = positionals(args, ['--target', '--scope', '--token', '-t', '-S', '--cwd', '-A', '--local-config', '-e', '--env', '-b', '--build-env']);
  const cwdFlag = flagValue(args, '--cwd');
  const dir = cwdFlag ? resolve(ctx.cwd, cwdFlag) : ctx.cwd;
  const projectFile = join(dir, '.vercel', 'project.json');
  const project = ctx.cache.parsed(projectFile, 'json', (t) => JSON.parse(t) as { projectId?: string; projectName?: string; orgId?: string });
  const projectId = ctx.variable('VERCEL_PROJECT_ID')?.value ?? (project.ok ? project.value.projectId : undefined);
  const projectName = project.ok ? project.value.projectName : undefined;
  if (project.ok) ev.push(evidence(ctx.display(projectFile), `project ${projectName ?? projectId ?? '?'}`));
  else if (project.reason !== 'does not exist') ctx.problem(ctx.display(projectFile), project.reason);
  let environment: Environment | undefined;
  let name: string | null = null;
  const target = flagValue(args, '--target');
  if (hasFlag(args, '--prod')) {
    environment = 'production';
    name = 'production';
    ev.unshift(evidence('--prod', 'production deployment'));
  } else if (target) {
    name = target;
    ev.unshift(evidence('--target', target));
  } else if (words[0] === 'env' && ['rm', 'remove', 'pull', 'add'].includes(words[1] ?? '') && words[3]) {
    name = words[3];
    ev.unshift(evidence(`vercel env ${words[1]}`, `environment ${words[3]}`));
  } else if (['remove', 'rm'].includes(words[0] ?? '') || (words[0] === 'project' && ['rm', 'remove'].includes(words[1] ?? ''))) {
    name = words[words[0] === 'project' ? 2 : 1] ?? projectName ?? null;
    // Removing takes every deployment with it, production's included: production, unless the project's
    // own name says it is another environment's (`acme-web-stg`), whose "production" is that environment.
    const named = classifyName(name, ctx.patterns);
    environment = named === 'staging' || named === 'development' ? named : 'production';
    ev.unshift(
      evidence(
        `vercel ${words.slice(0, words[0] === 'project' ? 2 : 1).join(' ')}`,
        environment === 'production'
          ? 'removes deployments or the project itself, production included'
          : `removes ${name}, whose name says ${environment}: its deployments are ${environment}'s`,
      ),
    );
  }
  return {
    name,
    resource: projectName || projectId ? `Vercel project ${projectName ?? projectId}` : null,
    evidence: ev,
    environment,
    labels: [name],
    resources: projectId ? [simpleRef('project', projectId)] : [],
  };
}

/**
 * supabase: `--db-url` (a database), `--project-ref`, `--linked` (the ref in
 * `supabase/.temp/project-ref`, under `--workdir` or SUPABASE_WORKDIR), `--local` (the local
 * stack). `db reset` defaults to local; `db push` and most remote commands to the linked project.
 */
function resolveSupabase(ctx: CommandContext): Resolution {
  const ev: Evidence[] = [];
  const args = ctx.args;
  const words = positionals(args, ['--db-url', '--project-ref', '--workdir', '-p', '--password', '--schema', '-s']);
  const workdir = resolve(ctx.cwd, flagValue(args, '--workdir') ?? ctx.variable('SUPABASE_WORKDIR')?.value ?? '.');
  const dbUrlRaw = flagValue(ctx.rawArgs, '--db-url');
  if (dbUrlRaw) {
    const expanded = ctx.expand(dbUrlRaw);
    const db = databaseRef(expanded.value);
    ev.push(evidence('--db-url', db?.display ?? (expanded.unresolved.length ? `$${expanded.unresolved[0]} is not set` : 'not a database URL')));
    for (const s of expanded.sources) ev.push(evidence(`$${s.name}`, `from ${s.source}`));
    return {
      name: db?.display ?? null,
      resource: db?.display ?? null,
      evidence: ev,
      labels: [db ? hostLabel(db.display) : undefined],
      resources: db ? [db] : [],
      affects: ['database'],
    };
  }
  const local =
    hasFlag(args, '--local') || (words[0] === 'db' && words[1] === 'reset' && !hasFlag(args, '--linked')) || words[0] === 'start' || words[0] === 'stop';
  if (local) {
    ev.push(evidence(hasFlag(args, '--local') ? '--local' : `supabase ${words.slice(0, 2).join(' ')}`, 'the local Supabase stack'));
    return { name: 'local', resource: 'local Supabase stack', evidence: ev, environment: 'development' };
  }
  let ref = flagValue(args, '--project-ref');
  if (ref) ev.push(evidence('--project-ref', ref));
  else {
    const env = ctx.variable('SUPABASE_PROJECT_ID') ?? ctx.variable('SUPABASE_PROJECT_REF');
    if (env?.value) {
      ref = env.value;
      ev.push(evidence(`SUPABASE_PROJECT_ID (${env.source})`, ref));
    }
  }
  if (!ref) {
    const file = join(workdir, 'supabase', '.temp', 'project-ref');
    const read = ctx.cache.text(file);
    if (read.ok && read.value.trim()) {
      ref = read.value.trim().slice(0, 64);
      ev.push(evidence(`linked project in ${ctx.display(file)}`, ref));
    } else ctx.problem(ctx.display(file), read.ok ? 'is empty' : read.reason);
  }
  return { name: ref ?? null, resource: ref ? `Supabase project ${ref}` : null, evidence: ev, resources: ref ? [simpleRef('project', ref)] : [] };
}

function hostLabel(display: string): string {
  return display.replace(/^\w+:\/\//, '').split(/[:/]/)[0]!;
}

export const platformResolvers: ToolResolver[] = [
  { tools: ['heroku'], resolve: resolveHeroku },
  { tools: ['fly', 'flyctl'], resolve: resolveFly },
  { tools: ['vercel', 'vc'], resolve: resolveVercel },
  { tools: ['supabase'], resolve: resolveSupabase },
];
