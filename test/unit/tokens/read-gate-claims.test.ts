import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, test } from 'node:test';
import type { CliIO } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';
import { readGateAgents, readGateOptions } from '../../../src/core/protection/read-gate';
import { fakeUuid } from '../../../src/core/tokens/fake';
import { type InstallMemory, installHooks } from '../../../src/extension/protection/hook-installer';
import { workspaceTargets } from '../../../src/extension/protection/hook-targets';

/**
 * A safety tool must never overstate protection: `airlock scan` may say a file is blocked by
 * Airlock's read gate only for agents whose hook answers reads and passes its self-test now.
 */
const repo = resolve(__dirname, '../../..');
const launcher = join(repo, 'dist/launcher/airlock');

before(() => {
  const build = spawnSync(process.execPath, [join(repo, 'esbuild.mjs')], { cwd: repo, encoding: 'utf8' });
  assert.ok(build.status === 0 && existsSync(launcher), `build failed: ${build.stderr}`);
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
  const base = mkdtempSync(join(tmpdir(), 'airlock-readgate-'));
  const home = join(base, 'home');
  const ws = join(base, 'ws');
  mkdirSync(home, { recursive: true });
  mkdirSync(join(ws, 'src'), { recursive: true });
  writeFileSync(join(ws, '.env.production'), `RAILWAY_API_TOKEN=${fakeUuid()}\n`);
  writeFileSync(join(ws, 'src', 'deploy.sh'), `RAILWAY_API_TOKEN=${fakeUuid()}\n`);
  const env: NodeJS.ProcessEnv = { HOME: home, PATH: process.env.PATH, AIRLOCK_RUNTIME_DIR: join(base, 'run'), AIRLOCK_STATE_DIR: join(base, 'state') };
  return { base, home, ws, env };
}

async function scan(m: ReturnType<typeof machine>, ...args: string[]) {
  const out = { text: '', err: '' };
  const io: CliIO = {
    stdout: (t) => {
      out.text += t;
    },
    stderr: (t) => {
      out.err += t;
    },
    readStdin: async () => '',
    env: m.env,
    cwd: m.ws,
  };
  const code = await runCli(['scan', ...args], io);
  return { code, ...out };
}

type Finding = { file: string; agentReadable: boolean; blockedBy: string[] };
const byFile = (text: string) => Object.fromEntries((JSON.parse(text).findings as Finding[]).map((f) => [f.file, f]));

test('no agent hook installed: every token counts as readable, and the summary says so', async () => {
  const m = machine();
  try {
    const json = byFile((await scan(m, '--json')).text);
    assert.equal(json['.env.production']!.agentReadable, true, 'the read gate protects nobody without a hook');
    assert.deepEqual(json['.env.production']!.blockedBy, []);
    const text = await scan(m);
    assert.match(text.text, /2 exposed tokens in 2 files \(\d+ scanned\)\. 2 readable by AI agents\./);
    assert.doesNotMatch(text.text, /read gate/);
  } finally {
    rmSync(m.base, { recursive: true, force: true });
  }
});

test('a verified Claude Code hook: protected files are blocked "by the Airlock read gate (Claude Code)", others stay readable', async () => {
  const m = machine();
  try {
    mkdirSync(join(m.ws, '.claude'));
    await installHooks(workspaceTargets(m.ws).find((t) => t.agent === 'claude')!, launcher, mem);
    const json = byFile((await scan(m, '--json')).text);
    assert.equal(json['.env.production']!.agentReadable, false);
    assert.deepEqual(json['.env.production']!.blockedBy, ['Airlock read gate (Claude Code)']);
    assert.equal(json['src/deploy.sh']!.agentReadable, true, 'not a protected file');
    assert.match((await scan(m)).text, /1 readable by AI agents\./);
  } finally {
    rmSync(m.base, { recursive: true, force: true });
  }
});

test('way around 1: a hook file that names Airlock but fails its self-test claims nothing', async () => {
  const m = machine();
  try {
    await installHooks(workspaceTargets(m.ws).find((t) => t.agent === 'claude')!, join(m.base, 'gone', 'airlock'), mem);
    const json = byFile((await scan(m, '--json')).text);
    assert.equal(json['.env.production']!.agentReadable, true);
    assert.deepEqual(json['.env.production']!.blockedBy, []);
  } finally {
    rmSync(m.base, { recursive: true, force: true });
  }
});

test('way around 2: a verified hook of an agent whose hook never sees reads (Codex) blocks no read', async () => {
  const m = machine();
  try {
    await installHooks(workspaceTargets(m.ws).find((t) => t.agent === 'codex')!, launcher, mem);
    assert.match(readFileSync(workspaceTargets(m.ws).find((t) => t.agent === 'codex')!.path, 'utf8'), /airlock/);
    const json = byFile((await scan(m, '--json')).text);
    assert.equal(json['.env.production']!.agentReadable, true);
    assert.deepEqual(json['.env.production']!.blockedBy, []);
  } finally {
    rmSync(m.base, { recursive: true, force: true });
  }
});

test('way around 3: an Airlock-looking entry typed into the file by hand (no launcher behind it) claims nothing', async () => {
  const m = machine();
  try {
    mkdirSync(join(m.ws, '.claude'));
    writeFileSync(
      join(m.ws, '.claude', 'settings.json'),
      JSON.stringify({ hooks: { PreToolUse: [{ matcher: 'Read', hooks: [{ type: 'command', command: 'true # airlock hook claude' }] }] } }),
    );
    const json = byFile((await scan(m, '--json')).text);
    assert.equal(json['.env.production']!.agentReadable, true);
  } finally {
    rmSync(m.base, { recursive: true, force: true });
  }
});

test('readGateAgents names only guarded agents whose hooks answer reads, in a stable order', () => {
  assert.deepEqual(readGateAgents([]), []);
  assert.deepEqual(readGateAgents(['codex']), []);
  assert.deepEqual(readGateAgents(['claude', 'cursor', 'codex']), ['Cursor', 'Claude Code']);
  assert.deepEqual(readGateOptions([]), { readGateActive: false, readGateAgents: [] });
  assert.deepEqual(readGateOptions(['claude']), { readGateActive: true, readGateAgents: ['Claude Code'] });
});
