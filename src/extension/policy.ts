import * as vscode from 'vscode';
import { environmentPolicyFromSettings } from '../core/policy/environments';
import { loadPolicy } from '../core/policy/load';
import { policyFromSettings } from '../core/policy/settings';
import type { EffectivePolicy } from '../core/policy/types';

/** Reads one setting from the USER's settings only: a workspace's own settings must never loosen Airlock. */
function userSetting(section: string): (key: string) => unknown {
  const config = vscode.workspace.getConfiguration(section);
  return (key) => config.inspect(key)?.globalValue;
}

/**
 * The policy the editor decides with: the user's policy file, the user's `airlock.policy.*` and
 * `airlock.environments.*` settings, and the repository's policy (stricter only unless trusted).
 * Undefined when it cannot be loaded: the engine then uses its defaults, which are never looser.
 */
export function editorPolicy(cwd: string): EffectivePolicy | undefined {
  try {
    return loadPolicy({
      cwd,
      env: process.env,
      settings: { ...policyFromSettings(userSetting('airlock.policy')), environments: environmentPolicyFromSettings(userSetting('airlock.environments')) },
    });
  } catch {
    return undefined;
  }
}
