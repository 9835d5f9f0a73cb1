import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { ActivityLog } from '../../../src/core/log/activity-log';
import { verifyLog } from '../../../src/core/log/verify';
import { sampleEvent, tempDir } from './helpers';

function appender(dir: string, count: number, name: string, maxBytes?: number): Promise<number> {
  const args = ['--import', 'tsx', join(__dirname, 'fixtures/append-many.ts'), dir, String(count), name];
  if (maxBytes) args.push(String(maxBytes));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

test('several processes appending at once keep one valid chain and lose nothing', { timeout: 120_000 }, async () => {
  const dir = tempDir();
  const codes = await Promise.all(['a', 'b', 'c'].map((name) => appender(dir, 40, name)));
  assert.deepEqual(codes, [0, 0, 0]);
  const report = verifyLog(dir);
  assert.equal(report.ok, true, report.firstBreak?.message);
  assert.equal(report.lines, 120);
  const commands = new ActivityLog(dir).read().events.map((e) => e.event.command);
  for (const name of ['a', 'b', 'c']) {
    assert.deepEqual(
      commands.filter((c) => c?.startsWith(`${name} `)),
      Array.from({ length: 40 }, (_, i) => `${name} ${i}`),
    );
  }
});

test('concurrent appenders with rotation keep the chain across files', { timeout: 120_000 }, async () => {
  const dir = tempDir();
  const codes = await Promise.all(['x', 'y'].map((name) => appender(dir, 30, name, 3000)));
  assert.deepEqual(codes, [0, 0]);
  const report = verifyLog(dir);
  assert.equal(report.ok, true, report.firstBreak?.message);
  assert.equal(report.lines, 60);
  assert.ok(report.files > 2);
});

test('two instances in one process interleaving appends keep one chain', async () => {
  const dir = tempDir();
  const first = new ActivityLog(dir);
  const second = new ActivityLog(dir);
  await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? first : second).append(sampleEvent(i))));
  const report = verifyLog(dir);
  assert.equal(report.ok, true, report.firstBreak?.message);
  assert.equal(report.lines, 30);
});

test('a lock left behind by a dead process is taken over', async () => {
  const dir = tempDir();
  const { writeFileSync, utimesSync } = await import('node:fs');
  const { hostname } = await import('node:os');
  const lock = join(dir, 'activity.lock');
  writeFileSync(lock, `999999999 ${hostname()} ${Date.now()}\n`); // no such pid
  const old = (Date.now() - 1000) / 1000;
  utimesSync(lock, old, old);
  const log = new ActivityLog(dir, { lockTimeoutMs: 3000 });
  await log.append(sampleEvent(1));
  assert.equal(verifyLog(dir).lines, 1);
});

test('a lock held by a live process makes append wait, then fail clearly at the timeout', async () => {
  const dir = tempDir();
  const { writeFileSync } = await import('node:fs');
  const { hostname } = await import('node:os');
  writeFileSync(join(dir, 'activity.lock'), `${process.pid} ${hostname()} ${Date.now()}\n`);
  const log = new ActivityLog(dir, { lockTimeoutMs: 200 });
  await assert.rejects(log.append(sampleEvent(1)), /could not lock the activity log within 200 ms/);
});

test("a holder that was taken over as stale does not free the new owner's lock", async () => {
  const { readFileSync, writeFileSync, existsSync } = await import('node:fs');
  const { withFileLock } = await import('../../../src/core/log/lock.js');
  const lock = join(tempDir(), 'x.lock');
  await withFileLock(lock, async () => {
    writeFileSync(lock, 'someone else took it over\n'); // what a takeover leaves behind
  });
  assert.ok(existsSync(lock), "the new owner's lock was removed");
  assert.equal(readFileSync(lock, 'utf8'), 'someone else took it over\n');
  // And a normal holder releases its own lock.
  const own = join(tempDir(), 'y.lock');
  await withFileLock(own, async () => assert.ok(existsSync(own)));
  assert.equal(existsSync(own), false);
});
