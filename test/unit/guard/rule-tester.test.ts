// The rule tester catches what it promises to: bad metadata, repeated examples, examples the fast
// path would skip, and examples whose stated decision or severity the rule does not give.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packs } from '../../../src/core/guard/packs/index';
import { definePack, defineRule, type Rule } from '../../../src/core/guard/rule';
import { exampleFailures, metadataProblems } from './rule-tester';

const railway = packs.find((p) => p.id === 'railway')!;
const volumeDelete = railway.rules.find((r) => r.id === 'railway.volume-delete')!;

function variant(changes: Partial<Rule>): Rule {
  return defineRule({ ...volumeDelete, ...changes });
}

test('a well-formed rule has no metadata problems', () => {
  assert.deepEqual(metadataProblems(railway, volumeDelete), []);
});

test('metadata: wrong pack prefix, short reason, no look-alike, repeated line, keyword the line lacks', () => {
  const pack = definePack({ ...railway, rules: [] });
  const problems = metadataProblems(
    pack,
    variant({
      id: 'fly.volume-delete',
      reason: 'bad',
      keywords: ['flyctl'],
      examples: { match: ['railway volume delete', { line: 'railway volume delete', decision: 'ask' }], noMatch: [] },
    }),
  );
  assert.ok(problems.some((p) => p.startsWith('id fly.volume-delete')));
  assert.ok(problems.includes('the reason is not written out'));
  assert.ok(problems.includes('no look-alike example it must not match'));
  assert.ok(problems.includes('example given twice: railway volume delete'));
  assert.ok(problems.some((p) => p.startsWith('the fast path would let this example through')));
});

test('examples: a stated decision or severity the rule does not give fails, so does a noMatch that asks', async () => {
  const failures = await exampleFailures(
    variant({
      examples: {
        match: [{ line: 'railway volume delete --volume data', decision: 'deny' }, { line: 'railway volume rm x', severity: 'low' }, 'railway volume list'],
        noMatch: ['railway volume delete', { line: 'git push --force origin main', decision: 'allow' }],
      },
    }),
  );
  assert.deepEqual(
    failures.map((f) => f.split(':')[0]),
    ['should deny', 'should be low', 'should match', 'should not match', 'should be allowed'],
  );
});

test('keywords default to the tools when a rule leaves them out', () => {
  const { keywords: _unused, ...rest } = volumeDelete;
  assert.deepEqual(defineRule(rest).keywords, volumeDelete.tools);
});
