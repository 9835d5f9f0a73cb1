import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { afterAppend, setManagedPolicyPathForTests } from '../../../src/core/export/after-append';
import { backoffMs, flushQueue } from '../../../src/core/export/flusher';
import { readLogLines } from '../../../src/core/export/log-lines';
import { createShipper } from '../../../src/core/export/otlp';
import { enqueue, listQueued, queueDir, readState, writeState } from '../../../src/core/export/queue';
import { drainQueue } from '../../../src/core/export/worker';
import { ActivityLog } from '../../../src/core/log/activity-log';
import { completeEvent, type NewActivityEvent } from '../../../src/core/log/event-factory';
import { redactEvent } from '../../../src/core/log/redact-event';
import { type Collector, startCollector } from './collector';

const root = mkdtempSync(join(tmpdir(), 'airlock-export-'));
const userPolicy = join(root, 'user-policy.json');
const noManaged = join(root, 'no-managed', 'policy.json');
const savedEnv = { ...process.env };
let collector: Collector;

before(async () => {
  collector = await startCollector();
  process.env.AIRLOCK_POLICY_FILE = userPolicy;
  // Never the real /etc: the managed path is a function argument in tests.
  setManagedPolicyPathForTests(noManaged);
});
after(async () => {
  await collector.close();
  setManagedPolicyPathForTests(undefined);
  process.env = savedEnv;
  rmSync(root, { recursive: true, force: true });
});

function configure(exportSection: unknown): void {
  writeFileSync(userPolicy, JSON.stringify({ export: exportSection }));
}

let n = 0;
function freshLog(): { log: ActivityLog; dir: string } {
  const dir = join(root, `log-${++n}`);
  return { log: new ActivityLog(dir), dir };
}

const SECRET = 'ghp_' + 'Zx9Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LmNbVc';
function decision(i: number): NewActivityEvent {
  return {
    kind: 'decision',
    actor: 'claude',
    session: 'sess-1',
    decision: i % 2 ? 'deny' : 'allow',
    decidedBy: i % 2 ? 'person' : 'rules',
    rule: 'git.push-force',
    severity: 'high',
    environment: 'production',
    evidence: ['refspec: main', 'protected branches: main'],
    command: `GITHUB_TOKEN=${SECRET} git push --force origin main #${i}`,
    cwd: '/work/app',
    details: { hook: 'claude', toolUseId: `toolu_${i}`, promptId: 'prompt-7' },
  };
}

async function append(log: ActivityLog, event: NewActivityEvent) {
  return log.append(redactEvent(completeEvent(event)));
}

const managedPath = () => noManaged;

test("protobuf: each logged event arrives as a log record with the agent ids, decision, rules, environment, and the line's chain hash", async () => {
  configure({ endpoint: collector.url });
  const { log, dir } = freshLog();
  const appended = [];
  for (let i = 0; i < 3; i++) appended.push(await append(log, decision(i)));
  assert.equal(listQueued(dir).length, 3, 'queued on append, nothing sent yet');
  const before = collector.records.length;
  const result = await drainQueue(dir, { env: process.env, managedPath: managedPath() });
  assert.ok(!('off' in result) && result.shipped === 3 && result.pending === 0, JSON.stringify(result));
  const got = collector.records.slice(before);
  assert.equal(got.length, 3);
  assert.match(collector.requests.at(-1)!.contentType, /protobuf/);
  const lines = readLogLines(dir);
  for (const [i, r] of got.entries()) {
    const a = r.attributes;
    assert.equal(a['session.id'], 'sess-1');
    assert.equal(a['tool_use_id'], `toolu_${i}`);
    assert.equal(a['prompt.id'], 'prompt-7');
    assert.equal(a['airlock.agent'], 'claude');
    assert.equal(a['airlock.decision'], i % 2 ? 'deny' : 'allow');
    assert.equal(a['airlock.decided_by'], i % 2 ? 'person' : 'rules');
    assert.deepEqual(a['airlock.rule_ids'], ['git.push-force']);
    assert.equal(a['airlock.environment'], 'production');
    assert.deepEqual(a['airlock.environment.evidence'], ['refspec: main', 'protected branches: main']);
    assert.equal(typeof a['user.name'], 'string');
    assert.equal(typeof a['host.name'], 'string');
    assert.equal(a['airlock.log.seq'], appended[i]!.seq);
    assert.equal(a['airlock.log.hash'], appended[i]!.hash);
    assert.equal(a['airlock.log.hash'], lines[i]!.hash, 'the hash the local log holds for that line');
    // Redacted exactly as in the log: the same string, no secret.
    assert.equal(a['airlock.command'], lines[i]!.event.command);
    assert.ok(!JSON.stringify(r).includes(SECRET));
    assert.equal(r.resource['service.name'], 'airlock');
    assert.equal(r.severityNumber, 17);
  }
});

