// The gates as a person meets them: a destructive command typed into the integrated terminal
// stops at a modal naming PRODUCTION; Block means the tool never runs, Allow (after typing the
// environment's name) runs it once; agent hook payloads wait for the same modal; benign calls
// pass through the shim untouched. Screenshots: test-results/ui/gates-*.png
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeWorkspace, projectRoot, startWorkbench, type Workbench } from './support';

/** A fake railway: records every run in ran.log, prints its arguments, exits 7. */
const FAKE_RAILWAY = '#!/bin/sh\necho "$*" >> "$(dirname "$0")/../ran.log"\necho "fake railway ran: $*"\nexit 7\n';

function hook(agent: string, payload: object, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(projectRoot, 'dist/airlock.js'), 'hook', agent], { env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.on('close', (code) => resolve({ code, stdout }));
    child.stdin.end(JSON.stringify(payload));
  });
}

describe('the gates in the real editor', { timeout: 300_000 }, () => {
  let workbench: Workbench;
  let workspace: string;
  let runtimeDir: string;
  const ran = () => (existsSync(join(workspace, 'ran.log')) ? readFileSync(join(workspace, 'ran.log'), 'utf8').trim().split('\n').filter(Boolean) : []);

  before(async () => {
    workspace = makeWorkspace({ 'bin/railway': FAKE_RAILWAY, 'README.md': '# pocket-rentals\n' });
    runtimeDir = mkdtempSync(join(tmpdir(), 'airlock-ui-run-'));
    mkdirSync(join(runtimeDir, 'home'));
    workbench = await startWorkbench({
      workspace,
      env: {
        HOME: join(runtimeDir, 'home'),
        PATH: `${join(workspace, 'bin')}:${process.env.PATH}`,
        AIRLOCK_RUNTIME_DIR: runtimeDir,
        AIRLOCK_STATE_DIR: join(runtimeDir, 'state'),
      },
      // bash, for shell integration: the terminal watcher sees commands only through it.
      settings: { 'terminal.integrated.defaultProfile.linux': 'bash', 'terminal.integrated.shellIntegration.enabled': true },
    });
  });

  after(async () => {
    await workbench?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
    if (runtimeDir) rmSync(runtimeDir, { recursive: true, force: true });
  });

  it('blocks railway volume delete typed into the terminal: the modal names PRODUCTION and the tool never runs', async () => {
    // A login shell's profile resets PATH; the shim folder survives it (applyAtShellIntegration),
    // the fake railway is put back after it, as a real install would be.
    await workbench.runInTerminal(`export PATH="$PATH:${join(workspace, 'bin')}"; echo "$PATH" | grep -c airlock-dev.airlock/shims`);
    await workbench.waitForTerminalText(/^1$/m);
    await workbench.runInTerminal('railway volume delete --environment production vol_9f2');
    await workbench.waitForModal(/PRODUCTION/);
    const text = await workbench.modalText();
    assert.match(text, /^PRODUCTION/);
    assert.match(text, /railway volume delete --environment production vol_9f2/);
    assert.match(text, /Asked by: a terminal/);
    assert.deepEqual((await workbench.modalButtons()).sort(), ['Allow once', 'Block', 'Cancel']);
    assert.match(await workbench.modal().locator('.monaco-button:focus').innerText(), /^\s*Block\s*$/, 'Enter blocks');
    await workbench.screenshot('gates-terminal-modal');
    await workbench.clickModalButton('Block');
    await workbench.waitForTerminalText(/airlock: railway \(PRODUCTION\) was not run: blocked in the editor/);
    assert.deepEqual(ran(), [], 'the fake railway never ran');
  });

  it('allows it once after the person types the environment name, and it runs exactly once', async () => {
    await workbench.runInTerminal('railway volume delete --environment production vol_9f2; echo "exit=$?"');
    await workbench.waitForModal(/PRODUCTION/);
    await workbench.clickModalButton('Allow once');
    await workbench.typeIntoInputBox('production');
    await workbench.waitForTerminalText(/fake railway ran: volume delete --environment production vol_9f2[\s\S]*exit=7/);
    assert.deepEqual(ran(), ['volume delete --environment production vol_9f2']);
    await workbench.screenshot('gates-terminal-allowed');
  });

  it("a Cursor and a Claude Code hook payload wait for the modal and get the person's answer", async () => {
    // The editor's home too: hooks trust only the editor keys pinned under it.
    const env = { HOME: join(runtimeDir, 'home'), AIRLOCK_RUNTIME_DIR: runtimeDir, AIRLOCK_STATE_DIR: join(runtimeDir, 'state') };
    const command = 'railway volume delete --environment production vol_9f2';
    const cursor = hook(
      'cursor',
      { hook_event_name: 'beforeShellExecution', conversation_id: 'c1', generation_id: 'g1', workspace_roots: [workspace], command, cwd: workspace },
      env,
    );
    await workbench.waitForModal(/Cursor agent/);
    await workbench.screenshot('gates-cursor-modal');
    await workbench.clickModalButton('Block');
    const blocked = await cursor;
    assert.equal(JSON.parse(blocked.stdout).permission, 'deny');
    assert.match(JSON.parse(blocked.stdout).agent_message, /ask the person/);

    const claude = hook(
      'claude',
      { session_id: 's1', cwd: workspace, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } },
      env,
    );
    await workbench.waitForModal(/Claude Code/);
    await workbench.clickModalButton('Allow once');
    await workbench.typeIntoInputBox('production');
    const allowed = await claude;
    assert.equal(JSON.parse(allowed.stdout).hookSpecificOutput.permissionDecision, 'allow');
  });

  it('a benign call passes through the shim with the same output and exit code as the real binary', async () => {
    const real = join(workspace, 'bin', 'railway');
    await workbench.runInTerminal(`clear; railway whoami > shim.out; echo "shim=$?"; ${real} whoami > real.out; echo "real=$?"`);
    await workbench.waitForTerminalText(/shim=7[\s\S]*real=7/, 60_000);
    assert.equal(readFileSync(join(workspace, 'shim.out'), 'utf8'), readFileSync(join(workspace, 'real.out'), 'utf8'));
    assert.equal(readFileSync(join(workspace, 'shim.out'), 'utf8'), 'fake railway ran: whoami\n');
  });

  it('warns loudly when a destructive command runs past every gate (an absolute path skips the shim)', async () => {
    const real = join(workspace, 'bin', 'railway');
    await workbench.runInTerminal(`${real} volume delete --environment production vol_gap`);
    await workbench
      .notification(/Airlock protection gap/)
      .first()
      .waitFor({ timeout: 60_000 });
    await workbench.screenshot('gates-protection-gap');
    assert.ok(ran().includes('volume delete --environment production vol_gap'), 'it did run: watching only observes');
  });
});
