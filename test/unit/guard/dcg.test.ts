// Runs ALL of dcg's public corpus. dcg `deny` = our ask or deny; `allow` = our allow; edge cases
// need an answer without a crash. Deliberate disagreements live in test/corpus/dcg-disagreements.ts.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCommand } from '../../../src/core/guard/engine';
import disagreements from '../../corpus/dcg-disagreements';
import { loadDcgCorpus } from './dcg-corpus';

const cwd = '/home/dev/project';

test('dcg corpus: every case agrees with dcg or is a listed, reasoned disagreement', async () => {
  const cases = loadDcgCorpus();
  assert.ok(cases.length > 900, `dcg corpus looks incomplete: ${cases.length} cases`);
  const listed = new Map(disagreements.map((d) => [`${d.dcg}\u0000${d.command}`, d]));
  const used = new Set<string>();
  const unexpected: string[] = [];
  for (const c of cases) {
    const result = await checkCommand(c.command, { cwd });
    assert.ok(['allow', 'ask', 'deny'].includes(result.decision), `${c.source}: no answer`);
    if (c.expected === 'no-crash') continue;
    const ours = result.decision === 'allow' ? 'allow' : 'deny';
    const key = `${c.expected}\u0000${c.command}`;
    if (ours === c.expected) continue;
    if (listed.has(key)) {
      used.add(key);
      continue;
    }
    unexpected.push(
      `${c.source}: dcg ${c.expected}, Airlock ${result.decision} (${result.findings.map((f) => f.rule).join(', ') || 'no findings'}): ${JSON.stringify(c.command)}`,
    );
  }
  const stale = [...listed.keys()].filter((k) => !used.has(k)).map((k) => k.replace('\u0000', ': '));
  assert.deepEqual(unexpected, [], `${unexpected.length} unlisted disagreements`);
  assert.deepEqual(stale, [], 'listed disagreements that no longer disagree');
});
