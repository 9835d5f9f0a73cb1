import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ActivityEvent } from '../../../src/core/events';
import type { CheckResult } from '../../../src/core/findings';
import { runHook } from '../../../src/core/hooks/run-hook';
import type { ConfirmRequest } from '../../../src/core/ipc/protocol';
import { openWorkspaceLog } from '../../../src/core/log';
import { completeEvent, type NewActivityEvent } from '../../../src/core/log/event-factory';
import { presentEvent } from '../../../src/extension/activity/event-presentation';
import type { AirlockApi } from '../../../src/extension/feature';
import { confirmationView } from '../../../src/extension/gates/confirmation-text';
import { GateRecorder } from '../../../src/extension/gates/gate-recorder';

// The Activity view offers "Trust This Rule" only for events that name the rule that stopped
// them: every gate event must carry the first finding's rule, severity, environment and evidence.

const volumeDelete: CheckResult = {
  decision: 'ask',
  environment: 'production',
  confirmation: 'typed',
  target: {
    name: 'production',
    resource: 'vol_1',
    environment: 'production',
    evidence: [{ source: '.railway/config.json', value: 'production' }],
    sharedWith: [],
  },
  findings: [
    {
      rule: 'railway.volume-delete',
      severity: 'critical',
      decision: 'ask',
      reason: 'Deletes a Railway volume and every byte on it',
      segment: 'railway volume delete vol_1',
    },
  ],
};
const request: ConfirmRequest = {
  kind: 'command',
  requester: 'claude',
  command: 'railway volume delete vol_1',
  cwd: '/w',
  timeoutMs: 1000,
  check: volumeDelete,
};

function recorderInto(events: NewActivityEvent[]): GateRecorder {
  const api = {
    version: '0',
    activeFeatures: [],
    activity: {
      record: async (e: NewActivityEvent) => {
        events.push(e);
      },
    },
  } as unknown as AirlockApi;
  return new GateRecorder(api, () => '/w');
}

test('a confirmation the person blocked reaches the activity service with rule, severity, environment and evidence, and can be trusted', async () => {
  const events: NewActivityEvent[] = [];
  await recorderInto(events).confirmation(request, confirmationView({ ...request, check: volumeDelete }), {
    decision: 'deny',
    decidedBy: 'person',
    message: 'blocked',
  });
  assert.equal(events.length, 1);
  const [event] = events;
  assert.equal(event!.rule, 'railway.volume-delete');
  assert.equal(event!.severity, 'critical');
  assert.equal(event!.environment, 'production');
  assert.deepEqual(event!.evidence, ['.railway/config.json: production']);
  assert.match(presentEvent(completeEvent(event!)).contextValue, /\btrustable\b/);
});

test('without the activity feature the recorder writes the rule into the workspace log itself', async () => {
  const root = mkdtempSync(join(tmpdir(), 'airlock-gate-rule-'));
  const previous = process.env.AIRLOCK_STATE_DIR;
  process.env.AIRLOCK_STATE_DIR = join(root, 'state');
  try {
    const api = { version: '0', activeFeatures: [] } as unknown as AirlockApi;
    await new GateRecorder(api, () => root).confirmation({ ...request, cwd: root }, confirmationView({ ...request, cwd: root, check: volumeDelete }), {
      decision: 'deny',
      decidedBy: 'timeout',
      message: 'expired',
    });
    const log = await openWorkspaceLog(root);
    const stored = log
      .read()
      .events.map((s) => s.event)
      .filter((e) => e.kind === 'confirmation');
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.rule, 'railway.volume-delete');
    assert.equal(stored[0]!.severity, 'critical');
  } finally {
    if (previous === undefined) delete process.env.AIRLOCK_STATE_DIR;
    else process.env.AIRLOCK_STATE_DIR = previous;
    rmSync(root, { recursive: true, force: true });
  }
});

async function hookLogged(command: string, assess: (line: string) => Promise<CheckResult>): Promise<ActivityEvent[]> {
  const logged: ActivityEvent[] = [];
  await runHook({
    agent: 'cursor',
    cwd: '/w',
    env: {},
    timeoutMs: 5000,
    assess,
    ask: async () => ({ unreachable: 'no editor' }),
    readStdin: async () =>
      JSON.stringify({ hook_event_name: 'beforeShellExecution', conversation_id: 'c1', generation_id: 'g1', workspace_roots: ['/w'], command, cwd: '/w' }),
    record: async (e) => {
      logged.push(e);
    },
  });
  return logged;
}

test('a hook decision logged without an editor names the rule, severity and evidence', async () => {
  const [event] = await hookLogged('railway volume delete vol_1', async () => volumeDelete);
  assert.equal(event?.kind, 'decision');
  assert.equal(event?.decision, 'deny');
  assert.equal(event?.rule, 'railway.volume-delete');
  assert.equal(event?.severity, 'critical');
  assert.deepEqual(event?.evidence, ['.railway/config.json: production']);
  assert.match(presentEvent(event!).contextValue, /\btrustable\b/);
});

test('a call the rules deny outright is logged with its rule', async () => {
  const [event] = await hookLogged('rm -rf /', async () => ({
    decision: 'deny',
    environment: null,
    findings: [{ rule: 'fs.rm-root', severity: 'critical', decision: 'deny', reason: 'Deletes the whole filesystem', segment: 'rm -rf /' }],
  }));
  assert.equal(event?.decidedBy, 'policy');
  assert.equal(event?.rule, 'fs.rm-root');
});

test('a secret print is logged without a rule to trust: no policy switch turns that check off', async () => {
  const [event] = await hookLogged('cat .env', async () => ({ decision: 'allow', environment: null, findings: [] }));
  assert.equal(event?.decision, 'deny');
  assert.equal(event?.rule, undefined);
  assert.doesNotMatch(presentEvent(event!).contextValue, /\btrustable\b/);
});

test("the gates' own checks (secret read, secret print) are not offered as rules to trust", () => {
  const read = completeEvent({ kind: 'confirmation', actor: 'claude', file: '/w/.env', rule: 'gates.secret-read', decision: 'deny', decidedBy: 'person' });
  assert.doesNotMatch(presentEvent(read).contextValue, /\btrustable\b/);
  assert.match(presentEvent(read).contextValue, /\brule\b/);
});
