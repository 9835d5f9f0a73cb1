/**
 * The `airlock.policy.*` settings, as the extension passes them in. Read them from USER settings
 * only (`inspect(key).globalValue`): a workspace's own settings must never loosen Airlock; the
 * manifest also scopes them to `application` so VS Code offers them in user settings only.
 */
import { sanitizePolicy } from './load';
import type { PolicyFile } from './types';

/** Setting name (after `airlock.policy.`) → policy field. */
export const POLICY_SETTINGS: Record<string, keyof PolicyFile> = {
  disabledRules: 'disabledRules',
  askPatterns: 'ask',
  denyPatterns: 'deny',
  allowPatterns: 'allow',
  protectedBranches: 'protectedBranches',
  routineDeletePaths: 'routineDeletePaths',
  trustedWorkspaces: 'trustedWorkspaces',
};

/** Builds the policy from a settings getter (`key` without the `airlock.policy.` prefix). */
export function policyFromSettings(get: (key: string) => unknown): PolicyFile {
  const raw: Record<string, unknown> = {};
  for (const [setting, field] of Object.entries(POLICY_SETTINGS)) {
    const value = get(setting);
    // An empty list means "not set" for the lists that have defaults.
    if (Array.isArray(value) && (value.length > 0 || (field !== 'protectedBranches' && field !== 'routineDeletePaths'))) raw[field] = value;
  }
  return sanitizePolicy(raw);
}
