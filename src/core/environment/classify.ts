import { minimatch } from 'minimatch';
import type { Environment } from '../types';

/**
 * Names to environments. Each pattern is a case-insensitive minimatch glob, tested against the
 * whole name and against each of its words (split on `-_./:@` and spaces), so `prod` matches
 * `gke_acme_prod-eu` and `kind-*` matches `kind-airlock`.
 */
export interface EnvironmentPatterns {
  production: string[];
  staging: string[];
  development: string[];
}

export const DEFAULT_ENVIRONMENT_PATTERNS: Readonly<EnvironmentPatterns> = Object.freeze({
  production: ['prod', 'production', 'prd', 'live', 'main', 'master'],
  staging: ['staging', 'stage', 'stg', 'preprod', 'uat'],
  development: ['dev', 'development', 'local', 'test', 'localhost', '127.0.0.1', '::1', 'kind-*', 'minikube', 'docker-desktop'],
});

/** Most dangerous first: when a name matches several classes, the stricter one wins. */
const ORDER: Array<Exclude<Environment, 'unknown'>> = ['production', 'staging', 'development'];

const RANK: Record<Environment, number> = { production: 3, unknown: 2, staging: 1, development: 0 };

/** Merges user patterns over the defaults: a class the user sets replaces the default list. */
export function withDefaults(patterns?: Partial<EnvironmentPatterns>): EnvironmentPatterns {
  return {
    production: patterns?.production ?? [...DEFAULT_ENVIRONMENT_PATTERNS.production],
    staging: patterns?.staging ?? [...DEFAULT_ENVIRONMENT_PATTERNS.staging],
    development: patterns?.development ?? [...DEFAULT_ENVIRONMENT_PATTERNS.development],
  };
}

export function classifyName(name: string | null | undefined, patterns: EnvironmentPatterns): Environment {
  if (!name) return 'unknown';
  const whole = name.trim().toLowerCase().slice(0, 512);
  if (!whole) return 'unknown';
  const words = whole.split(/[-_./:@\s,=]+/).filter(Boolean);
  for (const environment of ORDER) {
    for (const pattern of patterns[environment]) {
      const p = pattern.toLowerCase();
      if (!p) continue;
      if (p === whole || words.includes(p)) return environment;
      if (/[*?[\]{}]/.test(p) && (minimatch(whole, p, { dot: true }) || words.some((w) => minimatch(w, p, { dot: true })))) {
        return environment;
      }
    }
  }
  return 'unknown';
}

/**
 * The environment several labels of one target point to (a context name, a namespace, a host):
 * the strictest of those that classify; `unknown` only when none does.
 */
export function classifyLabels(labels: Array<string | null | undefined>, patterns: EnvironmentPatterns): { environment: Environment; label?: string } {
  let best: { environment: Environment; label?: string } = { environment: 'unknown' };
  for (const label of labels) {
    const environment = classifyName(label, patterns);
    if (environment === 'unknown') continue;
    if (best.environment === 'unknown' || RANK[environment] > RANK[best.environment]) best = { environment, label: label! };
  }
  return best;
}

/** Production and unknown need the name typed; the rest a button. */
export function confirmationFor(environment: Environment): 'typed' | 'button' {
  return environment === 'production' || environment === 'unknown' ? 'typed' : 'button';
}

/** The riskier of two environments (production, then unknown, then staging, then development). */
export function riskier(a: Environment, b: Environment): Environment {
  return RANK[a] >= RANK[b] ? a : b;
}
