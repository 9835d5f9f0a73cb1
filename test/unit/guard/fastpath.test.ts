// The fast path is sound: every positive case (rule examples, corpus ask/deny, dcg deny) must say
// "needs the full check" through BOTH the in-process TS function and the launcher's sh/awk copy;
// and both forms decide every line alike (same normalisation).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { checkCommand, guardTriggers } from '../../../src/core/guard/engine';
import { needsFullCheck } from '../../../src/core/guard/fastpath/prefilter';
import { packs } from '../../../src/core/guard/packs/index';
import { exampleLine } from '../../../src/core/guard/rule';
import { CORPUS_OPTIONS, corpusFiles, loadCorpus } from './corpus-files';
import { loadDcgCorpus, REPO_ROOT } from './dcg-corpus';

// Built into a folder of its own: other tests build dist/ at the same time.
const built = mkdtempSync(join(tmpdir(), 'airlock-prefilter-'));
const prefilterSh = join(built, 'prefilter.sh');

before(async () => {
  const { buildLauncher } = await import(join(REPO_ROOT, 'scripts/build-launcher.mjs'));
  await buildLauncher(built);
});

/** Runs the generated sh prefilter over many lines at once: one awk process, \036 between lines. */
function shellVerdicts(lines: string[]): boolean[] {
  const out = execFileSync(
    'sh',
    ['-c', `. "${prefilterSh}"; LC_ALL=C awk -v mode=lines -v words="$AIRLOCK_TRIGGER_WORDS" -v runnerwords="$AIRLOCK_RUNNER_WORDS" "$AIRLOCK_PREFILTER_AWK"`],
    {
      input: lines.join('\u001e'),
      encoding: 'utf8',
      env: { PATH: process.env.PATH, LC_ALL: 'C' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const verdicts = out
    .trim()
    .split('\n')
    .map((v) => v === '1');
  assert.equal(verdicts.length, lines.length, 'one verdict per line');
  return verdicts;
}

/**
 * Rule examples and corpus ask/deny lines, every dcg deny case, and every other dcg line the full
 * engine (fast path off) does not allow.
 */
async function positives(): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  for (const pack of packs) for (const rule of pack.rules) for (const example of rule.examples.match) out.push([`${rule.id} example`, exampleLine(example)]);
  for (const file of corpusFiles()) for (const [decision, line] of loadCorpus(file)) if (decision !== 'allow') out.push([`corpus ${file}`, line]);
  for (const c of loadDcgCorpus()) {
    if (c.expected === 'deny') {
      out.push([`dcg deny ${c.source}`, c.command]);
      continue;
    }
    const full = await checkCommand(c.command, { ...CORPUS_OPTIONS, fastPath: false });
    if (full.decision !== 'allow') out.push([`dcg ${c.source}`, c.command]);
  }
  return out.filter(([, line]) => !line.includes('\u001e'));
}

test('every positive case needs the full check, in TS and in the launcher shell function', async () => {
  const cases = await positives();
  assert.ok(cases.length > 700, `only ${cases.length} positive cases`);
  const triggers = guardTriggers();
  const shell = shellVerdicts(cases.map(([, line]) => line));
  const missed: string[] = [];
  cases.forEach(([source, line], i) => {
    if (!needsFullCheck(line, triggers)) missed.push(`TS: ${source}: ${line}`);
    if (!shell[i]) missed.push(`sh: ${source}: ${line}`);
  });
  assert.deepEqual(missed, []);
});

test('TS and sh decide every corpus line alike, and benign lines take the fast path', () => {
  const lines = [
    ...corpusFiles().flatMap((f) => loadCorpus(f).map(([, line]) => line)),
    ...loadDcgCorpus().map((c) => c.command),
    'git status',
    'ls -la',
    'npm test',
    'RM -RF /',
    'ＲＭ -rf x',
    'café && ls',
    "echo 'a\"b'",
    'A\\\nB',
  ].filter((line) => !line.includes('\u001e'));
  const triggers = guardTriggers();
  const shell = shellVerdicts(lines);
  const differ = lines.filter((line, i) => needsFullCheck(line, triggers) !== shell[i]);
  assert.deepEqual(differ, []);
  for (const benign of ['git status', 'ls -la', 'make test', 'cat README.md', 'git log --oneline -5', 'pwd']) {
    assert.equal(needsFullCheck(benign, triggers), false, `${benign} should take the fast path`);
  }
});

test('what the fast path cannot see goes to the full check', () => {
  const triggers = guardTriggers();
  for (const line of [
    '$CMD x',
    'x `y`',
    '{a,b}',
    'ls *',
    'ls a?',
    'ls [ab]',
    'f() { f|f& }; f',
    'g ( ) ( g | g & )',
    '. ./env.sh',
    'x; . y',
    'R\\M -rf x',
    "'r'm x",
    'RM x',
  ]) {
    assert.equal(needsFullCheck(line, triggers), true, line);
  }
});
