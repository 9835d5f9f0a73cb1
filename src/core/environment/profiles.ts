import { dirname, isAbsolute, relative } from 'node:path';
import type { Environment } from '../types';
import type { CommandContext } from './context';
import type { EnvFile } from './envfiles';
import { type ResourceKind, type ResourceRef, resourcesOfVariables, SHARED_KINDS } from './resources';

/** One environment's configuration found in the workspace (today: an env file) and what it points at. */
export interface Profile {
  source: string;
  environment: Environment;
  environmentFrom: string;
  resources: ResourceRef[];
}

/** One resource that configurations of different environments both point at. */
export interface SharedResource {
  kind: ResourceKind;
  key: string;
  display: string;
  uses: Array<{ environment: Environment; source: string; variable?: string }>;
  environments: Environment[];
}

export interface WorkspaceIndex {
  profiles: Profile[];
  shared: SharedResource[];
  usesOf(key: string): Array<{ environment: Environment; source: string; variable?: string }>;
}

/** Directories whose env files describe this command's environments: the workspace root and cwd, with those between. */
export function profileDirectories(root: string, cwd: string): string[] {
  const dirs = [root];
  const rel = relative(root, cwd);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
    const chain: string[] = [];
    for (let dir = cwd, i = 0; dir !== root && i < 12; dir = dirname(dir), i++) chain.push(dir);
    dirs.push(...chain.reverse());
  } else if (cwd !== root) dirs.push(cwd);
  return dirs;
}

function profileOfEnvFile(file: EnvFile): Profile {
  return { source: file.name, environment: file.environment, environmentFrom: file.environmentFrom, resources: resourcesOfVariables(file.vars) };
}

export function buildWorkspaceIndex(ctx: CommandContext, extraDirs: string[] = [], extraProfiles: Profile[] = []): WorkspaceIndex {
  const profiles: Profile[] = [];
  const seen = new Set<string>();
  for (const dir of [...profileDirectories(ctx.root, ctx.cwd), ...extraDirs]) {
    for (const file of ctx.envFilesIn(dir)) {
      if (seen.has(file.path)) continue;
      seen.add(file.path);
      profiles.push(profileOfEnvFile(file));
    }
  }
  return indexProfiles([...profiles, ...extraProfiles]);
}

export function indexProfiles(profiles: Profile[]): WorkspaceIndex {
  const byKey = new Map<string, { ref: ResourceRef; uses: SharedResource['uses'] }>();
  for (const profile of profiles) {
    for (const ref of profile.resources.flatMap((r) => [r, ...(r.aliases ?? [])])) {
      const entry = byKey.get(ref.key) ?? { ref, uses: [] };
      if (!entry.uses.some((u) => u.source === profile.source && u.variable === ref.variable)) {
        entry.uses.push({ environment: profile.environment, source: profile.source, variable: ref.variable });
      }
      byKey.set(ref.key, entry);
    }
  }
  const shared: SharedResource[] = [];
  for (const [key, { ref, uses }] of byKey) {
    const environments = [...new Set(uses.map((u) => u.environment))];
    if (SHARED_KINDS.has(ref.kind) && environments.length > 1) {
      shared.push({ kind: ref.kind, key, display: ref.display, uses, environments: sortEnvironments(environments) });
    }
  }
  shared.sort((a, b) => Number(b.environments.includes('production')) - Number(a.environments.includes('production')) || a.key.localeCompare(b.key));
  return { profiles, shared, usesOf: (key) => byKey.get(key)?.uses ?? [] };
}

const ORDER: Environment[] = ['production', 'staging', 'development', 'unknown'];
export function sortEnvironments(list: Environment[]): Environment[] {
  return [...list].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
}

/** Resources of the given kinds that configurations of `environment` point at. */
export function resourcesOfEnvironment(index: WorkspaceIndex, environment: Environment, kinds?: ReadonlySet<ResourceKind>): ResourceRef[] {
  return index.profiles
    .filter((p) => p.environment === environment)
    .flatMap((p) => p.resources)
    .filter((r) => SHARED_KINDS.has(r.kind) && (!kinds || kinds.has(r.kind)));
}
