import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CheckResult } from '../../../src/core/findings';
import { ConfirmationQueue, type PersonAnswer } from '../../../src/extension/gates/confirmation-queue';
import { GateService } from '../../../src/extension/gates/gate-service';

function service(answer: PersonAnswer, editorCheck: CheckResult = { decision: 'allow', environment: null, findings: [] }) {
  const titles: string[] = [];
  const reports: string[] = [];
  const queue = new ConfirmationQueue(
    {
      ask: async (v) => {
        titles.push(v.title);
        return answer;
      },
      expired: () => {},
    },
    async () => {},
  );
  const gate = new GateService(
    queue,
    async () => editorCheck,
    async (r) => {
      reports.push(`${r.requester}:${r.decision}`);
    },
  );
  return { gate, titles, reports };
}

const callerCheck: CheckResult = {
  decision: 'ask',
  environment: 'production',
  confirmation: 'typed',
  target: { name: 'production', resource: null, environment: 'production', evidence: [{ source: 'RAILWAY_ENVIRONMENT', value: 'production' }], sharedWith: [] },
  findings: [{ rule: 'railway.volume-delete', severity: 'critical', decision: 'ask', reason: 'Deletes a Railway volume', segment: 'railway volume delete v' }],
};

test("the caller's target fills in where the editor cannot tell the environment", async () => {
  const editorUnknown: CheckResult = { decision: 'ask', environment: 'unknown', findings: callerCheck.findings };
  const { gate, titles } = service('block', editorUnknown);
  await gate.confirm({ kind: 'command', requester: 'terminal', command: 'railway volume delete v', cwd: '/w', check: callerCheck, timeoutMs: 10_000 });
  assert.match(titles[0]!, /^PRODUCTION — from RAILWAY_ENVIRONMENT/);
});

test('a malformed caller check is ignored, never shown', async () => {
  const { gate, titles } = service('block');
  await gate.confirm({ kind: 'command', requester: 'terminal', command: 'x', cwd: '/w', check: { findings: 'nope', environment: 'prod' }, timeoutMs: 10_000 });
  assert.doesNotMatch(titles[0]!, /prod\b/);
});

test("an agent's allowed command reaching its terminal shim is not asked twice, and only once", async () => {
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

// Review bug: an approval was handed over to any command whose text was a substring of the approved line.
test('an approval is handed over only to the very command approved, never to a part of its text', async () => {
  const { gate, titles } = service('allow');
  await gate.confirm({ kind: 'command', requester: 'copilot', command: 'rm -rf build/cache', cwd: '/w', timeoutMs: 10_000 });
  // Way around 1: a shorter command whose text is inside the approved one.
  await gate.confirm({ kind: 'command', requester: 'terminal', command: 'rm -rf build', cwd: '/w', timeoutMs: 10_000 });
  assert.equal(titles.length, 2, 'rm -rf build asks: it was never approved');
  // Way around 2: the same words in another directory.
  await gate.confirm({ kind: 'command', requester: 'terminal', command: 'rm -rf build/cache', cwd: '/', timeoutMs: 10_000 });
  assert.equal(titles.length, 3, 'the same words elsewhere ask');
  // Way around 3: quotes removed to join two words into one argument.
  const quoted = service('allow');
  await quoted.gate.confirm({ kind: 'command', requester: 'copilot', command: "rm -rf 'a b'", cwd: '/w', timeoutMs: 10_000 });
  await quoted.gate.confirm({ kind: 'command', requester: 'terminal', command: 'rm -rf a b', cwd: '/w', timeoutMs: 10_000 });
  assert.equal(quoted.titles.length, 2, "rm -rf a b is not rm -rf 'a b'");
});

test('each command of an approved line is handed over once', async () => {
  const { gate, titles } = service('allow');
  await gate.confirm({ kind: 'command', requester: 'claude', command: 'railway volume delete a && railway volume delete b', cwd: '/w', timeoutMs: 10_000 });
  assert.equal(
    (await gate.confirm({ kind: 'command', requester: 'terminal', command: 'railway volume delete b', cwd: '/w', timeoutMs: 10_000 })).decision,
    'allow',
  );
  assert.equal(
    (await gate.confirm({ kind: 'command', requester: 'terminal', command: 'railway volume delete a', cwd: '/w', timeoutMs: 10_000 })).decision,
    'allow',
  );
  assert.equal(titles.length, 1);
  await gate.confirm({ kind: 'command', requester: 'terminal', command: 'railway volume delete a', cwd: '/w', timeoutMs: 10_000 });
  assert.equal(titles.length, 2, 'used up');
});

test('an approval with a word only known at run time is never handed over', async () => {
  const { gate, titles } = service('allow');
  await gate.confirm({ kind: 'command', requester: 'copilot', command: 'railway volume delete $VOL', cwd: '/w', timeoutMs: 10_000 });
  await gate.confirm({ kind: 'command', requester: 'terminal', command: 'railway volume delete prod-db', cwd: '/w', timeoutMs: 10_000 });
  assert.equal(titles.length, 2);
});

// Review bug: the watcher compared the typed line (`$DIR`) with the shim's expanded one and cried "protection gap".
test('the watcher recognises a shim-gated command whose typed line used a variable', async () => {
  const { gate } = service('block');
  const since = Date.now();
  await gate.confirm({ kind: 'command', requester: 'terminal', command: 'rm -rf /srv/app/data', cwd: '/w', timeoutMs: 10_000 });
  assert.ok(gate.sawRecently('rm -rf "$DIR"', since));
  assert.ok(gate.sawRecently('rm -rf "$APP"/data', since));
  assert.ok(gate.sawRecently('rm $FLAGS /srv/app/data', since), 'a variable may stand for several words');
  assert.ok(gate.sawRecently('sudo rm -rf $DIR', since), 'the typed wrapper is unwrapped');
  // Still a gap: the known parts differ, or another command of the line was never seen.
  assert.ok(!gate.sawRecently('rm -rf "$APP"/logs', since));
  assert.ok(!gate.sawRecently('rm -rf $DIR && railway volume delete v', since));
  assert.ok(!gate.sawRecently('terraform destroy $ARGS', since));
  assert.ok(!gate.sawRecently('rm -rf /srv/app', since), 'a shorter text is not the command seen');
});
