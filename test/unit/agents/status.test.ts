import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, test } from 'node:test';
import { agentInventory } from '../../../src/core/protection/agent-inventory';
import { type InstallMemory, installHooks } from '../../../src/extension/protection/hook-installer';
import { userTargets, workspaceTargets } from '../../../src/extension/protection/hook-targets';
import { ensureDist } from '../dist';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist/airlock.js');
const launcher = join(root, 'dist/launcher/airlock');

before(() => {
  ensureDist();
});

const mem: InstallMemory = (() => {
  const m = new Map();
  return {
    get: (p: string) => m.get(p),
    set: (p: string, v: unknown) => {
      if (v) m.set(p, v);
      else m.delete(p);
    },
  };
})() as InstallMemory;

function machine() {
  const base = mkdtempSync(join(tmpdir(), 'airlock-status-'));
  const home = join(base, 'home');
  const bin = join(base, 'bin');
  const ws = join(base, 'ws');
  for (const d of [home, bin, ws, join(home, '.codex'), join(home, '.gemini'), join(ws, '.kiro')]) mkdirSync(d, { recursive: true });
  writeFileSync(join(bin, 'opencode'), '#!/bin/sh\n');
  chmodSync(join(bin, 'opencode'), 0o755);
  return { base, home, bin, ws };
}

test('the inventory finds agents by their config folders, programs on PATH and workspace folders', () => {
  const m = machine();
  try {
    const found = Object.fromEntries(agentInventory({ home: m.home, path: m.bin, root: m.ws }).map((p) => [p.agent, [...p.machine, ...p.workspace]]));
    assert.deepEqual(found.codex, ['~/.codex']);
    assert.deepEqual(found.gemini, ['~/.gemini']);
    assert.deepEqual(found.opencode, [join(m.bin, 'opencode')]);
    assert.deepEqual(found.kiro, ['.kiro']);
    assert.deepEqual(found.claude, []);
    assert.deepEqual(found.windsurf, []);
  } finally {
    rmSync(m.base, { recursive: true, force: true });
  }
});

function status(m: ReturnType<typeof machine>, ...args: string[]) {
  return spawnSync(process.execPath, [cli, 'status', '--cwd', m.ws, ...args], {
    env: { PATH: `${m.bin}:${process.env.PATH}`, HOME: m.home, AIRLOCK_RUNTIME_DIR: join(m.base, 'run'), AIRLOCK_STATE_DIR: join(m.base, 'state') },
    encoding: 'utf8',
  });
}

test('airlock status: every agent found, guarded only when its hook is installed and its self-test passes now', async () => {
  const m = machine();
  try {
    const bare = status(m, '--json');
    assert.equal(bare.status, 1, 'agents run unguarded');
    const listed = JSON.parse(bare.stdout).agents as Array<{ agent: string; guarded: boolean; found: string[] }>;
    // PATH also has this machine's node and maybe real agents: only check ours.
    for (const agent of ['codex', 'gemini', 'opencode', 'kiro']) assert.equal(listed.find((a) => a.agent === agent)?.guarded, false, agent);
    for (const t of [
      ...userTargets(m.home).filter((x) => x.agent === 'codex' || x.agent === 'gemini'),
      ...workspaceTargets(m.ws).filter((x) => x.agent === 'kiro' || x.agent === 'opencode'),
    ])
      await installHooks(t, launcher, mem);
    const after = status(m, '--json');
    const agents = JSON.parse(after.stdout).agents as Array<{ agent: string; guarded: boolean; hooks: Array<{ test?: { ok: boolean } }> }>;
    for (const agent of ['codex', 'gemini', 'opencode', 'kiro']) {
      const a = agents.find((x) => x.agent === agent)!;
      assert.equal(a.guarded, true, `${agent}: ${JSON.stringify(a)}`);
      assert.ok(a.hooks.every((h) => h.test?.ok));
    }
    const text = status(m);
    assert.match(text.stdout, /Codex CLI: guarded\n {4}found: ~\/\.codex\n {4}hook: {2}~\/\.codex\/hooks\.json \(verified /);
    // Without the self-test nothing is claimed.
    const untested = JSON.parse(status(m, '--json', '--no-test').stdout).agents as Array<{ agent: string; guarded: boolean }>;
    assert.ok(
      untested.every((a) => !a.guarded),
      'not tested: not guarded',
    );
    // A weakened entry still passes the one harmless self-test command, and is not guarded:
    // Airlock's entries must be exactly as it writes them.
    const codexFile = userTargets(m.home).find((x) => x.agent === 'codex')!.path;
    const written = readFileSync(codexFile, 'utf8');
    for (const weakened of [written.replace(/"timeout": \d+/, '"timeout": 3600'), written.replace(/"matcher": "[^"]*"/, '"matcher": "Read"')]) {
      assert.notEqual(weakened, written, 'the weakening changed the file');
      writeFileSync(codexFile, weakened);
      const codex = JSON.parse(status(m, '--json').stdout).agents.find((a: { agent: string }) => a.agent === 'codex');
      assert.equal(codex.guarded, false, weakened);
      assert.equal(codex.hooks[0].altered, true);
      assert.match(status(m).stdout, /Codex CLI: NOT GUARDED \(Airlock's entry was changed\)/);
    }
    writeFileSync(codexFile, written);
    assert.equal(JSON.parse(status(m, '--json').stdout).agents.find((a: { agent: string }) => a.agent === 'codex').guarded, true);
    // A hook pointing at a launcher that is gone is not guarded.
    const gone = userTargets(m.home).find((x) => x.agent === 'gemini')!;
    await installHooks(gone, join(m.base, 'missing', 'airlock'), mem);
    const broken = JSON.parse(status(m, '--json').stdout).agents.find((a: { agent: string }) => a.agent === 'gemini');
    assert.equal(broken.guarded, false);
    assert.match(broken.hooks[0].test.detail, /not let through|not blocked/);
  } finally {
    rmSync(m.base, { recursive: true, force: true });
  }
});
