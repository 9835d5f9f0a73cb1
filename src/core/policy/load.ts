/**
 * Reads and merges the policy: the user's file, the user's editor settings, and the
 * repository's `.airlock/policy.json`. A repository may only make Airlock stricter (more
 * patterns to ask about or deny, more protected branches); whatever in it would loosen is
 * ignored, with a note saying so, until the user lists the workspace in `trustedWorkspaces`.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { type ParseError, parse as parseJsonc } from 'jsonc-parser';
import { homeOf } from '../protection/fixed-locations';
import type { Environment } from '../types';
import { combineUserEnvironmentPolicies, mergeEnvironmentPolicy, sanitizeEnvironmentPolicy } from './environments';
import { applyManaged, isUsableManagedPath, managedPolicyPath, sanitizeTeamFields } from './managed';
import { DEFAULT_PROTECTED_BRANCHES, DEFAULT_ROUTINE_DELETE_PATHS, type EffectivePolicy, type PolicyFile } from './types';

export const REPOSITORY_POLICY_PATH = join('.airlock', 'policy.json');
const MAX_POLICY_BYTES = 256 * 1024;

export interface PolicySources {
  /** Where the command runs: the repository policy is looked up from here. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The user's (never the workspace's) `airlock.policy.*` settings, passed in by the extension. */
  settings?: PolicyFile;
}

/** `$AIRLOCK_POLICY_FILE`, else `$XDG_CONFIG_HOME/airlock/policy.json`, else `~/.config/airlock/policy.json`. */
export function userPolicyPath(env: NodeJS.ProcessEnv): string {
  if (env.AIRLOCK_POLICY_FILE) return env.AIRLOCK_POLICY_FILE;
  const config = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homeOf(env), '.config');
  return join(config, 'airlock', 'policy.json');
}

/** The nearest `.airlock/policy.json` from `cwd` up to the repository root (the folder holding `.git`). */
export function findRepositoryPolicy(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, REPOSITORY_POLICY_PATH);
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
  }
}

type Loaded = { file: PolicyFile } | { error: string } | undefined;

const STRING_LIST_KEYS = ['disabledRules', 'ask', 'deny', 'allow', 'protectedBranches', 'routineDeletePaths', 'trustedWorkspaces'] as const;

/** The non-empty strings of a list, at most 1000 of them. */
function stringList(list: readonly unknown[]): string[] {
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').slice(0, 1000);
}

/** Keeps only well-formed fields: arrays of non-empty strings. */
export function sanitizePolicy(value: unknown): PolicyFile {
  const out: PolicyFile = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const key of STRING_LIST_KEYS) {
    const list = (value as Record<string, unknown>)[key];
    if (Array.isArray(list)) out[key] = stringList(list);
  }
  const perWorkspace = (value as Record<string, unknown>).workspaceDisabledRules;
  if (perWorkspace && typeof perWorkspace === 'object' && !Array.isArray(perWorkspace)) {
    out.workspaceDisabledRules = Object.fromEntries(
      Object.entries(perWorkspace)
        .filter(([root, list]) => isAbsolute(root) && Array.isArray(list))
        .map(([root, list]) => [root, stringList(list as unknown[])]),
    );
  }
  const environments = sanitizeEnvironmentPolicy((value as Record<string, unknown>).environments);
  if (environments) out.environments = environments;
  Object.assign(out, sanitizeTeamFields(value as Record<string, unknown>));
  return out;
}

