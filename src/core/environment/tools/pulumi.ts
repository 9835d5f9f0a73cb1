import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { flagValue } from '../../argv';
import type { CommandContext, Evidence } from '../context';
import { isFile } from '../files';
import { evidence, type Resolution, type ToolResolver } from '../resolution';

/**
 * pulumi: `--stack`/`-s`, then PULUMI_STACK (Pulumi 3.15x+), then the stack selected with
 * `pulumi stack select`, stored in `$PULUMI_HOME/workspaces/<project>-<sha1(path of
 * Pulumi.yaml)>-workspace.json` (PULUMI_HOME defaults to ~/.pulumi).
 */
function resolvePulumi(ctx: CommandContext): Resolution {
  const args = ctx.args;
  const ev: Evidence[] = [];
  const cwdFlag = flagValue(args, '-C', '--cwd');
  const start = cwdFlag ? resolve(ctx.cwd, cwdFlag) : ctx.cwd;
  let stack = flagValue(args, '-s', '--stack');
  if (stack) ev.push(evidence('--stack', stack));
  if (!stack) {
    const env = ctx.variable('PULUMI_STACK');
    if (env?.value) {
      stack = env.value;
      ev.push(evidence(`PULUMI_STACK (${env.source})`, stack));
    }
  }
  const projectFile = findProjectFile(start);
  if (!stack && projectFile) {
    const project = ctx.cache.parsed(projectFile, 'yaml', (t) => parseYaml(t) as unknown);
    const name = project.ok && project.value && typeof project.value === 'object' ? (project.value as Record<string, unknown>).name : undefined;
    if (!project.ok) ctx.problem(ctx.display(projectFile), project.reason);
    else if (typeof name !== 'string') ctx.problem(ctx.display(projectFile), 'has no project name');
    else {
      const pulumiHome = ctx.variable('PULUMI_HOME')?.value || ctx.homePath('.pulumi');
      if (pulumiHome) {
        const settings = join(pulumiHome, 'workspaces', `${name}-${createHash('sha1').update(projectFile).digest('hex')}-workspace.json`);
        const read = ctx.cache.parsed(settings, 'json', (t) => JSON.parse(t) as { stack?: unknown });
        if (read.ok && typeof read.value?.stack === 'string') {
          stack = read.value.stack;
          ev.push(evidence(`selected stack in ${ctx.display(settings)}`, stack));
        } else {
          ev.push(evidence(ctx.display(settings), read.ok ? 'selects no stack' : read.reason));
        }
      }
    }
  } else if (!stack) {
    ctx.problem('Pulumi.yaml', `not found from ${ctx.display(start)} upwards`);
  }
  if (stack && projectFile) {
    const short = stack.split('/').pop()!;
    const stackFile = join(dirname(projectFile), `Pulumi.${short}.yaml`);
    if (isFile(stackFile)) ev.push(evidence('stack config', ctx.display(stackFile)));
  }
  return { name: stack ?? null, resource: stack ? `stack ${stack}` : null, evidence: ev, labels: [stack?.split('/').pop(), stack] };
}

function findProjectFile(start: string): string | undefined {
  let dir = start;
  for (let i = 0; i < 32; i++) {
    for (const name of ['Pulumi.yaml', 'Pulumi.yml', 'Pulumi.json']) {
      if (isFile(join(dir, name))) return join(dir, name);
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

export const pulumiResolvers: ToolResolver[] = [{ tools: ['pulumi'], resolve: resolvePulumi }];
