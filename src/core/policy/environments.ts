import { DEFAULT_ENVIRONMENT_PATTERNS, type EnvironmentPatterns } from '../environment/classify';
import type { Environment } from '../types';

/**
 * The environment part of a policy: extra names for each environment, and what Airlock does with
 * a destructive command per environment. `deny` refuses it outright ("agents never touch
 * production"); `ask` (the default everywhere) puts it to a person; `allow-and-log` lets it run
 * and records it. Catastrophic rules (`deny`) and the engine's own "cannot tell" findings are
 * never relaxed.
 */
export type EnvironmentDecision = 'deny' | 'ask' | 'allow-and-log';

/** As written in a policy file or in the `airlock.environments.*` settings. */
export interface EnvironmentPolicyFile {
  /** Extra name patterns (minimatch globs, tested on the whole name and each word), added to the defaults. */
  production?: string[];
  staging?: string[];
  development?: string[];
  /** Per-environment decision for destructive commands; `unknown` is never looser than `production`. */
  decisions?: Partial<Record<Environment, EnvironmentDecision>>;
}

export interface EffectiveEnvironmentPolicy {
  patterns: EnvironmentPatterns;
  decisions: Record<Environment, EnvironmentDecision>;
}

export const DEFAULT_ENVIRONMENT_POLICY: EffectiveEnvironmentPolicy = {
  patterns: {
    production: [...DEFAULT_ENVIRONMENT_PATTERNS.production],
    staging: [...DEFAULT_ENVIRONMENT_PATTERNS.staging],
    development: [...DEFAULT_ENVIRONMENT_PATTERNS.development],
  },
  decisions: { production: 'ask', staging: 'ask', development: 'ask', unknown: 'ask' },
};

const STRICTNESS: Record<EnvironmentDecision, number> = { 'allow-and-log': 0, ask: 1, deny: 2 };
const DECISIONS = new Set<EnvironmentDecision>(['deny', 'ask', 'allow-and-log']);
const ENVIRONMENTS: Environment[] = ['production', 'staging', 'development', 'unknown'];

/**
 * Merges the user's environment policy with a repository's. The repository may only make things
 * stricter unless the workspace is trusted: it may add production names and raise a decision;
 * names for staging or development (which lower a name out of "unknown") and lower decisions are
 * ignored, and each ignored item is said in `notes`.
 */
export function mergeEnvironmentPolicy(
  user: EnvironmentPolicyFile | undefined,
  repository: EnvironmentPolicyFile | undefined,
  repositoryTrusted: boolean,
): { policy: EffectiveEnvironmentPolicy; notes: string[] } {
  const notes: string[] = [];
  const patterns: EnvironmentPatterns = {
    production: [...DEFAULT_ENVIRONMENT_POLICY.patterns.production, ...strings(user?.production)],
    staging: [...DEFAULT_ENVIRONMENT_POLICY.patterns.staging, ...strings(user?.staging)],
    development: [...DEFAULT_ENVIRONMENT_POLICY.patterns.development, ...strings(user?.development)],
  };
  const decisions = { ...DEFAULT_ENVIRONMENT_POLICY.decisions };
  for (const env of ENVIRONMENTS) {
    const d = user?.decisions?.[env];
    if (d !== undefined && DECISIONS.has(d)) decisions[env] = d;
  }

  patterns.production.push(...strings(repository?.production));
  for (const env of ['staging', 'development'] as const) {
    const extra = strings(repository?.[env]);
    if (!extra.length) continue;
    if (repositoryTrusted) patterns[env].push(...extra);
    else
      notes.push(
        `repository policy ignored: environments.${env} names (${extra.join(', ')}) would lower commands out of production; trust this workspace to use them`,
      );
  }
  for (const env of ENVIRONMENTS) {
    const d = repository?.decisions?.[env];
    if (d === undefined || !DECISIONS.has(d)) continue;
    if (repositoryTrusted || STRICTNESS[d] >= STRICTNESS[decisions[env]]) decisions[env] = repositoryTrusted ? d : stricter(decisions[env], d);
    else notes.push(`repository policy ignored: environments.decisions.${env} = ${d} is looser than ${decisions[env]}; trust this workspace to use it`);
  }
  // Unknown is treated as production: never looser than it.
  decisions.unknown = stricter(decisions.unknown, decisions.production);
  return { policy: { patterns, decisions }, notes };
}

function stricter(a: EnvironmentDecision, b: EnvironmentDecision): EnvironmentDecision {
  return STRICTNESS[a] >= STRICTNESS[b] ? a : b;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length < 200) : [];
}

/**
 * The `airlock.environments.*` settings as a policy file section. `get` reads one setting by
 * its key below `airlock.environments` (e.g. `production`, `onProduction`); the extension passes
 * `workspace.getConfiguration('airlock.environments').get`.
 */
export function environmentPolicyFromSettings(get: (key: string) => unknown): EnvironmentPolicyFile {
  const decisions: Partial<Record<Environment, EnvironmentDecision>> = {};
  for (const [key, env] of [
    ['onProduction', 'production'],
    ['onStaging', 'staging'],
    ['onDevelopment', 'development'],
    ['onUnknown', 'unknown'],
  ] as const) {
    const value = get(key);
    if (typeof value === 'string' && DECISIONS.has(value as EnvironmentDecision)) decisions[env] = value as EnvironmentDecision;
  }
  return { production: strings(get('production')), staging: strings(get('staging')), development: strings(get('development')), decisions };
}

/** Keeps only well-formed fields of an `environments` section read from a policy file. */
export function sanitizeEnvironmentPolicy(value: unknown): EnvironmentPolicyFile | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const decisions: Partial<Record<Environment, EnvironmentDecision>> = {};
  const given = v.decisions && typeof v.decisions === 'object' ? (v.decisions as Record<string, unknown>) : {};
  for (const env of ENVIRONMENTS) {
    const d = given[env];
    if (typeof d === 'string' && DECISIONS.has(d as EnvironmentDecision)) decisions[env] = d as EnvironmentDecision;
  }
  return { production: strings(v.production), staging: strings(v.staging), development: strings(v.development), decisions };
}

/** The user's two sources (policy file and editor settings) as one: names add up, the stricter decision wins. */
export function combineUserEnvironmentPolicies(...sections: Array<EnvironmentPolicyFile | undefined>): EnvironmentPolicyFile {
  const out: EnvironmentPolicyFile = { production: [], staging: [], development: [], decisions: {} };
  for (const s of sections) {
    if (!s) continue;
    out.production!.push(...strings(s.production));
    out.staging!.push(...strings(s.staging));
    out.development!.push(...strings(s.development));
    for (const env of ENVIRONMENTS) {
      const d = s.decisions?.[env];
      if (d && DECISIONS.has(d)) out.decisions![env] = out.decisions![env] ? stricter(out.decisions![env]!, d) : d;
    }
  }
  return out;
}
