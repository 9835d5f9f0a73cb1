// Every rule of every registered pack through the rule tester (./rule-tester.ts): the same
// metadata checks for all, then each rule's own examples through the whole engine.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { packs } from '../../../src/core/guard/packs/index';
import { exampleFailures, metadataProblems } from './rule-tester';

test('rule ids are unique across every pack', () => {
  const ids = packs.flatMap((p) => p.rules.map((r) => r.id));
  assert.deepEqual(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
  );
});

for (const pack of packs) {
  describe(`pack ${pack.id}`, () => {
    test('describes itself', () => {
      assert.ok(pack.name.length > 0 && pack.description.length > 20, 'a pack has a name and a description');
      assert.ok(pack.rules.length > 0, 'a pack has rules');
    });
    for (const rule of pack.rules) {
      test(rule.id, async () => {
        assert.deepEqual(metadataProblems(pack, rule), [], 'metadata');
        assert.deepEqual(await exampleFailures(rule), [], 'examples');
      });
    }
  });
}
