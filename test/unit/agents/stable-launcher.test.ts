import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { STABLE_LAUNCHER_DIR, stableLauncherPath } from '../../../src/core/protection/stable-launcher';
import { ensureStableLauncher } from '../../../src/extension/protection/stable-launcher';

test('the stable path is per user and outside any editor profile', () => {
  assert.deepEqual([...STABLE_LAUNCHER_DIR], ['.local', 'share', 'airlock', 'bin']);
  assert.equal(stableLauncherPath('/home/dev', 'linux'), '/home/dev/.local/share/airlock/bin/airlock');
  assert.match(stableLauncherPath('C:\\Users\\dev', 'win32'), /airlock\.cmd$/);
});

test('Protect puts a forwarder at the stable path that runs the current launcher; a real launcher there is left alone', {
  skip: process.platform === 'win32',
}, () => {
  const base = mkdtempSync(join(tmpdir(), 'airlock-stable-'));
  try {
    const home = join(base, 'home');
    const storage = join(base, "profile with 'quote'", 'bin');
    mkdirSync(storage, { recursive: true });
    const launcher = join(storage, 'airlock');
    writeFileSync(launcher, '#!/bin/sh\necho "ran with: $*"\n');
    chmodSync(launcher, 0o755);
    const stable = ensureStableLauncher(launcher, home);
    assert.equal(stable, join(home, '.local/share/airlock/bin/airlock'));
    assert.equal(execFileSync(stable, ['hook', 'codex', '--timeout', '300'], { encoding: 'utf8' }), 'ran with: hook codex --timeout 300\n');
    // The editor's launcher moved (a new profile): the forwarder follows.
    const moved = join(base, 'other', 'airlock');
    mkdirSync(join(base, 'other'));
    writeFileSync(moved, '#!/bin/sh\necho moved\n');
    chmodSync(moved, 0o755);
    ensureStableLauncher(moved, home);
    assert.equal(execFileSync(stable, [], { encoding: 'utf8' }), 'moved\n');
    // The launcher installer's real launcher is never replaced by a forwarder.
    writeFileSync(stable, '#!/bin/sh\necho real\n');
    ensureStableLauncher(launcher, home);
    assert.equal(readFileSync(stable, 'utf8'), '#!/bin/sh\necho real\n');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
