import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CheckResult } from '../../../src/core/findings';
import type { ConfirmRequest } from '../../../src/core/ipc/protocol';
import { ConfirmationQueue, type PersonAnswer, type Prompter } from '../../../src/extension/gates/confirmation-queue';
import { type ConfirmationView, confirmationView } from '../../../src/extension/gates/confirmation-text';

const railway: CheckResult = {
  decision: 'ask',
  environment: 'production',
  confirmation: 'typed',
  target: {
    name: 'production',
    resource: 'vol_9f2',
    environment: 'production',
    evidence: [{ source: '.terraform/environment', value: 'prod' }],
    sharedWith: ['staging'],
  },
  findings: [
    {
      rule: 'railway.volume-delete',
      severity: 'critical',
      decision: 'ask',
      reason: 'Deletes a Railway volume and every byte on it, backups included.',
      segment: 'railway volume delete vol_9f2',
      suggestion: 'Take a backup first: railway volume backup',
      resource: 'a Railway volume',
    },
  ],
};

test('the modal names the environment first, with its evidence, then what, why, who, where and the safer way', () => {
  const view = confirmationView({
    kind: 'command',
    requester: 'cursor',
    command: 'cd infra && railway volume delete vol_9f2',
    cwd: '/srv/app',
    check: railway,
  });
  assert.equal(view.title.split('\n')[0], 'PRODUCTION (shares its resource with staging) — from .terraform/environment: prod');
  assert.match(view.title, /Cursor agent wants to destroy a Railway volume/);
  const lines = view.detail.split('\n');
  assert.match(lines[0]!, /^Will run: cd infra && railway volume delete vol_9f2$/);
  assert.match(lines[1]!, /^Dangerous part: railway volume delete vol_9f2$/);
  assert.ok(lines.includes('Asked by: Cursor agent'));
  assert.ok(lines.includes('In: /srv/app'));
  assert.ok(lines.some((l) => l.startsWith('Safer: Take a backup first')));
  assert.equal(view.confirmation, 'typed');
  assert.equal(view.typedAnswer, 'production');
  assert.equal(view.rule, 'railway.volume-delete');
  assert.deepEqual(view.evidence, ['.terraform/environment: prod']);
});

test('unknown environment is shown as production-grade and needs typing', () => {
  const view = confirmationView({
    kind: 'command',
    requester: 'terminal',
    command: 'terraform destroy',
    cwd: '/x',
    check: {
      decision: 'ask',
      environment: 'unknown',
      findings: [{ rule: 'tf.destroy', severity: 'critical', decision: 'ask', reason: 'Destroys infrastructure', segment: 'terraform destroy' }],
    },
  });
  assert.match(view.title, /^UNKNOWN ENVIRONMENT \(treated as production\)/);
  assert.equal(view.confirmation, 'typed');
});

test('a secret read says what is exposed and needs a button only', () => {
  const view = confirmationView({
    kind: 'read',
    requester: 'claude',
    file: '/x/.env',
    cwd: '/x',
    check: {
      decision: 'ask',
      environment: null,
      findings: [{ rule: 'gates.secret-read', severity: 'high', decision: 'ask', reason: 'holds credentials', segment: '/x/.env', resource: '/x/.env' }],
    },
  });
  assert.match(view.title, /^SECRETS — \/x\/\.env would be shown to Claude Code/);
  assert.equal(view.confirmation, 'button');
});

function request(command: string, timeoutMs = 60_000): ConfirmRequest {
  return { kind: 'command', requester: 'claude', command, cwd: '/x', timeoutMs };
}
function view(title: string): ConfirmationView {
  return { title, detail: '', confirmation: 'button', typedAnswer: 'production', environment: 'production', evidence: [] };
}

