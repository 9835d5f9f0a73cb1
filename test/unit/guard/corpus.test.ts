// Runs every table in test/corpus/<pack>.ts: each line must reach exactly the expected decision,
// and name the expected rule when one is given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkCommand } from '../../../src/core/guard/engine';
import type { Corpus } from '../../corpus/types';

const corpusDir = resolve(__dirname, '../../corpus');
export const CORPUS_CWD = join(corpusDir, 'fixtures');
const NOT_CORPORA = new Set(['types.ts', 'dcg-disagreements.ts']);

export function corpusFiles(): string[] {
  return readdirSync(corpusDir).filter((f) => f.endsWith('.ts') && !NOT_CORPORA.has(f)).sort();
}

export function loadCorpus(file: string): Corpus {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(join(corpusDir, file)) as { default: Corpus }).default;
}

for (const file of corpusFiles()) {
  test(`corpus ${file}`, async () => {
    const corpus = loadCorpus(file);
    assert.ok(corpus.length > 0, `${file} has cases`);
    const failures: string[] = [];
    for (const [expected, line, rule] of corpus) {
      const result = await checkCommand(line, { cwd: CORPUS_CWD });
      const rules = result.findings.map((f) => f.rule);
      if (result.decision !== expected) failures.push(`${JSON.stringify(line)}: expected ${expected}, got ${result.decision} (${rules.join(', ') || 'no findings'})`);
      else if (rule && !rules.includes(rule)) failures.push(`${JSON.stringify(line)}: expected rule ${rule}, got ${rules.join(', ') || 'none'}`);
    }
    assert.deepEqual(failures, []);
  });
}
