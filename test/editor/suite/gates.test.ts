import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { airlockApi, airlockExtension } from '../support/airlock';

interface GatesApi {
  socket: string;
  windowFile: string;
  pendingConfirmations(): number;
}
interface ProtectionApi {
  launcher(): string | undefined;
  shimFolder(): string;
  layers(): Array<{ id: string; state: string }>;
  level(): string;
}

function hook(launcher: string, agent: string, payload: object): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(launcher, ['hook', agent], { env: process.env });
    let stdout = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.on('close', (code) => resolve({ code, stdout }));
    child.stdin.end(JSON.stringify(payload));
  });
}

describe('gates', () => {
  it('activates the gates and protection features and registers their commands', async () => {
    const api = await airlockApi();
    assert.ok(api.activeFeatures.includes('gates'), api.activeFeatures.join(','));
    assert.ok(api.activeFeatures.includes('protection'), api.activeFeatures.join(','));
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['airlock.protectWorkspace', 'airlock.removeProtection', 'airlock.showProtectionStatus']) assert.ok(commands.includes(id), id);
  });

  it('listens on a 0600 socket and publishes a 0600 registration', async function () {
    if (process.platform === 'win32') this.skip();
    const gates = (await airlockApi()).gates as GatesApi;
    assert.equal(statSync(gates.socket).mode & 0o777, 0o600);
    assert.equal(statSync(gates.windowFile).mode & 0o777, 0o600);
  });

  it('installs the launcher and one executable shim per guarded tool in global storage', async function () {
    if (process.platform === 'win32') this.skip();
    const protection = (await airlockApi()).protection as ProtectionApi;
    const launcher = protection.launcher();
    assert.ok(launcher && launcher.startsWith(airlockExtension().extensionPath) === false, 'the launcher lives outside the extension folder');
    accessSync(launcher!, constants.X_OK);
    for (const tool of ['railway', 'terraform', 'kubectl', 'git']) accessSync(join(protection.shimFolder(), tool), constants.X_OK);
    assert.equal(protection.layers().find((l) => l.id === 'ipc')?.state, 'on');
  });

  it('answers hook processes through the installed launcher: benign at once, destructive blocked when no one can confirm', async function () {
    if (process.platform === 'win32') this.skip();
    this.timeout(60_000);
    const protection = (await airlockApi()).protection as ProtectionApi;
    const root = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const benign = await hook(protection.launcher()!, 'cursor', {
      hook_event_name: 'beforeShellExecution',
      workspace_roots: [root],
      command: 'git status',
      cwd: root,
    });
    assert.deepEqual(JSON.parse(benign.stdout), { permission: 'allow' });
    // Modals are refused inside extension tests, which resolves the dialog as closed: Block.
    const destructive = await hook(protection.launcher()!, 'cursor', {
      hook_event_name: 'beforeShellExecution',
      workspace_roots: [root],
      command: 'railway volume delete vol_1',
      cwd: root,
    });
    const answer = JSON.parse(destructive.stdout);
    assert.equal(answer.permission, 'deny');
    assert.match(answer.user_message, /blocked it in the editor/);
  });
});
