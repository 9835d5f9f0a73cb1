import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { setManagedPolicyPathForTests } from '../../../src/core/export/after-append';
import { compareWithExport } from '../../../src/core/export/against';
import { drainQueue } from '../../../src/core/export/worker';
import { ActivityLog } from '../../../src/core/log/activity-log';
import { completeEvent } from '../../../src/core/log/event-factory';
import { encodeLine, GENESIS } from '../../../src/core/log/line';
import { logDirFor } from '../../../src/core/log/location';
import { appendToWorkspaceLog } from '../../../src/core/log/workspace-log';
import { type Collector, startCollector } from './collector';

const root = mkdtempSync(join(tmpdir(), 'airlock-against-'));
const userPolicy = join(root, 'user-policy.json');
const noManaged = join(root, 'none', 'policy.json');
const saved = { ...process.env };
let collector: Collector;

before(async () => {
  collector = await startCollector();
  process.env.AIRLOCK_POLICY_FILE = userPolicy;
  setManagedPolicyPathForTests(noManaged);
  writeFileSync(userPolicy, JSON.stringify({ export: { endpoint: collector.url, protocol: 'http/json' } }));
});
after(async () => {
  await collector.close();
  setManagedPolicyPathForTests(undefined);
  process.env = saved;
  rmSync(root, { recursive: true, force: true });
});

/** Logs n events, exports them, and writes the collector's copy as OTLP JSON lines. */
async function exportedLog(name: string, n: number): Promise<{ dir: string; copy: string }> {
  const dir = join(root, name);
  const log = new ActivityLog(dir);
  const from = collector.rawJson.length;
  for (let i = 0; i < n; i++) await log.append(completeEvent({ kind: 'decision', actor: 'cursor', decision: 'allow', command: `terraform plan #${i}` }));
  await drainQueue(dir, { env: process.env, managedPath: noManaged });
  const copy = join(root, `${name}.otlp.jsonl`);
  writeFileSync(
    copy,
    collector.rawJson
      .slice(from)
      .map((b) => b.replace(/\n/g, ''))
      .join('\n'),
  );
  return { dir, copy };
}

/** Rewrites line `seq` and re-chains everything after it, as someone covering their tracks would: the local chain still verifies. */
function rewriteAndRechain(dir: string, seq: number): void {
  const path = join(dir, 'activity.jsonl');
  const lines = readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { seq: number; event: Record<string, unknown> });
  let prev = GENESIS;
  const out = lines.map((l) => {
    const event = l.seq === seq ? { ...l.event, command: 'terraform plan (nothing to see)' } : l.event;
    const line = encodeLine(l.seq, prev, event as never);
    prev = line.hash;
    return line.text;
  });
  writeFileSync(path, `${out.join('\n')}\n`);
}

test('--against: an untouched log matches its exported copy', async () => {
  const { dir, copy } = await exportedLog('clean', 4);
  const report = compareWithExport(dir, copy);
  assert.equal(report.ok, true);
  assert.equal(report.matched, 4);
});

test('--against: a line rewritten and re-chained after export is found, though the local chain verifies', async () => {
  const { dir, copy } = await exportedLog('rewritten', 4);
  rewriteAndRechain(dir, 2);
  const report = compareWithExport(dir, copy);
  assert.equal(report.ok, false);
  assert.deepEqual(
    report.rewritten.map((r) => r.seq),
    [2, 3, 4],
    'the rewritten line and every re-chained one after it',
  );
});

test('--against: lines cut from the end after export are found; lines not yet exported are only counted', async () => {
  const { dir, copy } = await exportedLog('cut', 5);
  const path = join(dir, 'activity.jsonl');
  writeFileSync(path, readFileSync(path, 'utf8').trim().split('\n').slice(0, 3).join('\n') + '\n');
  const report = compareWithExport(dir, copy);
  assert.deepEqual(report.missingLocally, [4, 5]);
  const fresh = await exportedLog('later', 2);
  await new ActivityLog(fresh.dir).append(completeEvent({ kind: 'airlock', actor: 'unknown', reason: 'after the export' }));
  const later = compareWithExport(fresh.dir, fresh.copy);
  assert.equal(later.ok, true);
  assert.equal(later.notYetExported >= 1, true);
});

test('--against reads JSON Lines of records whose attributes are a map, as log backends export them', async () => {
  const { dir } = await exportedLog('backend', 3);
  const lines = collector.records.slice(-3).map((r) => JSON.stringify({ timestamp: 1, body: r.body, attributes: r.attributes }));
  const copy = join(root, 'backend.jsonl');
  writeFileSync(copy, `${lines.join('\n')}\nnot json at all\n`);
  const report = compareWithExport(dir, copy);
  assert.equal(report.matched, 3);
  assert.equal(report.unreadable, 1);
});

test('airlock log --verify --against FILE: exit 0 when it matches, 1 naming the rewritten line', async () => {
  const workspace = join(root, 'ws');
  require('node:fs').mkdirSync(workspace);
  const env = { ...process.env, AIRLOCK_STATE_DIR: join(root, 'state') };
  const from = collector.rawJson.length;
  for (let i = 0; i < 3; i++)
    await appendToWorkspaceLog(workspace, { kind: 'decision', actor: 'claude', decision: 'deny', command: `railway volume delete v${i}` }, env);
  const dir = logDirFor(workspace, env);
  await drainQueue(dir, { env, managedPath: noManaged });
  const copy = join(root, 'ws.otlp.jsonl');
  writeFileSync(copy, collector.rawJson.slice(from).join('\n'));
  const run = async () => {
    let out = '';
    const code = await runCli(['log', '--verify', '--against', copy, '--workspace', workspace], {
      stdout: (t) => {
        out += t;
      },
      stderr: (t) => {
        out += t;
      },
      readStdin: async () => '',
      env,
      cwd: root,
    });
    return { code, out };
  };
  const ok = await run();
  assert.equal(ok.code, 0, ok.out);
  assert.match(ok.out, /Matches the exported copy: 3 of 3/);
  rewriteAndRechain(dir, 3);
  const bad = await run();
  assert.equal(bad.code, 1);
  // The head kept outside the log catches the re-chained tail locally; the collector's copy names
  // exactly which line differs from what was exported.
  assert.match(bad.out, /chain BROKEN: line 3 .* the end of the log was replaced/);
  assert.match(bad.out, /line 3 was rewritten after export/);
  const usage = await runCli(['log', '--against', copy], { stdout: () => {}, stderr: () => {}, readStdin: async () => '', env, cwd: workspace });
  assert.equal(usage, 2);
});
