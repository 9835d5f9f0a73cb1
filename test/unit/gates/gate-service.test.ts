import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CheckResult } from '../../../src/core/guard/types';
import { ConfirmationQueue, type PersonAnswer } from '../../../src/extension/gates/confirmationQueue';
import { GateService } from '../../../src/extension/gates/gateService';

function service(answer: PersonAnswer, editorCheck: CheckResult = { decision: 'allow', environment: null, findings: [] }) {
  const titles: string[] = [];
  const reports: string[] = [];
  const queue = new ConfirmationQueue({ ask: async (v) => { titles.push(v.title); return answer; }, expired: () => {} }, async () => {});
  const gate = new GateService(queue, async () => editorCheck, async (r) => { reports.push(`${r.requester}:${r.decision}`); });
  return { gate, titles, reports };
}

const callerCheck: CheckResult = {
  decision: 'ask', environment: 'production', confirmation: 'typed',
  target: { name: 'production', resource: null, environment: 'production', evidence: [{ source: 'RAILWAY_ENVIRONMENT', value: 'production' }], sharedWith: [] },
  findings: [{ rule: 'railway.volume-delete', severity: 'critical', decision: 'ask', reason: 'Deletes a Railway volume', segment: 'railway volume delete v' }],
};

test('the caller\'s target fills in where the editor cannot tell the environment', async () => {
  const editorUnknown: CheckResult = { decision: 'ask', environment: 'unknown', findings: callerCheck.findings };
  const { gate, titles } = service('block', editorUnknown);
  await gate.confirm({ kind: 'command', requester: 'terminal', command: 'railway volume delete v', cwd: '/w', check: callerCheck, timeoutMs: 10_000 });
  assert.match(titles[0], /^PRODUCTION — from RAILWAY_ENVIRONMENT/);
});

test('a malformed caller check is ignored, never shown', async () => {
  const { gate, titles } = service('block');
  await gate.confirm({ kind: 'command', requester: 'terminal', command: 'x', cwd: '/w', check: { findings: 'nope', environment: 'prod' }, timeoutMs: 10_000 });
  assert.doesNotMatch(titles[0], /prod\b/);
});

test('an agent\'s allowed command reaching its terminal shim is not asked twice, and only once', async () => {
  const { gate, titles, reports } = service('allow');
  const agent = await gate.confirm({ kind: 'command', requester: 'copilot', command: 'cd infra && railway volume delete v', cwd: '/w', timeoutMs: 10_000 });
  assert.equal(agent.decision, 'allow');
  const shim = await gate.confirm({ kind: 'command', requester: 'terminal', command: 'railway volume delete v', cwd: '/w/infra', timeoutMs: 10_000 });
  assert.equal(shim.decision, 'allow');
  assert.equal(titles.length, 1, 'one modal');
  assert.deepEqual(reports, ['terminal:allow'], 'the hand-over is logged');
  await gate.confirm({ kind: 'command', requester: 'terminal', command: 'railway volume delete v', cwd: '/w/infra', timeoutMs: 10_000 });
  assert.equal(titles.length, 2, 'a second run asks again');
});

test('a blocked agent command gives its terminal no allowance', async () => {
  const { gate, titles } = service('block');
  await gate.confirm({ kind: 'command', requester: 'copilot', command: 'railway volume delete v', cwd: '/w', timeoutMs: 10_000 });
  const shim = await gate.confirm({ kind: 'command', requester: 'terminal', command: 'railway volume delete v', cwd: '/w', timeoutMs: 10_000 });
  assert.equal(shim.decision, 'deny');
  assert.equal(titles.length, 2);
});

test('the watcher can tell a gated command from a protection gap', async () => {
  const { gate } = service('block');
  const since = Date.now();
  await gate.confirm({ kind: 'command', requester: 'terminal', command: "railway volume delete 'v'", cwd: '/w', timeoutMs: 10_000 });
  assert.ok(gate.sawRecently('railway volume delete v', since));
  assert.ok(!gate.sawRecently('terraform destroy', since));
});
