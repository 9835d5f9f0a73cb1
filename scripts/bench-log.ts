// npm run bench:log — the activity log's figures against the goals and a plain baseline:
//   append one event (fsync'd)      goal ≤ 1 ms     peer: appendFileSync + fsync of the same line, no chain, no lock
//   load 100,000 events             goal ≤ 300 ms   (read + parse; then the sidebar's grouping on top)
//   verify 100,000 events           (every hash and link)
// Runs in a temp folder on the same disk as os.tmpdir(). Not a test: machines are noisy.
import { closeSync, fsync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ActivityEvent } from '../src/core/events';
import { ActivityLog } from '../src/core/log/activity-log';
import { completeEvent } from '../src/core/log/event-factory';
import { encodeLine, GENESIS } from '../src/core/log/line';
import { verifyLog } from '../src/core/log/verify';
import { ActivityStore } from '../src/extension/activity/activity-store';
import { ActivityTreeModel } from '../src/extension/activity/activity-tree-model';

const APPENDS = Number(process.env.BENCH_APPENDS ?? 500);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);

function event(i: number, time?: string): ActivityEvent {
  const blocked = i % 7 === 0;
  return completeEvent({
    time,
    kind: blocked ? 'confirmation' : i % 3 === 0 ? 'command' : 'decision',
    actor: i % 5 === 0 ? 'terminal' : 'claude',
    session: i % 5 === 0 ? undefined : `session-${Math.floor(i / 400)}`,
    command: blocked ? `railway volume delete vol-${i} --yes` : `npm test -- --grep case-${i}`,
    cwd: '/home/dev/projects/pocket-rentals/api',
    decision: blocked ? 'deny' : 'allow',
    decidedBy: blocked ? 'person' : 'rules',
    rule: blocked ? 'railway.volume-delete' : undefined,
    environment: blocked ? 'production' : undefined,
    evidence: blocked ? ['from .railway/config.json: environment "production"'] : undefined,
    exitCode: blocked ? undefined : 0,
    durationMs: blocked ? undefined : 1200 + (i % 300),
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Wall time, and CPU time of this process (less sensitive to other processes on a busy machine). */
function timeIt<T>(work: () => T): { ms: number; cpuMs: number; value: T; text: string } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  return { ms, cpuMs, value, text: `${ms.toFixed(0)} ms (cpu ${cpuMs.toFixed(0)} ms)` };
}

function row(name: string, figure: string, goal: string, peer = ''): void {
  console.log(`${name.padEnd(36)} ${figure.padEnd(34)} ${goal.padEnd(10)} ${peer}`);
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'airlock-bench-log-'));
  try {
    // 1. Append, fsync'd, through the cross-process lock.
    const log = new ActivityLog(join(root, 'append'));
    await log.append(event(0)); // creates the folder and file
    // Peer: the same bytes appended and fsync'd the same way, with no chain, lock or read-back.
    // Interleaved with ours, so both see the same disk (fsync time on a shared VM disk swings a lot).
    const plainPath = join(root, 'plain.jsonl');
    const appendTimes: number[] = [];
    const plainTimes: number[] = [];
    for (let i = 1; i <= APPENDS; i++) {
      const next = event(i);
      let start = performance.now();
      await log.append(next);
      appendTimes.push(performance.now() - start);
      start = performance.now();
      const fd = openSync(plainPath, 'a');
      writeSync(fd, `${JSON.stringify(next)}\n`);
      await new Promise<void>((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));
      closeSync(fd);
      plainTimes.push(performance.now() - start);
    }
    appendTimes.sort((a, b) => a - b);
    plainTimes.sort((a, b) => a - b);

    // 2. A 100,000-event log, written directly (100,000 fsyncs would only measure the disk).
    const bigDir = join(root, 'big');
    const big = new ActivityLog(bigDir);
    const lines: string[] = [];
    let prev = GENESIS;
    const start = Date.now() - EVENTS * 30_000;
    for (let i = 1; i <= EVENTS; i++) {
      const encoded = encodeLine(i, prev, event(i, new Date(start + i * 30_000).toISOString()));
      lines.push(encoded.text);
      prev = encoded.hash;
    }
    const text = `${lines.join('\n')}\n`;
    mkdirSync(bigDir, { recursive: true });
    writeFileSync(big.activePath, text);

    const load = timeIt(() => big.read());
    // Peer: the least any JSONL reader does: read the file and JSON.parse every line.
    const bare = timeIt(() => {
      const raw = readFileSync(big.activePath, 'utf8');
      let count = 0;
      for (const line of raw.split('\n'))
        if (line) {
          JSON.parse(line);
          count++;
        }
      return count;
    });
    const store = new ActivityStore([big]);
    const storeLoad = timeIt(() => store.load());
    const model = new ActivityTreeModel(store, 200);
    const grouping = timeIt(() => {
      const days = model.roots();
      const sessions = model.children(days[0]);
      return model.children(sessions[0]).length;
    });
    model.setFilters({ text: 'railway' });
    const filtered = timeIt(() => model.roots().length);
    const verify = timeIt(() => verifyLog(bigDir));

    console.log(
      `Activity log bench (${process.platform}, Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}, temp folder ${tmpdir()})`,
    );
    console.log(`${'measure'.padEnd(36)} ${'Airlock'.padEnd(34)} ${'goal'.padEnd(10)} peer`);
    row(
      `append 1 event (n=${APPENDS}, fsync)`,
      `p50 ${percentile(appendTimes, 50).toFixed(3)} ms, p99 ${percentile(appendTimes, 99).toFixed(3)} ms`,
      '≤ 1 ms',
      `plain append+fsync, no chain: p50 ${percentile(plainTimes, 50).toFixed(3)} ms, p99 ${percentile(plainTimes, 99).toFixed(3)} ms`,
    );
    row(`load ${EVENTS.toLocaleString('en')} events (${(text.length / 1e6).toFixed(1)} MB)`, load.text, '≤ 300 ms', `read + JSON.parse per line: ${bare.text}`);
    row('sidebar load: read, sort, index', storeLoad.text, '≤ 300 ms');
    row('  + first tree render (group, a page)', `${grouping.text}, ${grouping.value} items`, '');
    row('  + text filter over every event', filtered.text, '');
    row(`verify ${EVENTS.toLocaleString('en')} events`, `${verify.text} ${verify.value.ok ? 'intact' : 'BROKEN'}`, '');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
