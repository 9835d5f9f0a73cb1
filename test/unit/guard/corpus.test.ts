// Runs every table in test/corpus/<pack>.ts: each line must reach exactly the expected decision,
// and name the expected rule when one is given.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCommand } from '../../../src/core/guard/engine';
import { CORPUS_OPTIONS, corpusFiles, loadCorpus } from './corpus-files';

for (const file of corpusFiles()) {
  test(`corpus ${file}`, async () => {
    const corpus = loadCorpus(file);
    assert.ok(corpus.length > 0, `${file} has cases`);
    const failures: string[] = [];
    for (const [expected, line, rule] of corpus) {
      const result = await checkCommand(line, CORPUS_OPTIONS);
      const rules = result.findings.map((f) => f.rule);
      if (result.decision !== expected)
        failures.push(`${JSON.stringify(line)}: expected ${expected}, got ${result.decision} (${rules.join(', ') || 'no findings'})`);
      else if (rule && !rules.includes(rule)) failures.push(`${JSON.stringify(line)}: expected rule ${rule}, got ${rules.join(', ') || 'none'}`);
    }
    assert.deepEqual(failures, []);
  });
}

test('no line is in the corpus twice', () => {
  const seen = new Map<string, string>();
  const repeated: string[] = [];
  for (const file of corpusFiles()) {
    for (const [, line] of loadCorpus(file)) {
      if (seen.has(line)) repeated.push(`${line} (${seen.get(line)} and ${file})`);
      seen.set(line, file);
    }
  }
  assert.deepEqual(repeated, []);
});

test('the corpus covers every pack with at least 600 cases in all', () => {
  const count = corpusFiles().reduce((n, f) => n + loadCorpus(f).length, 0);
  assert.ok(count >= 600, `only ${count} corpus cases`);
});
