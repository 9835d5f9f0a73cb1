import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { type InstallMemory, installHooks, isInstalled, pointsAt, removeHooks } from '../../../src/extension/protection/hook-installer';
import { workspaceTargets } from '../../../src/extension/protection/hook-targets';
import { refreshLauncher } from '../../../src/extension/protection/launcher-install';

function memory(): InstallMemory & { store: Map<string, { original: string | null; written: string }> } {
  const store = new Map<string, { original: string | null; written: string }>();
  return {
    store,
    get: (p) => store.get(p),
    set: (p, v) => {
      if (v) store.set(p, v);
      else store.delete(p);
    },
  };
}

test('protect then remove: new files are deleted, existing files get their exact bytes back', async () => {
  const root = mkdtempSync(join(tmpdir(), 'airlock-protect-'));
  try {
    const [cursor, claude, vscode] = workspaceTargets(root);
    assert.ok(cursor && claude && vscode);
    mkdirSync(join(root, '.claude'));
    const original = '{\n  // mine\n  "model": "opus",\n}\n';
    writeFileSync(claude.path, original);
    const mem = memory();
    for (const t of [cursor, claude, vscode]) assert.equal(await installHooks(t, '/opt/airlock/bin/airlock', mem), 'added');
    for (const t of [cursor, claude, vscode]) assert.ok(isInstalled(t) && pointsAt(t, '/opt/airlock/bin/airlock'));
    for (const t of [cursor, claude, vscode]) assert.equal(await installHooks(t, '/opt/airlock/bin/airlock', mem), 'unchanged');
    for (const t of [cursor, claude, vscode]) assert.equal(await removeHooks(t, mem), 'removed');
    assert.equal(readFileSync(claude.path, 'utf8'), original);
    assert.ok(!existsSync(cursor.path));
    assert.ok(!existsSync(vscode.path));
    assert.equal(mem.store.size, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a file edited after Airlock wrote it keeps the edits when protection is removed', async () => {
  const root = mkdtempSync(join(tmpdir(), 'airlock-protect-'));
  try {
    const [cursor] = workspaceTargets(root);
    assert.ok(cursor);
    const mem = memory();
    await installHooks(cursor, '/opt/airlock', mem);
    const edited = readFileSync(cursor.path, 'utf8').replace('"hooks": {', '"hooks": {\n    "stop": [{ "command": "./notify.sh" }],');
    writeFileSync(cursor.path, edited);
    await removeHooks(cursor, mem);
    const value = JSON.parse(readFileSync(cursor.path, 'utf8'));
    assert.deepEqual(value.hooks, { stop: [{ command: './notify.sh' }] });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the launcher refreshed into global storage runs the bundled CLI with node, passing arguments through', { skip: process.platform === 'win32' }, () => {
  const base = mkdtempSync(join(tmpdir(), 'airlock-launcher-'));
  try {
    const dist = join(base, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'airlock.js'), 'process.stdout.write(JSON.stringify({ args: process.argv.slice(2), config: process.env.AIRLOCK_GATES_CONFIG }))');
    const result = refreshLauncher(dist, join(base, 'storage'), ['**/.env'], process.env);
    assert.equal(statSync(result.paths.launcher).mode & 0o111, 0o111);
    const out = JSON.parse(execFileSync(result.paths.launcher, ['hook', 'claude', '--timeout', '300'], { encoding: 'utf8' }));
    assert.deepEqual(out.args, ['hook', 'claude', '--timeout', '300']);
    assert.deepEqual(JSON.parse(readFileSync(result.paths.gatesConfig, 'utf8')), { protectedFiles: ['**/.env'] });
    assert.match(readFileSync(result.paths.launcher, 'utf8'), /^AIRLOCK_RUNTIME_IS_ELECTRON=0$/m);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

/**
 * The launcher cannot be redirected by a file written beside it: a settings file is ignored, and a
 * changed CLI, WASM or gates.json makes it refuse the call (exit 2 blocks a Claude Code hook)
 * instead of running the changed file. Checked for both launchers the installer can write.
 */
for (const kind of ['bundled launcher with the fast path', 'plain launcher'] as const) {
  test(`the installed ${kind} cannot be redirected by files beside it`, { skip: process.platform === 'win32' }, async () => {
    const base = mkdtempSync(join(tmpdir(), 'airlock-redirect-'));
    try {
      const dist = join(base, 'dist');
      mkdirSync(join(dist, 'launcher'), { recursive: true });
      if (kind === 'bundled launcher with the fast path') {
        const { buildLauncher } = await import(join(__dirname, '../../../scripts/build-launcher.mjs'));
        await buildLauncher(join(dist, 'launcher'));
      }
      writeFileSync(join(dist, 'airlock.js'), 'process.stdout.write(JSON.stringify({ real: true, config: process.env.AIRLOCK_GATES_CONFIG }))');
      writeFileSync(join(dist, 'grammar.wasm'), 'wasm bytes');
      const result = refreshLauncher(dist, join(base, 'storage'), ['**/.env', '**/*.pem'], process.env);
      const { binDir, launcher, cli, gatesConfig } = result.paths;
      const evil = join(base, 'evil.js');
      writeFileSync(evil, 'process.stdout.write(JSON.stringify({ real: false }))');
      const call = (env: NodeJS.ProcessEnv = {}) =>
        spawnSync(launcher, ['hook', 'claude'], {
          input: '{"tool_name":"Bash","tool_input":{"command":"git reset --hard"}}',
          encoding: 'utf8',
          env: { PATH: process.env.PATH, HOME: base, ...env },
        });
      const pristine = () => refreshLauncher(dist, join(base, 'storage'), ['**/.env', '**/*.pem'], process.env);

      // 1. Settings beside it or in the environment are ignored; gates.json is the installed one.
      writeFileSync(join(binDir, 'airlock.env'), `AIRLOCK_CLI=${evil}\nAIRLOCK_GATES_CONFIG=${evil}\n`);
      const ok = call({ AIRLOCK_CLI: evil, AIRLOCK_GATES_CONFIG: join(base, 'mine.json') });
      assert.deepEqual(JSON.parse(ok.stdout), { real: true, config: gatesConfig });

      // 2. A different CLI, by content or by a symlink, is refused.
      writeFileSync(cli, readFileSync(evil));
      const out = call();
      assert.equal(out.status, 2, out.stdout);
      assert.doesNotMatch(out.stdout, /"real":false/);
      assert.match(out.stderr, /not the ones the editor installed/);
      pristine();
      rmSync(cli);
      symlinkSync(evil, cli);
      assert.equal(call().status, 2);
      pristine();

      // 3. A gates.json that protects less (or nothing) is refused.
      writeFileSync(gatesConfig, '{"protectedFiles":["nothing-here"]}');
      assert.equal(call().status, 2);
      pristine();

      // 4. A swapped WASM (the shell grammar the CLI loads) is refused.
      writeFileSync(join(binDir, 'grammar.wasm'), 'other bytes');
      assert.equal(call().status, 2);
      pristine();
      assert.equal(call().status, 0, 'reinstalled: runs again');
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
}
