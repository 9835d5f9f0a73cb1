import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { EnvironmentsApi } from '../../../src/extension/environment/environment-feature';
import { airlockApi } from '../support/airlock';

const root = () => vscode.workspace.workspaceFolders![0]!.uri.fsPath;

async function environments(): Promise<EnvironmentsApi> {
  const api = await airlockApi();
  assert.ok(api.environments, `api.environments missing; active: ${api.activeFeatures.join(', ')}`);
  return api.environments as EnvironmentsApi;
}

describe('Workspace environments in the editor', () => {
  const files = ['.env.staging', '.env.production'];
  before(() => {
    writeFileSync(join(root(), '.env.staging'), 'DATABASE_URL=postgres://app:s3cret-staging@db.shop.internal:5432/shop\nRAILWAY_VOLUME_ID=vol_editor_1\n');
    writeFileSync(join(root(), '.env.production'), 'DATABASE_URL=postgres://app:s3cret-prod@db.shop.internal/shop\nRAILWAY_VOLUME_ID=vol_editor_1\n');
  });
  after(() => {
    for (const f of files) rmSync(join(root(), f), { force: true });
  });

  it('describes the workspace: env files, their environments, the shared resources', async () => {
    const report = (await environments()).describe();
    assert.ok(report);
    assert.deepEqual(report.shared.map((s) => s.display).sort(), ['postgres://db.shop.internal:5432/shop', 'volume vol_editor_1']);
    assert.deepEqual(
      report.envFiles
        .filter((f) => files.includes(f.file))
        .map((f) => f.environment)
        .sort(),
      ['production', 'staging'],
    );
  });

  it('warns once per shared resource, naming both files and never a password', async () => {
    const api = await environments();
    await api.check();
    const warnings = api.warningsShown();
    const db = warnings.find((w) => w.includes('postgres://db.shop.internal:5432/shop'));
    assert.ok(db, warnings.join('\n'));
    assert.match(db, /staging and production share .* \(\.env\.production, \.env\.staging\)/);
    assert.doesNotMatch(warnings.join('\n'), /s3cret/);
    assert.deepEqual(await api.check(), [], 'the same warning is not repeated');
  });

  it('Airlock: Show Workspace Environments opens the report with the warning first', async () => {
    await vscode.commands.executeCommand('airlock.showEnvironments');
    const doc = vscode.window.activeTextEditor?.document;
    assert.equal(doc?.uri.scheme, 'airlock-env');
    assert.match(doc!.getText(), /^WARNING: 2 resources are shared between environments/);
    assert.doesNotMatch(doc!.getText(), /s3cret/);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('airlock.showEnvironments'));
  });
});
