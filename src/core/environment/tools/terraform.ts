import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { CommandContext, Evidence } from '../context';
import { evidence, type Resolution, type ToolResolver } from '../resolution';

/**
 * terraform / tofu: the workspace is TF_WORKSPACE when set, else the name in
 * `<data dir>/environment` (data dir `.terraform`, or TF_DATA_DIR), else `default`; all relative
 * to `-chdir=DIR`, a global option before the subcommand. Var files and the directory name
 * (`envs/production`) also say which environment a root module is for.
 */
function resolveTerraform(ctx: CommandContext): Resolution {
  const args = ctx.args;
  let dir = ctx.cwd;
  const ev: Evidence[] = [];
  const chdirArg = args.find((a) => a.startsWith('-chdir='));
  if (chdirArg) {
    dir = resolve(ctx.cwd, chdirArg.slice('-chdir='.length));
    ev.push(evidence('-chdir', ctx.display(dir)));
  }
  const varFiles = args.filter((a) => a.startsWith('-var-file=') || a.startsWith('--var-file=')).map((a) => a.slice(a.indexOf('=') + 1));
  args.forEach((a, i) => {
    if ((a === '-var-file' || a === '--var-file') && args[i + 1]) varFiles.push(args[i + 1]!);
  });

  let workspace: string | undefined;
  const fromEnv = ctx.variable('TF_WORKSPACE');
  if (fromEnv?.value) {
    workspace = fromEnv.value;
    ev.unshift(evidence(`TF_WORKSPACE (${fromEnv.source})`, workspace));
  } else {
    const dataDir = ctx.variable('TF_DATA_DIR')?.value || '.terraform';
    const file = join(isAbsolute(dataDir) ? dataDir : join(dir, dataDir), 'environment');
    const read = ctx.cache.text(file);
    if (read.ok && read.value.trim()) {
      workspace = read.value.trim().split('\n')[0]!.slice(0, 200);
      ev.unshift(evidence(ctx.display(file), workspace));
    } else if (read.ok || read.reason === 'does not exist') {
      workspace = 'default';
      ev.unshift(evidence(ctx.display(file), 'absent: the workspace is "default", which names no environment'));
    } else {
      ctx.problem(ctx.display(file), read.reason);
    }
  }
  for (const varFile of varFiles) ev.push(evidence('-var-file', varFile));
  // A folder names an environment in the usual layouts (`envs/prod`, `environments/staging`, `live/dev`), but a
  // checkout called `main` says nothing: only a folder inside such a parent, or named exactly for an environment, counts.
  const folder = folderLabel(dir);
  return {
    name: workspace ?? null,
    resource: `root module ${ctx.display(dir)}`,
    evidence: ev,
    labels: [workspace === 'default' ? undefined : workspace, ...varFiles.map((f) => basename(f).replace(/\.tfvars(\.json)?$/, '')), folder],
  };
}

const ENVIRONMENT_PARENTS = /^(env|envs|environments|stages|deployments|live|accounts|clusters|regions)$/i;
const ENVIRONMENT_FOLDERS = /^(prod|production|prd|staging|stage|stg|preprod|uat|dev|development|test|local|sandbox)$/i;

function folderLabel(dir: string): string | undefined {
  const name = basename(dir);
  return ENVIRONMENT_PARENTS.test(basename(dirname(dir))) || ENVIRONMENT_FOLDERS.test(name) ? name : undefined;
}

export const terraformResolvers: ToolResolver[] = [{ tools: ['terraform', 'tofu', 'terragrunt'], resolve: resolveTerraform }];
