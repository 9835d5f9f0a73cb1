import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assessForGate } from '../../../src/extension/gates/engine';
import { editorPolicy } from '../../../src/extension/policy';
import { airlockApi } from '../support/airlock';

describe('The policy the editor gates with', () => {
  before(async () => {
    await airlockApi();
  });

  const cwd = () => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();

  it("takes the user's airlock.policy.* settings: a deny pattern set there denies in the gate", async () => {
    const config = vscode.workspace.getConfiguration('airlock.policy');
    const before = await assessForGate('make nuke-everything', cwd(), 'terminal');
    assert.equal(before.decision, 'allow');
    await config.update('denyPatterns', ['make nuke*'], vscode.ConfigurationTarget.Global);
    try {
      assert.ok(
        editorPolicy(cwd())?.denyPatterns.some((p) => p.includes('make nuke')),
        'the pattern reaches the policy',
      );
      const after = await assessForGate('make nuke-everything', cwd(), 'terminal');
      assert.equal(after.decision, 'deny');
    } finally {
      await config.update('denyPatterns', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it("takes the user's airlock.environments.* settings: production denied outright", async () => {
    const config = vscode.workspace.getConfiguration('airlock.environments');
    await config.update('onProduction', 'deny', vscode.ConfigurationTarget.Global);
    try {
      const result = await assessForGate('railway volume delete --environment production', cwd(), 'terminal');
      assert.equal(result.environment, 'production');
      assert.equal(result.decision, 'deny');
    } finally {
      await config.update('onProduction', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
