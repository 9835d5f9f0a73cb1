// The fast scanner (sync reads, the Aho–Corasick keyword pass, worker threads) finds exactly what
// the plain one (promise reads, one at a time per slot) finds, and skips the same files for the
// same reasons, on a fixture tree built to hold every kind of file both must handle.

import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fake, fakeUuid } from '../../../src/core/tokens/fake';
import { KeywordScanner } from '../../../src/core/tokens/keyword-scan';
import { allRules } from '../../../src/core/tokens/rules/index';
import { type ScanOptions, WorkspaceScanner, workerEntryFor } from '../../../src/core/tokens/scan';

const FIXTURES = join(__dirname, '../../fixtures/tokens');

/** The planted and negative fixtures, many copies (so workers start), and awkward files. */
function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'airlock-fastscan-'));
  for (let i = 0; i < 24; i++) cpSync(join(FIXTURES, 'planted'), join(root, `copy${i}`, 'planted'), { recursive: true });
  cpSync(join(FIXTURES, 'negatives'), join(root, 'negatives'), { recursive: true });
  mkdirSync(join(root, 'odd'));
  writeFileSync(join(root, 'odd', 'binary.bin'), Buffer.from([1, 2, 0, 3, 4]));
  writeFileSync(join(root, 'odd', 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  writeFileSync(join(root, 'odd', 'empty.txt'), '');
  writeFileSync(join(root, 'odd', 'big.env'), `A=${'x'.repeat(3000)}\nRAILWAY_API_TOKEN=${fakeUuid()}\n`);
  writeFileSync(join(root, 'odd', 'exact.env'), `RAILWAY_API_TOKEN=${fakeUuid()}\n`.padEnd(2048, '#'));
  writeFileSync(join(root, 'odd', 'gh.ts'), `const t = "ghp_${fake(36)}";\n`);
  symlinkSync(join(root, 'odd', 'gh.ts'), join(root, 'odd', 'link.ts'));
  symlinkSync(join(root, 'odd'), join(root, 'odd-dir-link'));
  symlinkSync(join(root, 'missing'), join(root, 'broken-link'));
  return root;
}

async function scan(root: string, options: ScanOptions) {
  const skips: string[] = [];
  const summary = await new WorkspaceScanner(root, { ...options, maxFileBytes: 2048, onSkip: (rel, reason) => skips.push(`${rel}: ${reason}`) }).scanAll();
  return { ...summary, skips: skips.sort() };
}

test('fast and plain scanners give the same findings, counts and skips', async () => {
  const root = tree();
  const plain = await scan(root, { reader: 'plain' });
  assert.ok(plain.findings.length > 300, `only ${plain.findings.length} findings`);
  const inThread = await scan(root, { reader: 'fast' });
  const workers = await scan(root, { reader: 'fast', workers: 2, workerEntry: workerEntryFor(__filename) });
  assert.equal(workers.workers, 2, 'both workers read files');
  assert.ok(!inThread.workers);
  for (const [name, fast] of [
    ['in-thread', inThread],
    ['workers', workers],
  ] as const) {
    assert.deepEqual(fast.findings, plain.findings, name);
    assert.deepEqual(fast.skips, plain.skips, name);
    assert.equal(fast.filesScanned, plain.filesScanned, name);
    assert.equal(fast.bytesScanned, plain.bytesScanned, name);
  }
});

test('a worker that cannot start leaves the scan to this thread, with the same result', async () => {
  const root = tree();
  const plain = await scan(root, { reader: 'plain' });
  const broken = await scan(root, { reader: 'fast', workers: 2, workerEntry: { script: join(root, 'no-such-worker.js') } });
  assert.deepEqual(broken.findings, plain.findings);
  assert.ok(!broken.workers);
  assert.equal(broken.filesScanned, plain.filesScanned);
});

/** The keyword pass it replaced: one alternation regex, with contained keywords added. */
function regexKeywords(lower: string, keywords: string[]): Set<string> {
  const sorted = [...new Set(keywords)].sort((a, b) => b.length - a.length);
  const scan = new RegExp(sorted.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const present = new Set<string>();
  for (let m = scan.exec(lower); m; m = scan.exec(lower)) {
    for (const k of sorted) if (m[0].includes(k)) present.add(k);
    scan.lastIndex = m.index + 1;
  }
  return present;
}

test('the Aho–Corasick keyword pass finds exactly the keywords the regex found', () => {
  const keywords = allRules.flatMap((r) => r.keywords);
  const scanner = new KeywordScanner(keywords);
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else texts.push(readFileSync(path, 'utf8').toLowerCase());
    }
  };
  walk(FIXTURES);
  // Keywords glued, overlapping and inside each other, and non-ASCII between them.
  texts.push(keywords.join(''), keywords.join('é'), keywords.map((k) => k.slice(1)).join(' '), [...keywords].reverse().join('x'));
  for (const text of texts) assert.deepEqual([...scanner.find(text)].sort(), [...regexKeywords(text, keywords)].sort());
  const small = new KeywordScanner(['he', 'she', 'his', 'hers', 'ü']);
  assert.deepEqual([...small.find('ushers')].sort(), ['he', 'hers', 'she']);
  assert.deepEqual([...small.find('xüx')], ['ü']);
});

test('a scan given the read index adds the files it found clean and settled, never one with a finding', async () => {
  const root = mkdtempSync(join(tmpdir(), 'airlock-scanindex-'));
  writeFileSync(join(root, 'clean.ts'), 'export const x = 1;\n');
  writeFileSync(join(root, 'token.ts'), `RAILWAY_API_TOKEN=${fakeUuid()}\n`);
  writeFileSync(join(root, 'fresh.ts'), 'export const y = 2;\n');
  const old = new Date(Date.now() - 60_000);
  utimesSync(join(root, 'clean.ts'), old, old);
  utimesSync(join(root, 'token.ts'), old, old);
  // ctime cannot be set back: wait until the first two have settled, then touch the third.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
  writeFileSync(join(root, 'fresh.ts'), 'export const y = 3;\n');
  const index = join(root, 'read-index');
  assert.equal((await new WorkspaceScanner(root, { readIndex: index }).scanAll()).findings.length, 1);
  const files = readFileSync(index, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split('\t')[1]);
  assert.deepEqual(files, [join(root, 'clean.ts')]);
});
