import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { ActivityLog } from '../../../src/core/log/activity-log';
import { completeEvent, type NewActivityEvent } from '../../../src/core/log/event-factory';
import { encodeLine, GENESIS } from '../../../src/core/log/line';
import { ActivityStore } from '../../../src/extension/activity/activity-store';
import { type ActivityNode, ActivityTreeModel, type DayNode, dayKey, type SessionNode } from '../../../src/extension/activity/activity-tree-model';
import { tempDir } from '../log/helpers';

const NOW = new Date(2026, 10, 21, 15, 0, 0);
const at = (daysAgo: number, hour: number, minute = 0) => new Date(2026, 10, 21 - daysAgo, hour, minute).toISOString();

async function storeWith(events: NewActivityEvent[]): Promise<ActivityStore> {
  const log = new ActivityLog(tempDir());
  for (const e of events) await log.append(completeEvent(e));
  const store = new ActivityStore([log]);
  store.load();
  return store;
}

const labels = (nodes: ActivityNode[]) =>
  nodes.map((n) => (n.type === 'event' ? (n.stored.event.command ?? n.stored.event.file) : n.type === 'more' ? `more ${n.remaining}` : n.label));

test('days newest first, then sessions by latest activity, then events newest first', async () => {
  const store = await storeWith([
    { kind: 'command', actor: 'terminal', command: 'ls', time: at(1, 9) },
    { kind: 'decision', actor: 'claude', session: 'abc', command: 'npm test', decision: 'allow', time: at(0, 10) },
    { kind: 'decision', actor: 'claude', session: 'abc', command: 'railway volume delete', decision: 'deny', time: at(0, 11) },
    { kind: 'command', actor: 'terminal', command: 'git status', time: at(0, 12) },
  ]);
  const model = new ActivityTreeModel(store, 200, () => NOW);
  const days = model.roots();
  assert.deepEqual(
    days.map((d) => d.label),
    ['Today', 'Yesterday'],
  );
  assert.deepEqual(
    days.map((d) => [d.count, d.blocked]),
    [
      [3, 1],
      [1, 0],
    ],
  );
  const sessions = model.children(days[0]) as SessionNode[];
  assert.deepEqual(labels(sessions), ['Terminal', 'Claude Code session abc']);
  assert.equal(sessions[1]!.blocked, 1);
  assert.deepEqual(labels(model.children(sessions[1])), ['railway volume delete', 'npm test']);
  assert.equal(model.parentOf(model.children(sessions[1])[0]!)?.type, 'session');
});

test('a session shows one page, then a "more" node that pages on', async () => {
  const events: NewActivityEvent[] = Array.from({ length: 45 }, (_, i) => ({ kind: 'command', actor: 'terminal', command: `cmd ${i}`, time: at(0, 8, i) }));
  const model = new ActivityTreeModel(await storeWith(events), 20, () => NOW);
  const session = model.children(model.roots()[0])[0];
  let children = model.children(session);
  assert.equal(children.length, 21);
  assert.equal(labels(children)[0], 'cmd 44');
  const more = children[20];
  assert.ok(more);
  assert.equal(more.type, 'more');
  assert.equal(more.type === 'more' && more.remaining, 25);
  model.showMore(more as Extract<ActivityNode, { type: 'more' }>);
  children = model.children(session);
  assert.equal(children.length, 41);
  assert.deepEqual(labels(children).slice(-1), ['more 5']);
});

test('filters: agent only, blocked only, production only (unknown counts as production), text', async () => {
  const store = await storeWith([
    { kind: 'command', actor: 'terminal', command: 'terraform destroy', environment: 'production', time: at(0, 9) },
    { kind: 'decision', actor: 'cursor', command: 'railway volume delete', decision: 'deny', environment: 'unknown', time: at(0, 10) },
    { kind: 'decision', actor: 'claude', command: 'npm test', decision: 'allow', environment: 'development', time: at(0, 11) },
    { kind: 'file-read', actor: 'claude', file: '/w/.env', decision: 'deny', time: at(0, 12) },
  ]);
  const model = new ActivityTreeModel(store, 200, () => NOW);
  const visible = () => model.filteredEvents().map((s) => s.event.command ?? s.event.file);
  assert.equal(model.visibleCount(), 4);
  model.setFilters({ agentOnly: true });
  assert.deepEqual(visible(), ['railway volume delete', 'npm test', '/w/.env']);
  model.setFilters({ agentOnly: false, blockedOnly: true });
  assert.deepEqual(visible(), ['railway volume delete', '/w/.env']);
  model.setFilters({ blockedOnly: false, productionOnly: true });
  assert.deepEqual(visible(), ['terraform destroy', 'railway volume delete']);
  model.setFilters({ productionOnly: false, text: '  RAILWAY ' });
  assert.deepEqual(visible(), ['railway volume delete']);
  assert.equal(model.isFiltered(), true);
  assert.equal(model.visibleCount(), 1);
  model.setFilters({ text: 'nothing matches this' });
  assert.deepEqual(model.roots(), []);
});

