import type { Target } from './target';

/**
 * One line for the top of a confirmation, environment first and in capitals, then where Airlock
 * learned it: `PRODUCTION — from .terraform/environment`. The gates' modal and the CLI use it.
 */
export function describeTarget(target: Target): string {
  const label = target.environment === 'unknown' ? 'UNKNOWN ENVIRONMENT (treated as production)' : target.environment.toUpperCase();
  const first = target.evidence[0];
  const from = first ? ` — from ${first.source}${first.source === first.value ? '' : `: ${first.value}`}` : '';
  // A target raised to production because it shares a resource with production must not read
  // "PRODUCTION (shares its resource with production)": the evidence line says who shares it.
  const others = target.sharedWith.filter((environment) => environment !== target.environment);
  const shared = others.length ? ` (shares its resource with ${others.join(', ')})` : '';
  return `${label}${shared}${from}`.slice(0, 400);
}

/**
 * The word a person must type to allow a typed confirmation: the target's name, else the
 * environment. When the target shares its resource with production, "production": typing
 * "staging" to confirm a production deletion would repeat the very mistake.
 */
export function confirmationWord(target: Target): string {
  if (target.sharedWith.includes('production') || (target.environment === 'production' && target.sharedWith.length)) return 'production';
  const name = target.name && /^[\w.\-/:@]{1,64}$/.test(target.name) ? target.name : null;
  return name ?? (target.environment === 'unknown' ? 'production' : target.environment);
}