/** A person who answers each modal when the test tells them to. */
function scriptedPerson() {
  const shown: Array<{ title: string; waiting: number; answer: (a: PersonAnswer) => void }> = [];
  const expired: string[] = [];
  const prompter: Prompter = {
    ask: (v, waiting) => new Promise((resolve) => shown.push({ title: v.title, waiting, answer: resolve })),
    expired: (v) => expired.push(v.title),
  };
  return { prompter, shown, expired };
}
const tick = () => new Promise((r) => setTimeout(r, 5));

test('one modal at a time, in order, each saying how many wait', async () => {
  const p = scriptedPerson();
  const log: string[] = [];
  const queue = new ConfirmationQueue(p.prompter, async (_r, v, a) => {
    log.push(`${v.title}:${a.decision}`);
  });
  const first = queue.enqueue(request('a'), view('A'));
  const second = queue.enqueue(request('b'), view('B'));
  const third = queue.enqueue(request('c'), view('C'));
  await tick();
  assert.equal(p.shown.length, 1);
  assert.equal(p.shown[0]!.waiting, 2);
  p.shown[0]!.answer('block');
  assert.equal((await first).decision, 'deny');
  await tick();
  assert.equal(p.shown.length, 2);
  assert.equal(p.shown[1]!.waiting, 1);
  p.shown[1]!.answer('allow');
  assert.equal((await second).decision, 'allow');
  await tick();
  p.shown[2]!.answer('block');
  await third;
  assert.deepEqual(log, ['A:deny', 'B:allow', 'C:deny'], 'each decision logged, in order');
});

test('the same call arriving twice is asked once and both callers get the answer', async () => {
  const p = scriptedPerson();
  const queue = new ConfirmationQueue(p.prompter, async () => {});
  const viaClaudeSettings = queue.enqueue(request('railway volume delete'), view('A'));
  const viaVsCodeHooks = queue.enqueue(request('railway volume delete'), view('A'));
  await tick();
  p.shown[0]!.answer('allow');
  assert.equal((await viaClaudeSettings).decision, 'allow');
  assert.equal((await viaVsCodeHooks).decision, 'allow');
  assert.equal(p.shown.length, 1);
});

test('a request past its deadline is denied; a late answer is discarded and the person told', async () => {
  const p = scriptedPerson();
  const queue = new ConfirmationQueue(p.prompter, async () => {});
  const shownOne = queue.enqueue(request('a', 4000), view('A'));
  const queuedOne = queue.enqueue(request('b', 4000), view('B'));
  const [a, b] = await Promise.all([shownOne, queuedOne]);
  assert.equal(a.decidedBy, 'timeout');
  assert.equal(b.decidedBy, 'timeout');
  p.shown[0]!.answer('allow');
  await tick();
  assert.deepEqual(p.expired, ['A'], 'the allow clicked after expiry changes nothing');
  assert.equal(p.shown.length, 1, 'the expired queued request is never shown');
});

test('if the decision cannot be logged, an allow becomes deny', async () => {
  const p = scriptedPerson();
  const queue = new ConfirmationQueue(p.prompter, async () => {
    throw new Error('disk full');
  });
  const answer = queue.enqueue(request('a'), view('A'));
  await tick();
  p.shown[0]!.answer('allow');
  assert.equal((await answer).decision, 'deny');
});

test('a secret in the command line reaches the modal only as a redacted preview', () => {
  const token = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
  const view = confirmationView({
    kind: 'command',
    requester: 'claude',
    command: `curl -X DELETE -H "Authorization: token ${token}" https://api.github.com/repos/acme/app`,
    cwd: '/x',
    check: {
      decision: 'ask',
      environment: 'unknown',
      findings: [
        {
          rule: 'http.delete',
          severity: 'high',
          decision: 'ask',
          reason: 'Sends a DELETE',
          segment: `curl -X DELETE -H "Authorization: token ${token}" https://api.github.com/repos/acme/app`,
        },
      ],
    },
  });
  assert.ok(!(view.title + view.detail).includes(token));
  assert.match(view.detail, /ghp_…|ghp_\S*…/);
});