test('JSON encoding: the same records over http/json, with the configured headers', async () => {
  configure({ endpoint: collector.url, protocol: 'http/json', headers: { 'x-team-key': 'k-123' } });
  const { log, dir } = freshLog();
  const a = await append(log, decision(1));
  const before = collector.records.length;
  await drainQueue(dir, { env: process.env, managedPath: managedPath() });
  const got = collector.records.slice(before);
  assert.equal(got.length, 1);
  assert.match(collector.requests.at(-1)!.contentType, /json/);
  assert.equal(collector.requests.at(-1)!.headers['x-team-key'], 'k-123');
  assert.equal(got[0]!.attributes['airlock.log.hash'], a.hash);
  assert.equal(got[0]!.attributes['airlock.log.seq'], a.seq);
});

test('collector down: nothing is lost, "failing since" is recorded with back-off; back up: everything arrives in order', async () => {
  configure({ endpoint: collector.url });
  const { log, dir } = freshLog();
  await collector.down();
  for (let i = 0; i < 5; i++) await append(log, decision(i));
  const shipper = createShipper({ endpoint: collector.url });
  const failed = await flushQueue(dir, shipper, { force: true });
  assert.ok(failed.error, 'the failure is reported');
  assert.equal(failed.pending, 5);
  const state = readState(dir);
  assert.ok(state.failingSince && Date.parse(state.failingSince) > 0);
  assert.ok(state.nextAttemptAt! > Date.now());
  // Within the back-off a flush does not even try.
  assert.equal((await flushQueue(dir, shipper)).skipped, 'backoff');
  // More events while down join the queue.
  for (let i = 5; i < 8; i++) await append(log, decision(i));
  await collector.up();
  const before = collector.records.length;
  const ok = await flushQueue(dir, shipper, { force: true });
  await shipper.close();
  assert.equal(ok.error, undefined);
  assert.equal(ok.shipped, 8);
  assert.equal(readState(dir).failingSince, undefined);
  const seqs = collector.records.slice(before).map((r) => r.attributes['airlock.log.seq']);
  assert.deepEqual(seqs, [1, 2, 3, 4, 5, 6, 7, 8]);
});

test('the bounded queue: events it did not hold, and a lost queue file, are read back from the log', async () => {
  configure({ endpoint: collector.url });
  const { log, dir } = freshLog();
  for (let i = 0; i < 2; i++) await append(log, decision(i));
  await drainQueue(dir, { env: process.env, managedPath: managedPath() });
  // Over the bound: enqueue refuses and marks an overflow (bound 1 here; 20,000 by default).
  const a3 = await append(log, decision(3));
  rmSync(join(queueDir(dir), listQueued(dir)[0]!.name));
  assert.equal(enqueue(dir, { seq: a3.seq + 5, hash: 'ab'.repeat(32), event: a3.event }, 1), 'overflow');
  const a4 = await append(log, decision(4));
  const a5 = await append(log, decision(5));
  rmSync(join(queueDir(dir), listQueued(dir).find((q) => q.seq === a4.seq)!.name)); // a lost queue file
  const before = collector.records.length;
  await drainQueue(dir, { env: process.env, managedPath: managedPath() });
  const seqs = collector.records
    .slice(before)
    .map((r) => r.attributes['airlock.log.seq'])
    .sort((x, y) => Number(x) - Number(y));
  assert.deepEqual(seqs, [a3.seq, a4.seq, a5.seq]);
  assert.equal(listQueued(dir).length, 0);
});

test('no endpoint configured: nothing is queued and logging is unchanged', async () => {
  configure(undefined);
  writeFileSync(userPolicy, '{}');
  const { log, dir } = freshLog();
  await append(log, decision(0));
  assert.equal(listQueued(dir).length, 0);
  configure({ endpoint: collector.url, enabled: false });
  await append(log, decision(1));
  assert.equal(listQueued(dir).length, 0);
});

