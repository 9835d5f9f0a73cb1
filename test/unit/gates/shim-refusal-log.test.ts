import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ActivityEvent } from '../../../src/core/events';
import type { CheckResult } from '../../../src/core/findings';
import { EXIT_BLOCKED, gateShimCall, type ShimGateDeps } from '../../../src/core/terminal/shim-gate';

type Recorded = Omit<ActivityEvent, 'id' | 'time'>;

const destructive = (decision: 'ask' | 'deny'): CheckResult => ({
  decision,
  environment: 'production',
  findings: [{ rule: 'railway.volume-delete', severity: 'critical', decision, reason: 'Deletes a Railway volume.', segment: 'railway volume delete' }],
});

function deps(check: CheckResult, overrides: Partial<ShimGateDeps> = {}): ShimGateDeps & { order: string[]; recorded: Recorded[] } {
  const order: string[] = [];
  const recorded: Recorded[] = [];
  return {
    order,
    recorded,
    assess: async () => check,
    askEditor: async () => ({ unreachable: 'no editor window owns this folder' }),
    timeoutMs: 1000,
    record: async (event) => {
      order.push('record');
      recorded.push(event);
    },
    ...overrides,
  };
}

test('a refusal by the rules is logged, with its rule, before the shim answers', async () => {
  const d = deps(destructive('deny'));
  const result = await gateShimCall('railway', ['volume', 'delete'], '/work/app', d);
  d.order.push('answer');
  assert.equal(result.exitCode, EXIT_BLOCKED);
  assert.deepEqual(d.order, ['record', 'answer']);
  assert.equal(d.recorded[0]!.decision, 'deny');
  assert.equal(d.recorded[0]!.decidedBy, 'rules');
  assert.equal(d.recorded[0]!.rule, 'railway.volume-delete');
  assert.equal(d.recorded[0]!.actor, 'terminal');
});

test('a refusal because no editor could ask is logged as such', async () => {
  const d = deps(destructive('ask'));
  const result = await gateShimCall('railway', ['volume', 'delete'], '/work/app', d);
  assert.equal(result.exitCode, EXIT_BLOCKED);
  assert.equal(d.recorded.length, 1);
  assert.equal(d.recorded[0]!.decidedBy, 'no-editor');
  assert.equal(d.recorded[0]!.environment, 'production');
});

test("a person's answer is logged by the editor, not twice by the shim", async () => {
  const d = deps(destructive('ask'), { askEditor: async () => ({ decision: 'deny', decidedBy: 'person', message: 'blocked in the editor' }) });
  const result = await gateShimCall('railway', ['volume', 'delete'], '/work/app', d);
  assert.equal(result.exitCode, EXIT_BLOCKED);
  assert.equal(d.recorded.length, 0);
});

test('a log that cannot be written never turns a refusal into a run', async () => {
  const d = deps(destructive('deny'), {
    record: async () => {
      throw new Error('disk full');
    },
  });
  const result = await gateShimCall('railway', ['volume', 'delete'], '/work/app', d);
  assert.equal(result.exitCode, EXIT_BLOCKED);
});
