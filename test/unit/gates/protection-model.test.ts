import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COPILOT_DENY_PATTERNS, hasAirlockDenies, withAirlockDenies, withoutAirlockDenies } from '../../../src/extension/protection/copilot-settings';
import { type ProtectionSnapshot, protectionLayers, protectionLevel } from '../../../src/extension/protection/protection-model';

function toRegExp(key: string): RegExp {
  const match = /^\/(.*)\/([a-z]*)$/s.exec(key)!;
  return new RegExp(match[1]!, match[2]);
}

test('Copilot deny patterns catch the destructive commands and leave everyday ones alone', () => {
  const patterns = Object.keys(COPILOT_DENY_PATTERNS).map(toRegExp);
  const hits = (line: string) => patterns.some((p) => p.test(line));
  for (const line of [
    'rm -rf build',
    'git push --force origin main',
    'git reset --hard HEAD~3',
    'railway volume delete vol_1',
    'terraform destroy',
    'kubectl delete ns prod',
    'helm uninstall api',
    'docker compose down -v',
    'psql -c "DROP TABLE users"',
    'curl -X DELETE https://api.example.com/v1/x',
    'aws s3 rm s3://b --recursive',
    'prisma migrate reset',
  ]) {
    assert.ok(hits(line), `${line} should always ask`);
  }
  for (const line of ['git status', 'npm test', 'ls -la', 'railway status', 'terraform plan', 'kubectl get pods', 'docker ps', 'git push origin feature']) {
    assert.ok(!hits(line), `${line} should not be touched`);
  }
});

test("the Copilot setting keeps the person's own entries and loses only Airlock's on removal", () => {
  const mine = { 'npm test': true, '/^git status$/': true };
  const added = withAirlockDenies(mine);
  assert.ok(hasAirlockDenies(added));
  assert.equal(added['npm test'], true);
  assert.deepEqual(withoutAirlockDenies(added), mine);
});

const base: ProtectionSnapshot = {
  ipcListening: true,
  trusted: true,
  agents: {
    cursor: { detected: false, installed: false, current: false },
    claude: {
      detected: true,
      installed: true,
      current: true,
      where: '.claude/settings.json',
      verified: { ok: true, time: '2026-12-06T03:00:00.000Z', detail: 'Claude Code: benign passed, destructive blocked' },
    },
    vscode: { detected: false, installed: false, current: false },
  },
  shimsEnabled: true,
  shimsSupported: true,
  shimCount: 60,
  shellIntegration: { withIntegration: 1, without: 0 },
  copilotGlobalAutoApprove: false,
};

test('every detected agent hooked and the terminal gate on: protected', () => {
  assert.equal(protectionLevel(protectionLayers(base)).level, 'protected');
});

test('a detected agent without its hook is a gap with a fix; an outdated hook too', () => {
  const missing = protectionLayers({ ...base, agents: { ...base.agents, cursor: { detected: true, installed: false, current: false } } });
  const cursor = missing.find((l) => l.id === 'hook-cursor')!;
  assert.equal(cursor.state, 'off');
  assert.equal(cursor.fix?.command, 'airlock.protectWorkspace');
  assert.equal(protectionLevel(missing).level, 'partial');
  const stale = protectionLayers({ ...base, agents: { ...base.agents, claude: { detected: true, installed: true, current: false } } });
  assert.equal(stale.find((l) => l.id === 'hook-claude')!.state, 'stale');
});

test('nothing guarding: off; an untrusted workspace says where to protect instead', () => {
  const layers = protectionLayers({
    ...base,
    trusted: false,
    shimsEnabled: false,
    agents: { ...base.agents, claude: { detected: true, installed: false, current: false } },
  });
  assert.equal(protectionLevel(layers).level, 'off');
  assert.match(layers.find((l) => l.id === 'hook-claude')!.detail, /not trusted/);
});

test('global auto-approve in Copilot is flagged', () => {
  assert.equal(protectionLayers({ ...base, copilotGlobalAutoApprove: true }).find((l) => l.id === 'copilot-auto-approve')?.state, 'warning');
});

test('never overstated: installed but not verified, or verified with a failure, is a gap and never "on"', () => {
  const unverified = protectionLayers({ ...base, agents: { ...base.agents, claude: { detected: true, installed: true, current: true } } });
  const layer = unverified.find((l) => l.id === 'hook-claude')!;
  assert.equal(layer.state, 'unverified');
  assert.match(layer.detail, /not verified/);
  assert.equal(protectionLevel(unverified).level, 'partial', 'an unverified hook is a gap');
  assert.equal(
    protectionLevel(protectionLayers({ ...base, shimsEnabled: false, agents: { ...base.agents, claude: { detected: true, installed: true, current: true } } }))
      .level,
    'off',
    'and no guard',
  );
  const failed = protectionLayers({
    ...base,
    agents: {
      ...base.agents,
      claude: {
        detected: true,
        installed: true,
        current: true,
        verified: { ok: false, time: '2026-12-06T03:00:00.000Z', detail: '"rm -rf /" was not blocked: exit code 127' },
      },
    },
  });
  assert.match(failed.find((l) => l.id === 'hook-claude')!.detail, /self-test failed .*exit code 127/);
  const ok = protectionLayers(base).find((l) => l.id === 'hook-claude')!;
  assert.equal(ok.state, 'on');
  assert.match(ok.detail, /verified 2026-12-06 03:00 UTC/);
});

test('every agent found on the machine is listed with whether it is guarded; absent new agents are not', () => {
  const layers = protectionLayers({
    ...base,
    agents: { ...base.agents, codex: { detected: true, installed: false, current: false, machine: ['~/.codex', '/usr/local/bin/codex'] } },
  });
  const codex = layers.find((l) => l.id === 'hook-codex')!;
  assert.equal(codex.state, 'off');
  assert.match(codex.detail, /~\/\.codex, \/usr\/local\/bin\/codex/);
  assert.equal(
    layers.find((l) => l.id === 'hook-gemini'),
    undefined,
  );
  assert.equal(protectionLevel(layers).level, 'partial');
});
