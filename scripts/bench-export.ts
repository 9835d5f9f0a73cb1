// npm run bench:export — what OpenTelemetry export costs, measured in one run:
//  1. log append (fsync) with export on vs off: the only work export adds before an answer;
//  2. shipping throughput to an OTLP/HTTP collector on loopback (protobuf and JSON), and a
//     sustained 1,000 events/s for 3 s with the flusher running beside the appends;
//  3. whole-process `airlock hook claude` (the launcher, a guarded command that is logged and
//     answered with no editor) with export on vs off, alternating.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { assessCommand } from '../src/core/assess';
import { setManagedPolicyPathForTests } from '../src/core/export/after-append';
import { flushQueue } from '../src/core/export/flusher';
import { createShipper } from '../src/core/export/otlp';
import { enqueue, listQueued, touchEditorHeartbeat } from '../src/core/export/queue';
import { runHook } from '../src/core/hooks/run-hook';
import { ActivityLog } from '../src/core/log/activity-log';
import { completeEvent } from '../src/core/log/event-factory';
import { logDirFor } from '../src/core/log/location';
import { appendToWorkspaceLog } from '../src/core/log/workspace-log';
import { startCollector } from '../test/unit/export/collector';

const root = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'airlock-bench-export-'));
const policy = join(work, 'policy.json');
process.env.AIRLOCK_POLICY_FILE = policy;
setManagedPolicyPathForTests(join(work, 'no-managed.json'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;
const event = (i: number) =>
  completeEvent({
    kind: 'decision',
    actor: 'claude',
    session: 's',
    decision: 'ask',
    decidedBy: 'no-editor',
    rule: 'git.push-force',
    environment: 'production',
    evidence: ['refspec: main'],
    command: `git push --force origin main #${i}`,
  });

async function main() {
  const collector = await startCollector();
  const exportOn = (protocol = 'http/protobuf') => writeFileSync(policy, JSON.stringify({ export: { endpoint: collector.url, protocol } }));
  const exportOff = () => writeFileSync(policy, '{}');

  // 1. Append cost, alternating on/off in batches.
  const on: number[] = [];
  const off: number[] = [];
  const logOn = new ActivityLog(join(work, 'append-on'));
  const logOff = new ActivityLog(join(work, 'append-off'));
  for (let round = 0; round < 10; round++) {
    for (const [times, log, set] of [
      [on, logOn, () => exportOn()],
      [off, logOff, exportOff],
    ] as const) {
      set();
      for (let i = 0; i < 50; i++) {
        const t = performance.now();
        await log.append(event(i));
        times.push(performance.now() - t);
      }
    }
  }
  console.log(
    'log append (fsync), 500 each        export on  p50 %s ms  p99 %s ms | export off p50 %s ms  p99 %s ms',
    median(on).toFixed(3),
    p99(on).toFixed(3),
    median(off).toFixed(3),
    p99(off).toFixed(3),
  );

  // 2a. Throughput: 5,000 queued events shipped in batches of 512.
  for (const protocol of ['http/protobuf', 'http/json'] as const) {
    exportOn(protocol);
    const dir = join(work, `throughput-${protocol.replace('/', '-')}`);
    const log = new ActivityLog(dir);
    for (let i = 0; i < 5000; i++) await log.append(event(i));
    const shipper = createShipper({ endpoint: collector.url, protocol });
    const before = collector.records.length;
    const t = performance.now();
    const result = await flushQueue(dir, shipper, { force: true });
    const ms = performance.now() - t;
    await shipper.close();
    console.log(
      'ship 5,000 queued events, %s   %s events/s (%s received, %s left, %s ms)',
      protocol.padEnd(13),
      Math.round(result.shipped / (ms / 1000)),
      collector.records.length - before,
      listQueued(dir).length,
      ms.toFixed(0),
    );
  }

  // 2b. Sustained: 1,000 events/s for 3 s into the export queue (as many hook processes would
  // add them), the flusher running beside. The log's own fsync'd append rate is (1) above.
  exportOn();
  const dir = join(work, 'sustained');
  const log = {
    append: async (e: ReturnType<typeof event>) => {
      enqueue(dir, { seq: ++seq, hash: 'ab'.repeat(32), event: e });
    },
  };
  let seq = 0;
  const shipper = createShipper({ endpoint: collector.url });
  const before = collector.records.length;
  let appending = true;
  const flusher = (async () => {
    while (appending || listQueued(dir).length) {
      await flushQueue(dir, shipper, { force: true });
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const start = performance.now();
  let sent = 0;
  while (performance.now() - start < 3000) {
    const due = Math.floor(performance.now() - start);
    while (sent < due) {
      await log.append(event(sent));
      sent++;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const appendDone = performance.now();
  appending = false;
  await flusher;
  await shipper.close();
  console.log(
    'sustained 1,000 events/s for 3 s      appended %s, received %s, drained %s ms after the last append',
    sent,
    collector.records.length - before,
    (performance.now() - appendDone).toFixed(0),
  );

  // 3a. In-process answer time: one hook call from payload to answer, logged (fsync) with the real
  // assessment and no editor, export on vs off alternating. This is the time an agent waits for the answer.
  {
    const ws = join(work, 'answer-ws');
    mkdirSync(ws);
    const env = { ...process.env, HOME: work, AIRLOCK_STATE_DIR: join(work, 'answer-state') };
    const input = JSON.stringify({
      session_id: 'b',
      cwd: ws,
      permission_mode: 'default',
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'git push --force origin main' },
      tool_use_id: 't',
    });
    const once = async () => {
      const t = performance.now();
      await runHook({
        agent: 'claude',
        cwd: ws,
        env,
        timeoutMs: 30_000,
        readStdin: async () => input,
        assess: (line, cwd) => assessCommand(line, { cwd, env }),
        ask: async () => ({ unreachable: 'bench' }),
        record: async (e) => {
          await appendToWorkspaceLog(ws, e, env);
        },
      });
      return performance.now() - t;
    };
    const answerOn: number[] = [];
    const answerOff: number[] = [];
    await once();
    for (let i = 0; i < 60; i++) {
      exportOn();
      answerOn.push(await once());
      exportOff();
      answerOff.push(await once());
    }
    console.log(
      'hook answer in-process (assess + log + answer), 60 alternating   export on p50 %s ms | export off p50 %s ms | difference %s ms',
      median(answerOn).toFixed(2),
      median(answerOff).toFixed(2),
      (median(answerOn) - median(answerOff)).toFixed(2),
    );
  }

  // 3. Whole hook process, export on vs off.
  if (!existsSync(join(root, 'dist/launcher/airlock')) || !existsSync(join(root, 'dist/airlock.js'))) {
    spawnSync(process.execPath, [join(root, 'esbuild.mjs'), '--production'], { cwd: root, stdio: 'ignore' });
  }
  const ws = join(work, 'ws');
  mkdirSync(ws);
  const payload = JSON.stringify({
    session_id: 'bench',
    cwd: ws,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command: 'git push --force origin main' },
    tool_use_id: 't1',
  });
  const env = {
    ...process.env,
    HOME: work,
    AIRLOCK_STATE_DIR: join(work, 'state'),
    AIRLOCK_RUNTIME_DIR: join(work, 'runtime'),
    XDG_RUNTIME_DIR: join(work, 'runtime'),
  };
  const run = () =>
    new Promise<number>((resolve) => {
      const t = performance.now();
      const child = spawn('sh', [join(root, 'dist/launcher/airlock'), 'hook', 'claude'], { env, stdio: ['pipe', 'ignore', 'ignore'] });
      child.stdin.end(payload);
      child.on('exit', () => resolve(performance.now() - t));
    });
  const hookOn: number[] = [];
  const hookEditor: number[] = [];
  const hookOff: number[] = [];
  const hookDir = logDirFor(ws, env);
  for (let i = 0; i < 12; i++) {
    exportOn();
    hookOn.push(await run());
    touchEditorHeartbeat(hookDir);
    hookEditor.push(await run());
    rmSync(join(hookDir, 'export-queue', 'editor.heartbeat'), { force: true });
    exportOff();
    hookOff.push(await run());
  }
  console.log('airlock hook claude, logged + answered, median of 12 alternating:');
  console.log(
    '  export off %s ms | export on, editor ships %s ms | export on, hook starts a detached worker %s ms',
    median(hookOff).toFixed(1),
    median(hookEditor).toFixed(1),
    median(hookOn).toFixed(1),
  );
  await new Promise((r) => setTimeout(r, 1500)); // let detached workers finish before the collector goes
  await collector.close();
  setManagedPolicyPathForTests(undefined);
  rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
