import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readGateOptions } from '../../../src/core/protection/read-gate';
import { fakeUuid } from '../../../src/core/tokens/fake';
import { WorkspaceScanner } from '../../../src/core/tokens/scan';
import { type AgentSnapshot, guardedAgents, type ProtectionSnapshot, protectionLayers } from '../../../src/extension/protection/protection-model';
import { tokenFileDescription, tokenStatus } from '../../../src/extension/tokens/token-status';

/**
 * The Exposed Tokens view model as the extension builds it: the Protection feature's layers say
 * which agents are guarded, the scan counts only those as blocked by the read gate, and the key
 * status item counts the tokens agents can read (never all of them as if they were).
 */
function snapshot(agents: ProtectionSnapshot['agents']): ProtectionSnapshot {
  return {
    ipcListening: true,
    trusted: true,
    agents,
    shimsEnabled: false,
    shimsSupported: true,
    shimCount: 0,
    shellIntegration: { withIntegration: 0, without: 0 },
    copilotGlobalAutoApprove: false,
  };
}
const verified: AgentSnapshot = {
  detected: true,
  installed: true,
  current: true,
  where: '.claude/settings.json',
  verified: { ok: true, time: '2026-12-06T03:00:00Z', detail: 'ok' },
};

async function scanWith(agents: ProtectionSnapshot['agents']) {
  const root = mkdtempSync(join(tmpdir(), 'airlock-tokenview-'));
  try {
    mkdirSync(join(root, 'ops'));
    writeFileSync(join(root, '.env.production'), `RAILWAY_API_TOKEN=${fakeUuid()}\n`);
    writeFileSync(join(root, 'ops', 'deploy.sh'), `RAILWAY_API_TOKEN=${fakeUuid()}\n`);
    const gate = readGateOptions(guardedAgents(protectionLayers(snapshot(agents))));
    return (await new WorkspaceScanner(root, gate).scanAll()).findings;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('no hook installed: nothing is guarded, every token counts as readable and no row says "blocked"', async () => {
  assert.deepEqual(guardedAgents(protectionLayers(snapshot({}))), []);
  const findings = await scanWith({});
  const model = tokenStatus(findings);
  assert.equal(model.readable, 2);
  assert.equal(model.text, '$(key) 2 $(unlock) 2');
  assert.deepEqual(model.badge, { value: 2, tooltip: '2 token(s) AI agents can read' });
  const env = findings.filter((f) => f.file === '.env.production');
  assert.equal(tokenFileDescription(env), '1 token · agents can read');
});

test('detected but not installed, installed but not verified, or verified but stale: still nothing is guarded', async () => {
  for (const claude of [
    { detected: true, installed: false, current: false },
    { ...verified, verified: undefined },
    { ...verified, verified: { ok: false, time: '2026-12-06T03:00:00Z', detail: 'destructive not blocked' } },
    { ...verified, current: false },
  ] satisfies AgentSnapshot[]) {
    assert.deepEqual(guardedAgents(protectionLayers(snapshot({ claude }))), [], JSON.stringify(claude));
  }
  assert.equal(tokenStatus(await scanWith({ claude: { ...verified, verified: undefined } })).readable, 2);
});

test('a verified Claude Code hook: the protected file is blocked by "Airlock read gate (Claude Code)", the count drops to 1', async () => {
  assert.deepEqual(guardedAgents(protectionLayers(snapshot({ claude: verified }))), ['claude']);
  const findings = await scanWith({ claude: verified });
  const env = findings.filter((f) => f.file === '.env.production');
  assert.deepEqual(env[0]!.blockedBy, ['Airlock read gate (Claude Code)']);
  assert.equal(tokenFileDescription(env), '1 token · agents blocked (Airlock read gate (Claude Code))');
  assert.equal(tokenFileDescription(findings.filter((f) => f.file === 'ops/deploy.sh')), '1 token · agents can read');
  const model = tokenStatus(findings);
  assert.equal(model.readable, 1);
  assert.equal(model.text, '$(key) 2 $(unlock) 1');
  assert.match(model.tooltip, /2 exposed tokens, 1 readable by AI agents/);
});

test('a verified Codex hook (it never sees reads) blocks nothing; with Cursor too only Cursor is named', async () => {
  assert.equal(tokenStatus(await scanWith({ codex: verified })).readable, 2);
  const findings = await scanWith({ codex: verified, cursor: verified });
  assert.deepEqual(findings.find((f) => f.file === '.env.production')!.blockedBy, ['Airlock read gate (Cursor)']);
});

test('no findings: a plain zero, no badge', () => {
  assert.deepEqual(tokenStatus([]), { readable: 0, text: '$(key) 0', tooltip: 'Airlock: no exposed tokens found', badge: undefined });
});