test('the grouping follows the store: an appended event (from any process) appears after refresh', async () => {
  const store = await storeWith([{ kind: 'command', actor: 'terminal', command: 'one', time: at(0, 9) }]);
  const model = new ActivityTreeModel(store, 200, () => NOW);
  assert.equal(model.visibleCount(), 1);
  const other = new ActivityLog(store.logs[0]!.dir);
  await other.append(completeEvent({ kind: 'command', actor: 'terminal', command: 'two', time: at(0, 10) }));
  assert.equal(store.refresh(), 1);
  assert.equal(model.visibleCount(), 2);
  assert.deepEqual(labels(model.children(model.children(model.roots()[0])[0])), ['two', 'one']);
});

test('an event appended out of time order is placed by time', async () => {
  const store = await storeWith([{ kind: 'command', actor: 'terminal', command: 'late', time: at(0, 12) }]);
  await new ActivityLog(store.logs[0]!.dir).append(completeEvent({ kind: 'command', actor: 'terminal', command: 'early', time: at(0, 8) }));
  store.refresh();
  assert.deepEqual(
    store.all().map((s) => s.event.command),
    ['early', 'late'],
  );
});

test('blockedToday counts denials since local midnight only', async () => {
  const store = await storeWith([
    { kind: 'decision', actor: 'claude', command: 'a', decision: 'deny', time: at(1, 23) },
    { kind: 'confirmation', actor: 'claude', command: 'b', decision: 'deny', decidedBy: 'timeout', time: at(0, 1) },
    { kind: 'decision', actor: 'claude', command: 'c', decision: 'allow', time: at(0, 2) },
    { kind: 'file-read', actor: 'cursor', file: '.env', decision: 'deny', time: at(0, 3) },
  ]);
  assert.equal(store.blockedToday(NOW), 2);
});

test('100,000 events: loading, grouping and a page of children stay fast enough for a view (generous bound)', async () => {
  const log = new ActivityLog(tempDir());
  // Written directly: 100,000 fsync'd appends would only measure the disk (the bench covers appends).
  const base = NOW.getTime() - 100_000 * 20_000;
  const lines: string[] = [];
  let prev = GENESIS;
  for (let i = 0; i < 100_000; i++) {
    const line = encodeLine(
      i + 1,
      prev,
      completeEvent({
        kind: 'command',
        actor: i % 2 ? 'terminal' : 'claude',
        session: i % 2 ? undefined : `s${i >> 10}`,
        command: `c${i}`,
        time: new Date(base + i * 20_000).toISOString(),
      }),
    );
    lines.push(line.text);
    prev = line.hash;
  }
  mkdirSync(log.dir, { recursive: true });
  writeFileSync(log.activePath, `${lines.join('\n')}\n`);
  const started = Date.now();
  const store = new ActivityStore([log]);
  store.load();
  const model = new ActivityTreeModel(store, 200, () => NOW);
  const days = model.roots();
  const sessions = model.children(days[0]) as SessionNode[];
  const page = model.children(sessions[0]);
  const elapsed = Date.now() - started;
  assert.equal(
    days.reduce((n: number, d: DayNode) => n + d.count, 0),
    100_000,
  );
  assert.equal(page.length, 201, 'one page of 200 and a "more" node');
  assert.equal(days[0]!.key, dayKey(NOW.getTime()));
  assert.ok(elapsed < 10_000, `loading and grouping 100,000 events took ${elapsed} ms`);
});

test('a gated command and its run are one row carrying the exit code; a blocked one or an unrelated run stays apart', async () => {
  const store = await storeWith([
    { kind: 'decision', actor: 'terminal', command: 'ls', decision: 'allow', time: at(0, 9, 0) },
    { kind: 'command', actor: 'terminal', command: 'git status', exitCode: 0, time: at(0, 9, 1) },
    { kind: 'decision', actor: 'terminal', command: 'railway volume delete', decision: 'ask', time: at(0, 10, 0) },
    { kind: 'confirmation', actor: 'terminal', command: 'railway volume delete', decision: 'allow', decidedBy: 'person', time: at(0, 10, 1) },
    { kind: 'command', actor: 'terminal', command: 'railway volume delete', exitCode: 1, time: at(0, 10, 2) },
    { kind: 'decision', actor: 'terminal', command: 'rm -rf ~', decision: 'deny', time: at(0, 11, 0) },
    { kind: 'command', actor: 'terminal', command: 'echo done', exitCode: 0, time: at(0, 11, 1) },
  ]);
  const model = new ActivityTreeModel(store, 200, () => NOW);
  const [today] = model.roots();
  assert.ok(today);
  assert.equal(today.count, 6);
  const [terminal] = model.children(today) as SessionNode[];
  const rows = model.children(terminal);
  assert.deepEqual(labels(rows), ['echo done', 'rm -rf ~', 'railway volume delete', 'railway volume delete', 'git status', 'ls']);
  const merged = rows.filter((r) => r.type === 'event' && r.ran);
  assert.equal(merged.length, 1);
  const [first] = merged;
  assert.ok(first);
  assert.equal(first.type === 'event' && first.stored.event.kind, 'confirmation');
  assert.equal(first.type === 'event' && first.ran?.event.exitCode, 1);
});