function readPolicyFile(path: string): Loaded {
  try {
    if (!existsSync(path)) return undefined;
    if (statSync(path).size > MAX_POLICY_BYTES) return { error: `${path} is larger than 256 KB` };
    const errors: ParseError[] = [];
    const json = parseJsonc(readFileSync(path, 'utf8'), errors, { allowTrailingComma: true });
    if (errors.length || !json || typeof json !== 'object' || Array.isArray(json)) return { error: `${path} is not a valid JSON object` };
    return { file: sanitizePolicy(json) };
  } catch {
    return { error: `${path} could not be read` };
  }
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** True when `folder` is a trusted workspace or inside one. */
export function isTrustedWorkspace(folder: string, trusted: readonly string[]): boolean {
  const target = real(folder);
  return trusted.some((t) => {
    const root = real(t.replace(/^~(?=$|\/)/, homedir()));
    const rel = relative(root, target);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}

function union(...lists: Array<readonly string[] | undefined>): string[] {
  return [...new Set(lists.flatMap((l) => l ?? []))];
}

/** The policy in force where a command runs: managed (machine-wide), user, editor settings, repository. */
export function loadPolicy(sources: PolicySources): EffectivePolicy {
  return loadPolicyFrom(sources, managedPolicyPath());
}

/** The managed policy file as read: its fields, an error, or nothing there. */
export function readManagedPolicy(path: string): { file?: PolicyFile; error?: string } {
  if (!isUsableManagedPath(path)) return {};
  const loaded = readPolicyFile(path);
  if (!loaded) return {};
  return 'file' in loaded ? { file: loaded.file } : { error: loaded.error };
}

/**
 * `loadPolicy` with the managed policy read from `managedPath`. Only tests call it with another
 * path: it is a parameter, not a variable or flag, so no command line can move the managed policy.
 */
export function loadPolicyFrom(sources: PolicySources, managedPath: string): EffectivePolicy {
  const managedRead = readManagedPolicy(managedPath);
  // An unreadable managed policy is not "no policy": its author meant to restrict. Say so; defaults stay (never looser).
  const managed = managedRead.file;
  const merged = loadUnmanaged(sources, managed);
  if (managedRead.error) {
    // Every loosening goes: no disabled rules or allow patterns, the default routine delete paths, no allow-and-log.
    const environments = merged.environments && {
      ...merged.environments,
      decisions: Object.fromEntries(
        Object.entries(merged.environments.decisions).map(([env, d]) => [env, d === 'allow-and-log' ? 'ask' : d]),
      ) as typeof merged.environments.decisions,
    };
    return {
      ...merged,
      notes: [...merged.notes, `managed policy could not be used: ${managedRead.error}; user and repository loosening is ignored until it is fixed`],
      disabledRules: new Set(),
      allowPatterns: [],
      routineDeletePaths: DEFAULT_ROUTINE_DELETE_PATHS,
      ...(environments ? { environments } : {}),
      managed: { path: managedPath },
    };
  }
  return managed ? applyManaged(merged, managed, managedPath) : merged;
}

function loadUnmanaged(sources: PolicySources, managed: PolicyFile | undefined): EffectivePolicy {
  const notes: string[] = [];
  const userPath = userPolicyPath(sources.env);
  const loadedUser = readPolicyFile(userPath);
  if (loadedUser && 'error' in loadedUser) notes.push(`user policy ignored: ${loadedUser.error}`);
  const user = loadedUser && 'file' in loadedUser ? loadedUser.file : {};
  const settings = sanitizePolicy(sources.settings ?? {});

  const repoPath = findRepositoryPolicy(sources.cwd);
  const loadedRepo = repoPath ? readPolicyFile(repoPath) : undefined;
  if (loadedRepo && 'error' in loadedRepo) notes.push(`repository policy ignored: ${loadedRepo.error}`);
  const repo = loadedRepo && 'file' in loadedRepo ? loadedRepo.file : {};
  const repoRoot = repoPath ? dirname(dirname(repoPath)) : undefined;
  // A managed trustedWorkspaces list is the only one: the user cannot widen whom a repository may loosen for.
  const trustList = managed?.trustedWorkspaces ?? union(user.trustedWorkspaces, settings.trustedWorkspaces);
  if (managed?.trustedWorkspaces && union(user.trustedWorkspaces, settings.trustedWorkspaces).some((t) => !managed.trustedWorkspaces!.includes(t))) {
    notes.push("managed policy sets trustedWorkspaces: the user's own list is ignored");
  }
  const trusted = repoRoot !== undefined && isTrustedWorkspace(repoRoot, trustList);

  const loosening = (['disabledRules', 'allow', 'routineDeletePaths'] as const).filter((k) => (repo[k]?.length ?? 0) > 0);
  if (repoPath && loosening.length && !trusted) {
    notes.push(
      `repository policy ${repoPath}: ${loosening.join(', ')} ignored because this workspace is not trusted (add it to trustedWorkspaces in ${userPath} to allow loosening)`,
    );
  }
  if (repoPath && (repo.trustedWorkspaces?.length ?? 0) > 0) notes.push(`repository policy ${repoPath}: trustedWorkspaces is only read from the user policy`);
  if (repoPath && repo.export) notes.push(`repository policy ${repoPath}: export is only read from the user and managed policy`);
  if (repoPath && repo.workspaceDisabledRules) notes.push(`repository policy ${repoPath}: workspaceDisabledRules is only read from the user policy`);
  // Rules the person trusted in this workspace from the Activity view (user level only).
  const trustedHere = Object.entries(user.workspaceDisabledRules ?? {})
    .filter(([root]) => isTrustedWorkspace(sources.cwd, [root]))
    .flatMap(([, rules]) => rules);
  const fromRepo = <K extends 'disabledRules' | 'allow' | 'routineDeletePaths'>(key: K) => (trusted ? repo[key] : undefined);
  // Environment names and per-environment decisions: the repository may only add production names and raise decisions unless trusted.
  const environments = mergeEnvironmentPolicy(combineUserEnvironmentPolicies(user.environments, settings.environments), repo.environments, trusted);
  notes.push(...environments.notes.map((n) => (repoPath ? n.replace('repository policy ignored', `repository policy ${repoPath} ignored`) : n)));

  return {
    disabledRules: new Set(union(user.disabledRules, settings.disabledRules, fromRepo('disabledRules'), trustedHere)),
    askPatterns: union(user.ask, settings.ask, repo.ask),
    denyPatterns: union(user.deny, settings.deny, repo.deny),
    allowPatterns: union(user.allow, settings.allow, fromRepo('allow')),
    protectedBranches: union(
      user.protectedBranches ?? settings.protectedBranches ?? DEFAULT_PROTECTED_BRANCHES,
      settings.protectedBranches,
      repo.protectedBranches,
    ),
    routineDeletePaths: union(
      user.routineDeletePaths ?? settings.routineDeletePaths ?? DEFAULT_ROUTINE_DELETE_PATHS,
      settings.routineDeletePaths,
      fromRepo('routineDeletePaths'),
    ),
    notes,
    environments: environments.policy,
    // Tightening only: anyone may add environments that need typing, or that only a person may approve.
    typedConfirmation: union(user.typedConfirmation, settings.typedConfirmation, repo.typedConfirmation) as Environment[],
    forbidAgentApproval: union(user.forbidAgentApproval, settings.forbidAgentApproval, repo.forbidAgentApproval),
    ...((user.export ?? settings.export) ? { export: { ...(settings.export ?? {}), ...(user.export ?? {}), source: 'user' as const } } : {}),
  };
}