test('OTEL_* variables do not move a configured endpoint, nor configure one', async () => {
  const decoy = await startCollector();
  try {
    process.env.OTEL_EXPORTER_OTLP_LOGS_ENDPOINT = decoy.url;
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = decoy.url.replace('/v1/logs', '');
    writeFileSync(userPolicy, '{}');
    const { log, dir } = freshLog();
    await append(log, decision(0));
    assert.equal(listQueued(dir).length, 0, 'OTEL_* alone configures nothing');
    configure({ endpoint: collector.url });
    await append(log, decision(1));
    await drainQueue(dir, { env: process.env, managedPath: managedPath() });
    assert.equal(decoy.records.length, 0);
  } finally {
    delete process.env.OTEL_EXPORTER_OTLP_LOGS_ENDPOINT;
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    await decoy.close();
  }
});

test("a managed export endpoint wins over the user's and cannot be switched off by the user", async () => {
  const managedDir = join(root, 'managed');
  require('node:fs').mkdirSync(managedDir, { recursive: true });
  const managedFile = join(managedDir, 'policy.json');
  writeFileSync(managedFile, JSON.stringify({ export: { endpoint: collector.url } }));
  writeFileSync(userPolicy, JSON.stringify({ export: { endpoint: 'http://127.0.0.1:9/v1/logs', enabled: false } }));
  setManagedPolicyPathForTests(managedFile);
  try {
    const { log, dir } = freshLog();
    await append(log, decision(0));
    assert.equal(listQueued(dir).length, 1);
    const before = collector.records.length;
    await drainQueue(dir, { env: process.env, managedPath: managedFile });
    assert.equal(collector.records.length, before + 1);
  } finally {
    setManagedPolicyPathForTests(noManaged);
  }
});

test('afterAppend never throws, whatever it is handed', () => {
  configure({ endpoint: collector.url });
  assert.doesNotThrow(() => afterAppend('/dev/null/not-a-dir', { seq: 1, hash: 'x', event: completeEvent({ kind: 'airlock', actor: 'unknown' }) }));
  assert.doesNotThrow(() => afterAppend(join(root, 'odd'), { seq: Number.NaN, hash: '', event: {} as never }));
});

test('back-off doubles from 1 s to a 5 min cap, with jitter', () => {
  assert.equal(backoffMs(1, 0.5), 1000);
  assert.equal(backoffMs(2, 0.5), 2000);
  assert.equal(backoffMs(4, 0.5), 8000);
  assert.equal(backoffMs(40, 0.5), 300_000);
  assert.ok(backoffMs(3, 0) < backoffMs(3, 1));
});

test('state survives as written; a broken state file reads as empty, not a crash', () => {
  const { dir } = freshLog();
  writeState(dir, { lastExportedSeq: 4, failingSince: '2026-12-06T01:00:00.000Z' });
  assert.equal(readState(dir).lastExportedSeq, 4);
  writeFileSync(join(queueDir(dir), 'state.json'), '{oops');
  assert.deepEqual(readState(dir), {});
  assert.ok(readFileSync(join(queueDir(dir), 'state.json'), 'utf8'));
});

test('airlock export flush tries once and says why it failed; export status shows "failing since"; both exit 1 then', async () => {
  const { log, dir } = freshLog();
  configure({ endpoint: collector.url });
  await append(log, decision(0));
  await collector.down();
  try {
    writeFileSync(userPolicy, JSON.stringify({ export: { endpoint: collector.url } }));
    let out = '';
    const io = {
      stdout: (t: string) => {
        out += t;
      },
      stderr: (t: string) => {
        out += t;
      },
      readStdin: async () => '',
      env: process.env,
      cwd: root,
    };
    assert.equal(await runCli(['export', 'flush', '--log-dir', dir], io), 1);
    assert.match(out, /0 shipped, 1 waiting; failing: /);
    out = '';
    assert.equal(await runCli(['export', 'status', '--log-dir', dir], io), 1);
    assert.match(out, /waiting: 1/);
    assert.match(out, /export failing since \d{4}-\d\d-\d\dT/);
  } finally {
    await collector.up();
  }
  let out = '';
  assert.equal(
    await runCli(['export', 'flush', '--log-dir', dir], {
      stdout: (t) => {
        out += t;
      },
      stderr: () => {},
      readStdin: async () => '',
      env: process.env,
      cwd: root,
    }),
    0,
  );
  assert.match(out, /1 shipped, 0 waiting/);
});

test('a queue folder removed while a process runs is made again on the next event', async () => {
  configure({ endpoint: collector.url });
  const { log, dir } = freshLog();
  await append(log, decision(0));
  rmSync(queueDir(dir), { recursive: true, force: true });
  await append(log, decision(1));
  assert.equal(listQueued(dir).length, 1);
});
