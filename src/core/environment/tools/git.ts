import { dirname, join, resolve } from 'node:path';
import { parse as parseIni } from 'ini';
import { minimatch } from 'minimatch';
import { flagValue, hasFlag, positionals } from '../../argv';
import type { CommandContext, Evidence } from '../context';
import { isDirectory, isFile } from '../files';
import { evidence, type Resolution, type ToolResolver } from '../resolution';

export interface GitRepository {
  gitDir: string;
  /** The checked-out branch, or undefined on a detached HEAD. */
  branch?: string;
  remotes: Map<string, string>;
  branchConfig: Map<string, { remote?: string; merge?: string; pushRemote?: string }>;
  pushDefaultRemote?: string;
}

/** Finds `.git` from `start` upwards (a `.git` file pointing elsewhere, as in worktrees, is followed). */
export function findGitDir(ctx: CommandContext, start: string): string | undefined {
  const explicit = ctx.variable('GIT_DIR')?.value;
  if (explicit) return resolve(start, explicit);
  let dir = start;
  for (let i = 0; i < 64; i++) {
    const candidate = join(dir, '.git');
    if (isDirectory(candidate)) return candidate;
    if (isFile(candidate)) {
      const text = ctx.cache.text(candidate);
      const target = text.ok ? /^gitdir:\s*(.+)$/m.exec(text.value)?.[1]?.trim() : undefined;
      if (target) return resolve(dir, target);
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

export function readGitRepository(ctx: CommandContext, start: string): GitRepository | undefined {
  const gitDir = findGitDir(ctx, start);
  if (!gitDir) return undefined;
  const head = ctx.cache.text(join(gitDir, 'HEAD'));
  if (!head.ok) ctx.problem(ctx.display(join(gitDir, 'HEAD')), head.reason);
  const branch = head.ok ? /^ref:\s*refs\/heads\/(.+)$/m.exec(head.value)?.[1]?.trim() : undefined;
  const remotes = new Map<string, string>();
  const branchConfig = new Map<string, { remote?: string; merge?: string; pushRemote?: string }>();
  let pushDefaultRemote: string | undefined;
  // A worktree's config lives in the common dir.
  const commonDir = readCommonDir(ctx, gitDir);
  const config = ctx.cache.parsed(join(commonDir, 'config'), 'ini', (t) => parseIni(t) as Record<string, Record<string, unknown>>);
  if (config.ok) {
    for (const [section, values] of Object.entries(config.value)) {
      const m = /^(remote|branch) "(.+)"$/.exec(section);
      if (m?.[1] === 'remote' && typeof values.url === 'string') remotes.set(m[2]!, values.url);
      if (m?.[1] === 'branch')
        branchConfig.set(m[2]!, { remote: str(values.remote), merge: str(values.merge), pushRemote: str(values.pushRemote ?? values.pushremote) });
      if (section === 'remote' && typeof values.pushDefault === 'string') pushDefaultRemote = values.pushDefault;
    }
  } else if (config.reason !== 'does not exist') ctx.problem(ctx.display(join(commonDir, 'config')), config.reason);
  return { gitDir, branch, remotes, branchConfig, pushDefaultRemote };
}

function readCommonDir(ctx: CommandContext, gitDir: string): string {
  const common = ctx.cache.text(join(gitDir, 'commondir'));
  return common.ok && common.value.trim() ? resolve(gitDir, common.value.trim()) : gitDir;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A remote URL without credentials (`https://user:token@host/x` → `https://host/x`). */
export function safeRemoteUrl(url: string): string {
  return url.replace(/^(\w+:\/\/)[^@/]+@/, '$1');
}

export function isProtectedBranch(branch: string, patterns: string[]): boolean {
  return patterns.some((p) => p === branch || minimatch(branch, p));
}

const PUSH_VALUED = ['--repo', '--receive-pack', '--exec', '-o', '--push-option', '--recurse-submodules', '--signed'];
const LOCAL_SUBCOMMANDS = new Set([
  'reset',
  'clean',
  'checkout',
  'restore',
  'stash',
  'switch',
  'rm',
  'gc',
  'reflog',
  'filter-branch',
  'filter-repo',
  'rebase',
  'commit',
  'update-ref',
]);

/**
 * git push: the remote and branch it writes, from the arguments or, when absent, from the
 * branch's pushRemote/remote and the checked-out branch (.git/HEAD). A protected branch on a
 * remote is production. Local rewrites (reset, clean, checkout, branch -D) hit the working tree
 * and local history: development, with the branch named so a person sees it.
 */
function resolveGit(ctx: CommandContext): Resolution | undefined {
  const args = ctx.args;
  const dirFlag = flagValue(args, '-C');
  const start = dirFlag ? resolve(ctx.cwd, dirFlag) : ctx.cwd;
  // Global options come before the subcommand.
  let i = 0;
  while (i < args.length && args[i]!.startsWith('-')) i += args[i] === '-C' || args[i] === '-c' ? 2 : 1;
  const sub = args[i];
  const rest = args.slice(i + 1);
  const repo = readGitRepository(ctx, start);
  const ev: Evidence[] = [];
  if (!repo) {
    if (sub === 'push') return pushWithoutRepository(ctx, start, rest);
    ctx.problem('git', `no repository found from ${ctx.display(start)} upwards`);
    return { name: null, resource: null, evidence: ev };
  }
  const headFile = ctx.display(join(repo.gitDir, 'HEAD'));
  if (sub === 'push') {
    const words = positionals(rest, PUSH_VALUED);
    const branchConf = repo.branch ? repo.branchConfig.get(repo.branch) : undefined;
    let remote = words[0];
    if (remote) ev.push(evidence('remote argument', remote));
    else {
      remote = branchConf?.pushRemote ?? repo.pushDefaultRemote ?? branchConf?.remote ?? 'origin';
      ev.push(evidence('.git/config', `pushes to remote ${remote}`));
    }
    const refspecs = words.slice(1);
    const deleting = hasFlag(rest, '-d', '--delete');
    let targets: string[];
    if (refspecs.length) {
      targets = refspecs.map((r) => refspecTarget(r, repo.branch));
      ev.unshift(evidence('refspec', refspecs.join(' ')));
    } else if (hasFlag(rest, '--all', '--mirror')) {
      targets = [...repo.branchConfig.keys(), ...(repo.branch ? [repo.branch] : [])];
      ev.unshift(evidence('--all/--mirror', 'every local branch'));
    } else {
      const merge = branchConf?.merge?.replace(/^refs\/heads\//, '');
      targets = repo.branch ? [merge && branchConf?.remote === remote ? merge : repo.branch] : [];
      ev.unshift(evidence(headFile, repo.branch ? `on branch ${repo.branch}` : 'detached HEAD'));
    }
    const url = repo.remotes.get(remote);
    if (url) ev.push(evidence(`remote ${remote}`, safeRemoteUrl(url)));
    const protectedHit = targets.find((t) => isProtectedBranch(t, ctx.protectedBranches));
    if (protectedHit) ev.unshift(evidence('protected branches', `${protectedHit} is protected (${ctx.protectedBranches.join(', ')})`));
    return {
      name: targets.join(', ') || null,
      resource: `${deleting ? 'deletes ' : ''}${targets.join(', ') || '?'} on ${remote}${url ? ` (${safeRemoteUrl(url)})` : ''}`,
      evidence: ev,
      environment: protectedHit ? 'production' : undefined,
      labels: targets,
    };
  }
  if (sub === 'branch' || LOCAL_SUBCOMMANDS.has(sub ?? '')) {
    const named = sub === 'branch' ? positionals(rest, ['-u', '--set-upstream-to']).join(', ') : undefined;
    ev.push(evidence(headFile, repo.branch ? `on branch ${repo.branch}` : 'detached HEAD'));
    ev.unshift(evidence('git', `${sub} changes this clone only (working tree and local history), not a remote`));
    return {
      name: named || repo.branch || null,
      resource: `local clone ${ctx.display(dirname(repo.gitDir))}${repo.branch ? ` on ${repo.branch}` : ''}`,
      evidence: ev,
      environment: 'development',
    };
  }
  return undefined;
}

/** The branch a refspec writes on the remote: `src:dst` → dst, `+main` → main, `refs/heads/x` → x; HEAD only with a repository. */
function refspecTarget(refspec: string, currentBranch: string | undefined): string {
  const spec = refspec.replace(/^\+/, '');
  const dst = spec.includes(':') ? spec.slice(spec.indexOf(':') + 1) : spec === 'HEAD' ? (currentBranch ?? 'HEAD') : spec;
  return dst.replace(/^refs\/heads\//, '');
}

/**
 * `git push` where no repository can be read (a folder that is not a clone, an unreadable .git):
 * git would fail or read a repository Airlock cannot see, so only the line itself can tell. A
 * refspec naming a protected branch is production; a line naming no branch stays unknown. The
 * evidence says the repository was not read.
 */
function pushWithoutRepository(ctx: CommandContext, start: string, rest: string[]): Resolution {
  const words = positionals(rest, PUSH_VALUED);
  const remote = words[0];
  const targets = words
    .slice(1)
    .map((r) => refspecTarget(r, undefined))
    .filter((t) => t && t !== 'HEAD');
  const ev: Evidence[] = [evidence('git', `no repository found from ${ctx.display(start)} upwards: judged from the command line alone`)];
  if (remote) ev.push(evidence('remote argument', remote));
  if (words.length > 1) ev.push(evidence('refspec', words.slice(1).join(' ')));
  else ev.push(evidence('refspec', 'none on the line, and no .git/HEAD to say which branch would be pushed'));
  const protectedHit = targets.find((t) => isProtectedBranch(t, ctx.protectedBranches));
  if (protectedHit) ev.unshift(evidence('protected branches', `${protectedHit} is protected (${ctx.protectedBranches.join(', ')}), named on the line`));
  return {
    name: targets.join(', ') || null,
    resource: `${hasFlag(rest, '-d', '--delete') ? 'deletes ' : ''}${targets.join(', ') || '?'} on ${remote ?? 'the default remote'}`,
    evidence: ev,
    environment: protectedHit ? 'production' : undefined,
    labels: targets,
  };
}

export const gitResolvers: ToolResolver[] = [{ tools: ['git'], resolve: resolveGit }];
