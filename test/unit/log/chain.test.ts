import assert from 'node:assert/strict';
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ActivityLog } from '../../../src/core/log/activity-log';
import { headPath, writeHeadRecord } from '../../../src/core/log/head';
import { GENESIS, sha256 } from '../../../src/core/log/line';
import { verifyLog } from '../../../src/core/log/verify';
import { lines, logWith, sampleEvent, tempDir, writeLines } from './helpers';

test('each line carries the hash of the one before; the first chains to genesis', async () => {
  const log = await logWith(3);
  const parsed = lines(log.activePath).map((l) => JSON.parse(l));
  assert.deepEqual(
    parsed.map((l) => l.seq),
    [1, 2, 3],
  );
  assert.equal(parsed[0].prev, GENESIS);
  assert.equal(parsed[1].prev, parsed[0].hash);
  assert.equal(parsed[2].prev, parsed[1].hash);
  // The hash covers the exact bytes before it.
  const raw = lines(log.activePath)[1];
  assert.ok(raw);
  assert.equal(sha256(raw.slice(0, raw.indexOf(',"hash":"'))), parsed[1].hash);
  const report = verifyLog(log.dir);
  assert.equal(report.ok, true);
  assert.equal(report.lines, 3);
  assert.deepEqual(report.issues, []);
  assert.equal(report.head.seq, 3);
});

test('an empty or missing log verifies as ok with no lines', () => {
  const report = verifyLog(join(tempDir(), 'never-written'));
  assert.equal(report.ok, true);
  assert.equal(report.lines, 0);
});

test('read returns every event in order, with the cursor at the end', async () => {
  const log = await logWith(5);
  const result = log.read();
  assert.deepEqual(
    result.events.map((e) => e.event.command),
    ['echo 1', 'echo 2', 'echo 3', 'echo 4', 'echo 5'],
  );
  assert.equal(result.cursor.offset, statSync(log.activePath).size);
});

test('readSince returns only what another writer appended since the cursor', async () => {
  const log = await logWith(2);
  const cursor = log.read().cursor;
  const other = new ActivityLog(log.dir);
  await other.append(sampleEvent(3));
  const since = log.readSince(cursor);
  assert.ok(since);
  assert.deepEqual(
    since.events.map((e) => e.event.command),
    ['echo 3'],
  );
  assert.equal(since.events[0]!.seq, 3);
  // The first instance chains correctly after the other's write (its cache must not be trusted).
  await log.append(sampleEvent(4));
  assert.equal(verifyLog(log.dir).ok, true);
  assert.equal(verifyLog(log.dir).head.seq, 4);
});

test('editing a line is detected at that line', async () => {
  const log = await logWith(5);
  const list = lines(log.activePath);
  list[2] = list[2]!.replace('echo 3', 'echo X');
  writeLines(log.activePath, list);
  const report = verifyLog(log.dir);
  assert.equal(report.ok, false);
  assert.equal(report.firstBreak?.kind, 'edited');
  assert.equal(report.firstBreak?.line, 3);
});

test('editing the last line is detected too', async () => {
  const log = await logWith(3);
  const list = lines(log.activePath);
  list[2] = list[2]!.replace('echo 3', 'echo 9');
  writeLines(log.activePath, list);
  const report = verifyLog(log.dir);
  assert.equal(report.ok, false);
  assert.equal(report.firstBreak?.kind, 'edited');
  assert.equal(report.firstBreak?.line, 3);
});

test('an edit with a recomputed hash breaks the chain at the next line', async () => {
  const log = await logWith(4);
  const list = lines(log.activePath);
  const body = list[1]!.slice(0, list[1]!.indexOf(',"hash":"')).replace('echo 2', 'echo Z');
  list[1] = `${body},"hash":"${sha256(body)}"}`;
  writeLines(log.activePath, list);
  const report = verifyLog(log.dir);
  assert.equal(report.ok, false);
  assert.equal(report.firstBreak?.kind, 'chain-break');
  assert.equal(report.firstBreak?.line, 3);
});

test('deleting a line is detected at the line after it', async () => {
  const log = await logWith(5);
  const list = lines(log.activePath);
  list.splice(1, 1);
  writeLines(log.activePath, list);
  const report = verifyLog(log.dir);
  assert.equal(report.ok, false);
  assert.equal(report.firstBreak?.kind, 'chain-break');
  assert.equal(report.firstBreak?.line, 2);
  assert.equal(report.issues.length, 1, 'resynchronises: one deletion is one finding');
});

test('reordering two lines is detected at the first moved line', async () => {
  const log = await logWith(5);
  const list = lines(log.activePath);
  [list[2], list[3]] = [list[3]!, list[2]!];
  writeLines(log.activePath, list);
  const report = verifyLog(log.dir);
  assert.equal(report.ok, false);
  assert.equal(report.firstBreak?.line, 3);
});

