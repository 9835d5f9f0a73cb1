import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { before, test } from 'node:test';
import { installedCommand } from '../../../src/core/protection/agent-status';
import { AGENT_IDS, AGENTS, type HookAgent } from '../../../src/core/protection/agents';
import { runHookCommand, selfTest } from '../../../src/core/protection/self-test';
import { type InstallMemory, installHooks } from '../../../src/extension/protection/hook-installer';
import { workspaceTargets } from '../../../src/extension/protection/hook-targets';
import { ensureDist } from '../dist';
import { startFakeEditor } from '../trust/editor-key';
import { PAYLOADS } from './fixtures';

/** The built launcher and CLI, installed into hook files as Protect installs them, run as each agent runs them. */
const root = resolve(__dirname, '../../..');
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

async function protectedWorkspace() {
  const base = mkdtempSync(join(tmpdir(), 'airlock-installed-'));
  const ws = join(base, 'ws');
  mkdirSync(ws);
  writeFileSync(join(ws, '.env'), 'RAILWAY_TOKEN=00000000-0000-0000-0000-000000000000\n');
  const env = {
    PATH: process.env.PATH,
    AIRLOCK_RUNTIME_DIR: join(base, 'run'),
    AIRLOCK_STATE_DIR: join(base, 'state'),
    HOME: join(base, 'home'),
    XDG_CONFIG_HOME: join(base, 'config'),
  };
  const runs = new Map<HookAgent, { command: string } | { file: string }>();
  for (const t of workspaceTargets(ws)) {
    await installHooks(t, launcher, mem);
    if (t.format.executable) runs.set(t.agent, { file: t.path });
    else {
      const command = installedCommand(readFileSync(t.path, 'utf8'));
      assert.ok(command, `${t.label}: the file names an Airlock command`);
      runs.set(t.agent, { command });
    }
  }
  return { base, ws, env, runs };
}

function payload(agent: HookAgent, kind: 'shell' | 'read', arg: string, ws: string): string {
  const p = PAYLOADS[agent];
  // The fixtures use /work/demo-app: put the real workspace in its place.
  const raw = kind === 'read' && p.read ? p.read(arg) : p.shell(kind === 'read' ? `cat ${arg}` : arg);
  // Each call its own id: the same id is the same call, which Airlock decides once.
  const unique = { ...(raw as Record<string, unknown>) };
  for (const key of ['tool_use_id', 'callID']) if (key in unique) unique[key] = `${String(unique[key])}-${++calls}`;
  return JSON.stringify(unique).split('/work/demo-app').join(ws);
}
let calls = 0;

test("every agent's self-test passes through the command its installed hook file names", async () => {
  const w = await protectedWorkspace();
  try {
    for (const agent of AGENT_IDS) {
      const result = await selfTest(agent, w.runs.get(agent)!, w.env);
      assert.ok(result.ok, `${agent}: ${result.detail}`);
    }
  } finally {
    rmSync(w.base, { recursive: true, force: true });
  }
});

test('a broken install is caught by the self-test, with what failed', async () => {
  const w = await protectedWorkspace();
  try {
    const missing = await selfTest('codex', { command: '/nonexistent/airlock hook codex --timeout 300' }, w.env);
    assert.equal(missing.ok, false);
    assert.match(missing.detail, /benign "git status" was not let through|not blocked/);
    const wrongAgent = await selfTest('windsurf', { command: `${launcher} hook claude --timeout 300` }, w.env);
    assert.equal(wrongAgent.ok, false, "an answer in another agent's format does not count");
  } finally {
    rmSync(w.base, { recursive: true, force: true });
  }
});

test("no editor: through the installed command, destructive and secret-reading calls are denied (ask where the agent's own prompt reaches a person); malformed input is denied", async () => {
  const w = await protectedWorkspace();
  try {
    for (const agent of AGENT_IDS) {
      const mod = AGENTS[agent];
      const run = w.runs.get(agent)!;
      const destructive = await runHookCommand(run, payload(agent, 'shell', 'railway volume delete --environment production vol_1', w.ws), w.env, w.ws);
      assert.equal(mod.selfTest.read(destructive), agent === 'claude' || agent === 'copilot' ? 'ask' : 'deny', `${agent}: ${JSON.stringify(destructive)}`);
      const secret = await runHookCommand(run, payload(agent, 'read', join(w.ws, '.env'), w.ws), w.env, w.ws);
      assert.notEqual(mod.selfTest.read(secret), 'allow', `${agent} secret read: ${JSON.stringify(secret)}`);
      assert.doesNotMatch(secret.stdout + secret.stderr, /00000000-0000/, 'no secret in the answer');
      const malformed = await runHookCommand(run, '{"half": ', w.env, w.ws);
      assert.equal(mod.selfTest.read(malformed), 'deny', `${agent} malformed: ${JSON.stringify(malformed)}`);
    }
  } finally {
    rmSync(w.base, { recursive: true, force: true });
  }
});

test("editor reachable: through the installed command the person's answer reaches every agent in its own format", async () => {
  const w = await protectedWorkspace();
  const editor = await startFakeEditor(w.env, w.ws);
  try {
    for (const agent of AGENT_IDS) {
      const mod = AGENTS[agent];
      const run = w.runs.get(agent)!;
      editor.answer = 'block';
      const blocked = await runHookCommand(run, payload(agent, 'shell', `railway volume delete --environment production vol_${agent}`, w.ws), w.env, w.ws);
      assert.equal(mod.selfTest.read(blocked), 'deny', `${agent}: ${JSON.stringify(blocked)}`);
      editor.answer = 'allow';
      const allowed = await runHookCommand(run, payload(agent, 'shell', `railway volume delete --environment production vol_${agent}_2`, w.ws), w.env, w.ws);
      assert.equal(mod.selfTest.read(allowed), 'allow', `${agent}: ${JSON.stringify(allowed)}`);
    }
    assert.equal(editor.shown.length, AGENT_IDS.length * 2, 'one modal per call');
  } finally {
    await editor.close();
    rmSync(w.base, { recursive: true, force: true });
  }
});
