import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ProtectionSnapshot, protectionLayers, protectionLevel } from '../../../src/extension/protection/protection-model';
import { egressSandboxLayer } from '../../../src/extension/sandbox/sandbox-layer';

const base: ProtectionSnapshot = {
  ipcListening: true,
  trusted: true,
  agents: {
    cursor: { detected: false, installed: false, current: false },
    claude: { detected: true, installed: true, current: true, verified: { ok: true, time: '2026-12-06T03:00:00Z', detail: 'self-test passed' } },
    vscode: { detected: false, installed: false, current: false },
  },
  shimsEnabled: true,
  shimsSupported: true,
  shimCount: 10,
  shellIntegration: { withIntegration: 1, without: 0 },
  copilotGlobalAutoApprove: false,
};

test('the Protection view shows the egress sandbox red with the exact fix when it cannot start, and the shield is then partial', () => {
  const off = egressSandboxLayer(undefined, {
    available: false,
    problem: 'bubblewrap (bwrap) is not installed',
    fix: 'install bubblewrap: sudo apt-get install -y bubblewrap',
  });
  assert.equal(off.state, 'off');
  assert.match(off.detail, /Fix: install bubblewrap: sudo apt-get install -y bubblewrap/);
  assert.match(off.detail, /fall back/);
  assert.equal(off.fix?.command, 'airlock.sandbox.showFix');
  const layers = protectionLayers({ ...base, egressSandbox: off });
  assert.ok(layers.some((l) => l.id === 'egress-sandbox' && l.state === 'off'));
  assert.equal(protectionLevel(layers).level, 'partial');
  const on = egressSandboxLayer(undefined, { available: true, platform: 'linux' });
  assert.equal(on.state, 'on');
  assert.equal(protectionLevel(protectionLayers({ ...base, egressSandbox: on })).level, 'protected');
  assert.ok(!protectionLayers(base).some((l) => l.id === 'egress-sandbox'), 'no row when the snapshot has none');
});
