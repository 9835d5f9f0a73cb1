import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ProtectionSnapshot, protectionLayers, protectionLevel } from '../../../src/extension/protection/protection-model';
import { teamLayersFrom } from '../../../src/extension/team/team-layers';

const base: ProtectionSnapshot = {
  ipcListening: true,
  trusted: true,
  agents: {
    cursor: { detected: false, installed: false, current: false },
    claude: { detected: true, installed: true, current: true },
    vscode: { detected: false, installed: false, current: false },
  },
  shimsEnabled: true,
  shimsSupported: true,
  shimCount: 30,
  shellIntegration: { withIntegration: 1, without: 0 },
  copilotGlobalAutoApprove: false,
};

test('Protection view: a managed policy is shown as managed', () => {
  const layers = teamLayersFrom({ managed: { path: '/etc/airlock/policy.json' } });
  assert.equal(layers.length, 1);
  assert.equal(layers[0]!.id, 'managed-policy');
  assert.match(layers[0]!.detail, /Managed by your organization \(\/etc\/airlock\/policy\.json\).*only make it stricter/);
});

test('Protection view: "export failing since …" while the collector is down, with what waits', () => {
  const now = new Date('2026-12-06T03:30:00Z');
  const [layer] = teamLayersFrom(
    {
      export: {
        endpoint: 'http://collector.corp:4318/v1/logs',
        locked: true,
        pending: 12,
        failingSince: '2026-12-06T03:00:00.000Z',
        lastError: 'ECONNREFUSED: connect',
      },
    },
    now,
  );
  assert.equal(layer!.state, 'warning');
  assert.match(layer!.detail, /^Export failing since 2026-12-06 03:00 UTC \(30 min\): ECONNREFUSED/);
  assert.match(layer!.detail, /12 event\(s\) wait on disk.*collector\.corp:4318 \(set by the managed policy\)/);
  const ok = teamLayersFrom({ export: { endpoint: 'http://collector.corp:4318/v1/logs', locked: false, pending: 0 } }, now);
  assert.equal(ok[0]!.state, 'on');
  assert.deepEqual(teamLayersFrom({}), [], 'nothing configured: no team lines');
});

test('the Protection model shows team layers as given; a failing export warns but does not lower the shield', () => {
  const team = teamLayersFrom({
    managed: { path: '/etc/airlock/policy.json' },
    export: { endpoint: 'http://c:4318/v1/logs', locked: true, pending: 1, failingSince: '2026-12-06T03:00:00.000Z' },
  });
  const layers = protectionLayers({ ...base, team });
  assert.deepEqual(
    layers.slice(-2).map((l) => l.id),
    ['managed-policy', 'export'],
  );
  assert.equal(protectionLevel(layers).level, protectionLevel(protectionLayers(base)).level);
});
