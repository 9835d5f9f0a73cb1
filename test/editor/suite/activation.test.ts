import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { airlockApi, airlockExtension, waitFor } from '../support/airlock';

interface Manifest {
  version: string;
  contributes: {
    commands?: { command: string }[];
    views: Record<string, { id: string }[]>;
  };
}

describe('Airlock in a real extension host', () => {
  it('activates on start-up without being asked', async () => {
    // onStartupFinished: the editor activates it by itself; the test only waits.
    await waitFor(() => airlockExtension().isActive, 'Airlock to activate', 20_000);
  });

  it('returns an API with its version and the features that activated', async () => {
    const api = await airlockApi();
    const manifest = airlockExtension().packageJSON as Manifest;
    assert.equal(api.version, manifest.version);
    assert.ok(Array.isArray(api.activeFeatures), 'activeFeatures is an array');
    for (const id of api.activeFeatures) assert.equal(typeof id, 'string');
  });

  it('registers every command its manifest contributes', async () => {
    await airlockApi();
    const manifest = airlockExtension().packageJSON as Manifest;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = (manifest.contributes.commands ?? []).map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'contributed commands without a handler');
  });

  it('contributes the Airlock view container with its three views', async () => {
    const manifest = airlockExtension().packageJSON as Manifest;
    assert.deepEqual(
      manifest.contributes.views.airlock!.map((v) => v.id),
      ['airlock.activity', 'airlock.tokens', 'airlock.protection'],
    );
    const registered = new Set(await vscode.commands.getCommands(true));
    // The workbench creates an open command per container and a focus command per view it knows.
    assert.ok(registered.has('workbench.view.extension.airlock'), 'the Activity Bar container is known to the workbench');
    for (const view of ['airlock.activity', 'airlock.tokens', 'airlock.protection']) {
      assert.ok(registered.has(`${view}.focus`), `view ${view} is known to the workbench`);
    }
    await vscode.commands.executeCommand('workbench.view.extension.airlock');
  });
});
