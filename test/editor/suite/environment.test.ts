import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { environmentPolicyFromSettings, mergeEnvironmentPolicy } from '../../../src/core/policy/environments';
import { airlockApi } from '../support/airlock';

describe('Target environment settings in the editor', () => {
  before(async () => {
    await airlockApi();
  });

  it('contributes airlock.environments.* with defaults that keep every environment at ask', () => {
    const config = vscode.workspace.getConfiguration('airlock.environments');
    for (const key of ['onProduction', 'onStaging', 'onDevelopment', 'onUnknown']) assert.equal(config.get(key), 'ask', key);
    for (const key of ['production', 'staging', 'development']) assert.deepEqual(config.get(key), [], key);
    const section = environmentPolicyFromSettings((k) => config.get(k));
    const { policy } = mergeEnvironmentPolicy(section, undefined, false);
    assert.deepEqual(policy.decisions, { production: 'ask', staging: 'ask', development: 'ask', unknown: 'ask' });
  });

  it('a workspace cannot loosen them: they are application-scoped user settings', async () => {
    const config = vscode.workspace.getConfiguration('airlock.environments');
    await assert.rejects(Promise.resolve(config.update('onProduction', 'allow-and-log', vscode.ConfigurationTarget.Workspace)));
    assert.equal(vscode.workspace.getConfiguration('airlock.environments').get('onProduction'), 'ask');
  });

  it('a user setting reaches the policy: production denied, unknown follows', async () => {
    const config = vscode.workspace.getConfiguration('airlock.environments');
    await config.update('onProduction', 'deny', vscode.ConfigurationTarget.Global);
    try {
      const fresh = vscode.workspace.getConfiguration('airlock.environments');
      const { policy } = mergeEnvironmentPolicy(
        environmentPolicyFromSettings((k) => fresh.get(k)),
        undefined,
        false,
      );
      assert.equal(policy.decisions.production, 'deny');
      assert.equal(policy.decisions.unknown, 'deny');
    } finally {
      await config.update('onProduction', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
