import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, test } from 'node:test';
import { ensureDist } from '../dist';
import { startFakeEditor } from '../trust/editor-key';

/** The built CLI and launcher, spawned as the agents spawn them. */
const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist/airlock.js');
const launcher = join(root, 'dist/launcher/airlock');

before(() => {
  // Always from the current sources: a stale dist/ would test yesterday's hook.
  ensureDist();
});

function run(file: string, args: string[], payload: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(file, args, { env: { PATH: process.env.PATH, HOME: env.HOME ?? tmpdir(), ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(payload);
  });
}

function workspace() {
  const base = mkdtempSync(join(tmpdir(), 'airlock-hookproc-'));
  const ws = join(base, 'ws');
  mkdirSync(ws);
  writeFileSync(join(ws, '.env'), 'RAILWAY_TOKEN=00000000-0000-0000-0000-000000000000\n');
  return {
    base,
    ws,
    env: { AIRLOCK_RUNTIME_DIR: join(base, 'run'), AIRLOCK_STATE_DIR: join(base, 'state'), HOME: join(base, 'home'), XDG_CONFIG_HOME: join(base, 'config') },
  };
}

const claude = (ws: string, command: string, mode = 'default') =>
  JSON.stringify({
    session_id: 's',
    transcript_path: '/dev/null',
    cwd: ws,
    permission_mode: mode,
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command },
  });
const cursor = (ws: string, command: string) =>
  JSON.stringify({ hook_event_name: 'beforeShellExecution', conversation_id: 'c', generation_id: 'g', workspace_roots: [ws], command, cwd: ws });
const vscode = (ws: string, command: string) =>
  JSON.stringify({ timestamp: 't', hook_event_name: 'PreToolUse', session_id: 's', cwd: ws, tool_name: 'run_in_terminal', tool_input: { command } });

test('benign payloads: the launcher fast path and the Node CLI answer identically', async () => {
  const w = workspace();
  try {
    for (const [agent, payload] of [
      ['claude', claude(w.ws, 'git status')],
      ['cursor', cursor(w.ws, 'ls -la')],
      ['vscode', vscode(w.ws, 'npm test')],
    ] as const) {
      const viaCli = await run(process.execPath, [cli, 'hook', agent], payload, w.env);
      const viaLauncher = await run(launcher, ['hook', agent], payload, w.env);
      assert.equal(viaCli.code, 0);
      assert.deepEqual(viaLauncher, viaCli, agent);
      assert.equal(viaCli.stdout, agent === 'cursor' ? '{"permission":"allow"}\n' : '');
    }
  } finally {
    rmSync(w.base, { recursive: true, force: true });
  }
});

test('the launcher settles benign calls without starting any runtime', { skip: process.platform === 'win32' }, async () => {
  const w = workspace();
  try {
    const bin = join(w.base, 'bin');
    mkdirSync(bin);
    copyFileSync(launcher, join(bin, 'airlock'));
    spawnSync('chmod', ['+x', join(bin, 'airlock')]);
    writeFileSync(join(bin, 'airlock.env'), `AIRLOCK_CLI=${cli}\nAIRLOCK_RUNTIME=/nonexistent/runtime\nAIRLOCK_RUNTIME_IS_ELECTRON=0\n`);
    const benign = await run(join(bin, 'airlock'), ['hook', 'claude'], claude(w.ws, 'git status'), w.env);
    assert.deepEqual([benign.code, benign.stdout], [0, '']);
    const destructive = await run(join(bin, 'airlock'), ['hook', 'claude'], claude(w.ws, 'railway volume delete vol_1'), w.env);
    assert.notEqual(destructive.code, 0, 'the destructive call needed the (missing) runtime');
  } finally {
    rmSync(w.base, { recursive: true, force: true });
  }
});

test('no editor: Claude asks, bypass mode denies, Cursor and VS Code deny; each answer is logged', async () => {
  const w = workspace();
  try {
    const ask = await run(process.execPath, [cli, 'hook', 'claude'], claude(w.ws, 'railway volume delete vol_1'), w.env);
    assert.equal(JSON.parse(ask.stdout).hookSpecificOutput.permissionDecision, 'ask');
    const bypass = await run(process.execPath, [cli, 'hook', 'claude'], claude(w.ws, 'railway volume delete vol_1', 'bypassPermissions'), w.env);
    assert.equal(JSON.parse(bypass.stdout).hookSpecificOutput.permissionDecision, 'deny');
    const c = await run(process.execPath, [cli, 'hook', 'cursor'], cursor(w.ws, 'cat .env'), w.env);
    assert.equal(JSON.parse(c.stdout).permission, 'deny');
    assert.doesNotMatch(c.stdout + c.stderr, /00000000-0000/, 'no secret in the answer');
    const v = await run(process.execPath, [cli, 'hook', 'vscode'], vscode(w.ws, 'terraform destroy -auto-approve'), w.env);
    assert.equal(JSON.parse(v.stdout).hookSpecificOutput.permissionDecision, 'deny');
    const log = spawnSync(process.execPath, [cli, 'log', '--json', '--workspace', w.ws], { env: { ...process.env, ...w.env }, encoding: 'utf8' });
    const events = log.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    assert.equal(events.filter((e) => e.decidedBy === 'no-editor').length, 4, log.stdout + log.stderr);
  } finally {
    rmSync(w.base, { recursive: true, force: true });
  }
});

test('malformed payload through the built CLI: deny, exit 2, one plain line on stderr', async () => {
  const w = workspace();
  try {
    const r = await run(process.execPath, [cli, 'hook', 'cursor'], '{"hook_event_name": "beforeShellExecution", "command": ', w.env);
    assert.equal(r.code, 2);
    assert.equal(JSON.parse(r.stdout).permission, 'deny');
    assert.equal(r.stderr, 'airlock hook cursor: the hook input is not valid JSON\n');
  } finally {
    rmSync(w.base, { recursive: true, force: true });
  }
});

test('editor reachable: the hook process waits for the person and answers with their decision', async () => {
  const w = workspace();
  const editor = await startFakeEditor(w.env, w.ws);
  try {
    const blocked = await run(process.execPath, [cli, 'hook', 'claude'], claude(w.ws, 'railway volume delete --environment production vol_1'), w.env);
    assert.equal(JSON.parse(blocked.stdout).hookSpecificOutput.permissionDecision, 'deny');
    assert.match(editor.shown[0]!.title, /^PRODUCTION/, "the caller's target reaches the modal");
    editor.answer = 'allow';
    const allowed = await run(process.execPath, [cli, 'hook', 'cursor'], cursor(w.ws, 'railway volume delete --environment production vol_1'), w.env);
    assert.deepEqual(JSON.parse(allowed.stdout), { permission: 'allow' });
  } finally {
    await editor.close();
    rmSync(w.base, { recursive: true, force: true });
  }
});