test('inserting a well-formed forged line is detected', async () => {
  const log = await logWith(4);
  const list = lines(log.activePath);
  const first = JSON.parse(list[0]!);
  // A forger who chains the new line to line 1 correctly still breaks line 2's link.
  const body = `{"seq":2,"prev":"${first.hash}","event":${JSON.stringify(sampleEvent(99))}`;
  list.splice(1, 0, `${body},"hash":"${sha256(body)}"}`);
  writeLines(log.activePath, list);
  const report = verifyLog(log.dir);
  assert.equal(report.ok, false);
  assert.equal(report.firstBreak?.kind, 'chain-break');
  assert.equal(report.firstBreak?.line, 3);
});

test('inserting a garbage line between valid lines is tampering, not a torn write', async () => {
  const log = await logWith(3);
  const list = lines(log.activePath);
  list.splice(1, 0, '{"seq":2,"prev":"not a real line"');
  writeLines(log.activePath, list);
  const report = verifyLog(log.dir);
  assert.equal(report.ok, false);
  assert.equal(report.firstBreak?.kind, 'unreadable');
  assert.equal(report.firstBreak?.line, 2);
});

test('a torn last line is reported, kept, and the next append chains after the last valid line', async () => {
  const log = await logWith(3);
  const size = statSync(log.activePath).size;
  truncateSync(log.activePath, size - 40); // power loss in the middle of line 3
  // The head record is written only once a line is on disk: after this crash it still names line 2.
  const second = JSON.parse(lines(log.activePath)[1]!);
  writeHeadRecord(log.dir, second.seq, second.hash);
  const torn = verifyLog(log.dir);
  assert.equal(torn.ok, true, 'a torn write is not tampering');
  assert.equal(torn.issues.length, 1);
  assert.equal(torn.issues[0]!.kind, 'torn');
  assert.equal(torn.issues[0]!.line, 3);
  assert.equal(log.read().events.length, 2);

  const fresh = new ActivityLog(log.dir); // a new process after the crash
  await fresh.append(sampleEvent(4));
  const list = lines(log.activePath);
  assert.equal(list.length, 5, 'the torn bytes stay in the file, on their own line');
  const recovery = JSON.parse(list[3]!);
  assert.equal(recovery.event.kind, 'airlock');
  assert.equal(recovery.seq, 3);
  assert.equal(JSON.parse(list[4]!).event.command, 'echo 4');
  const after = verifyLog(log.dir);
  assert.equal(after.ok, true);
  assert.equal(after.issues.length, 1);
  assert.equal(after.issues[0]!.kind, 'torn');
  assert.match(after.issues[0]!.message, /continued after it/);
  assert.equal(after.head.seq, 4);
  assert.deepEqual(
    fresh.read().events.map((e) => e.event.kind),
    ['decision', 'decision', 'airlock', 'decision'],
  );
});

test('a complete bad last line (it ends in a newline) is a break, before and after the next append', async () => {
  const log = await logWith(2);
  appendFileSync(log.activePath, '{"seq":3,"prev":"abc\n');
  const before = verifyLog(log.dir);
  assert.equal(before.ok, false, 'a power loss cannot leave a whole line ending in a newline');
  assert.equal(before.firstBreak?.kind, 'unreadable');
  assert.equal(before.firstBreak?.line, 3);
  await new ActivityLog(log.dir).append(sampleEvent(3));
  const after = verifyLog(log.dir);
  assert.equal(after.ok, false, 'the recovery record the next append writes does not make it a tear');
  assert.equal(after.firstBreak?.line, 3);
  assert.equal(after.head.seq, 4, 'the log still continues after it');
});

test('forged complete lines before a torn-looking tail are a break at the first forged line', async () => {
  const log = await logWith(1);
  appendFileSync(log.activePath, '{"seq":2,"decision":"allow"}\n\0\0garbage\n');
  const report = verifyLog(log.dir);
  assert.equal(report.ok, false);
  assert.equal(report.firstBreak?.kind, 'unreadable');
  assert.equal(report.firstBreak?.line, 2);
  assert.ok(!report.issues.some((issue) => issue.kind === 'torn'), 'nothing here was torn: every line ends in a newline');
  assert.deepEqual(
    log.read().events.map((e) => e.event.command),
    ['echo 1'],
    'the forged line is never read as an event',
  );

  // Without the final newline the garbage could be a tear, but the complete forged line before it cannot.
  const other = await logWith(1);
  appendFileSync(other.activePath, '{"seq":2,"decision":"allow"}\n\0\0garbage');
  const torn = verifyLog(other.dir);
  assert.equal(torn.ok, false);
  assert.equal(torn.firstBreak?.line, 2);
  await new ActivityLog(other.dir).append(sampleEvent(2));
  const recovered = verifyLog(other.dir);
  assert.equal(recovered.ok, false, 'a recovery record covering the forged line does not explain it');
  assert.equal(recovered.firstBreak?.line, 2);
  assert.deepEqual(
    other.read().events.map((e) => e.event.kind),
    ['decision', 'airlock', 'decision'],
  );
});

