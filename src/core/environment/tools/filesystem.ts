import { isAbsolute, relative, resolve } from 'node:path';
import type { CommandContext } from '../context';
import { evidence, type Resolution, type ToolResolver } from '../resolution';

const VALUED: Record<string, string[]> = {
  find: [
    '-name',
    '-iname',
    '-path',
    '-ipath',
    '-type',
    '-mtime',
    '-mmin',
    '-size',
    '-maxdepth',
    '-mindepth',
    '-newer',
    '-user',
    '-group',
    '-perm',
    '-regex',
    '-exec',
    '-execdir',
    '-ok',
  ],
  truncate: ['-s', '--size', '-r', '--reference'],
  shred: ['-n', '--iterations', '-s', '--size'],
};

/**
 * Local file deletion (rm, find -delete, shred...): files inside the workspace are the
 * developer's working copy (development); anything outside it, a path Airlock cannot read
 * statically, or a shell on another machine over SSH, is unknown.
 */
function resolveFiles(ctx: CommandContext): Resolution {
  const tool = ctx.argv[0]!;
  const root = ctx.root;
  const paths: string[] = [];
  const args = ctx.args;
  const valued = VALUED[tool] ?? [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      paths.push(...args.slice(i + 1));
      break;
    }
    if (tool === 'find' && (arg === '-exec' || arg === '-execdir' || arg === '-ok')) break;
    if (arg.startsWith('-') && arg.length > 1) {
      if (valued.includes(arg)) i++;
      continue;
    }
    paths.push(arg);
  }
  if (tool === 'find' && paths.length === 0) paths.push('.');
  const ssh = ctx.variable('SSH_CONNECTION') ?? ctx.variable('SSH_CLIENT');
  if (ssh?.value) {
    return {
      name: null,
      resource: `files on this machine (${paths.slice(0, 3).join(', ')})`,
      evidence: [evidence('SSH_CONNECTION', 'the shell runs on another machine over SSH: its role is not known')],
      labels: [],
    };
  }
  const outside = paths.filter((p) => {
    if (/[$`]/.test(p)) return true;
    const absolute = resolve(ctx.cwd, p.replace(/^~(?=$|\/)/, ctx.home ?? '~'));
    const rel = relative(root, absolute);
    return rel.startsWith('..') || isAbsolute(rel);
  });
  const shown = paths.slice(0, 3).join(', ') + (paths.length > 3 ? ', …' : '');
  if (paths.length && !outside.length) {
    return {
      name: ctx.display(root),
      resource: `files in the workspace: ${shown}`,
      evidence: [evidence(tool, `every path is inside the workspace ${ctx.display(root)}: local working files`)],
      environment: 'development',
    };
  }
  return {
    name: null,
    resource: paths.length ? `files: ${shown}` : null,
    evidence: [
      evidence(
        tool,
        outside.length
          ? `${outside.slice(0, 3).join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside the workspace, or only known when the line runs`
          : 'no path given',
      ),
    ],
    labels: [],
  };
}

export const filesystemResolvers: ToolResolver[] = [{ tools: ['rm', 'rmdir', 'unlink', 'shred', 'find', 'truncate', 'trash', 'srm'], resolve: resolveFiles }];