test('garbage that ends in a newline in the middle of the log is a break', async () => {
  const log = await logWith(2);
  appendFileSync(log.activePath, '\0\0\0\0\n');
  await log.append(sampleEvent(3));
  const report = verifyLog(log.dir);
  assert.equal(report.ok, false);
  assert.equal(report.firstBreak?.line, 3);
});

test('a log that is nothing but a torn first line restarts the chain from genesis', async () => {
  const dir = tempDir();
  const log = new ActivityLog(dir);
  appendFileSync(log.activePath, '{"seq":1,"prev":"00');
  await log.append(sampleEvent(1));
  const report = verifyLog(dir);
  assert.equal(report.ok, true);
  assert.equal(report.head.seq, 2);
});

test('rotation by size keeps the chain across files', async () => {
  const log = await logWith(40, { maxFileBytes: 2048 });
  const files = readdirSync(log.dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  assert.ok(files.length >= 3, `expected several files, got ${files.join(', ')}`);
  assert.ok(files.includes('activity.000001.jsonl'));
  for (const file of files) assert.ok(statSync(join(log.dir, file)).size <= 2048, `${file} too large`);
  const report = verifyLog(log.dir);
  assert.equal(report.ok, true);
  assert.equal(report.lines, 40);
  assert.equal(report.files, files.length);
  assert.deepEqual(
    log.read().events.map((e) => e.seq),
    Array.from({ length: 40 }, (_, i) => i + 1),
  );
  // The first line of the second file chains to the last line of the first.
  const firstFile = lines(join(log.dir, 'activity.000001.jsonl'));
  const secondFile = lines(join(log.dir, 'activity.000002.jsonl'));
  assert.equal(JSON.parse(secondFile[0]!).prev, JSON.parse(firstFile[firstFile.length - 1]!).hash);
});

test('deleting a rotated file breaks the chain', async () => {
  const log = await logWith(30, { maxFileBytes: 2048 });
  const { unlinkSync } = await import('node:fs');
  unlinkSync(join(log.dir, 'activity.000001.jsonl'));
  const report = verifyLog(log.dir);
  assert.equal(report.ok, false);
  assert.equal(report.firstBreak?.file, 'activity.000002.jsonl');
  assert.equal(report.firstBreak?.line, 1);
});

test('append resolves after the line is in the file', async () => {
  const log = new ActivityLog(tempDir());
  await log.append(sampleEvent(1));
  assert.match(readFileSync(log.activePath, 'utf8'), /echo 1/);
});

test('an anchor kept outside the log catches lines cut from the end and a rewritten end', async () => {
  const log = new ActivityLog(tempDir());
  let anchor = { seq: 0, hash: '' };
  for (let i = 1; i <= 5; i++) {
    const written = await log.append(sampleEvent(i));
    anchor = { seq: written.seq, hash: written.hash };
  }
  assert.equal(verifyLog(log.dir, anchor).ok, true);
  assert.equal(verifyLog(log.dir, { seq: anchor.seq, hash: anchor.hash.slice(0, 12) }).ok, true, 'a printed prefix is enough');
  // Lines appended after the anchor (by another process) are fine.
  await log.append(sampleEvent(6));
  assert.equal(verifyLog(log.dir, anchor).ok, true);

  // Cut the last two lines: the chain is still valid, but the head record kept outside the log and the anchor are not.
  const list = lines(log.activePath);
  writeLines(log.activePath, list.slice(0, 4));
  assert.equal(verifyLog(log.dir).firstBreak?.kind, 'truncated', 'the head record outside the log sees a cut end');
  rmSync(headPath(log.dir));
  assert.equal(verifyLog(log.dir).firstBreak?.kind, 'head-missing', 'so does its absence');
  const cut = verifyLog(log.dir, anchor);
  assert.equal(cut.ok, false);
  assert.equal(cut.firstBreak?.kind, 'truncated');
  assert.match(cut.firstBreak!.message, /ends at seq 4, but Airlock wrote up to seq 5/);

  // Rewrite line 5 with a fresh, self-consistent hash: only the anchor notices.
  const body = `{"seq":5,"prev":"${JSON.parse(list[3]!).hash}","event":${JSON.stringify(sampleEvent(55))}`;
  writeLines(log.activePath, [...list.slice(0, 4), `${body},"hash":"${sha256(body)}"}`]);
  const rewritten = verifyLog(log.dir, anchor);
  assert.equal(rewritten.firstBreak?.kind, 'rewritten');
  assert.equal(rewritten.firstBreak?.line, 5);
});

test('an edited line is reported with the sequence number it claims, so a reader can mark its event', async () => {
  const log = await logWith(3);
  const list = lines(log.activePath);
  list[1] = list[1]!.replace('echo 2', 'echo 7');
  writeLines(log.activePath, list);
  const report = verifyLog(log.dir);
  assert.equal(report.firstBreak?.kind, 'edited');
  assert.equal(report.firstBreak?.seq, 2);
});
