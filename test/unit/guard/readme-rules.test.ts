// The README's rule tables are generated from the packs' metadata (scripts/rule-docs.ts): this
// fails when a rule or corpus case changed and `npm run docs:rules` was not run.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { currentRuleDocs, README, renderRuleDocs, withRuleDocs } from '../../../scripts/rule-docs';
import { packs } from '../../../src/core/guard/packs/index';

test("the README's rule section is what the packs and the corpus say today", () => {
  const readme = readFileSync(README, 'utf8');
  assert.equal(withRuleDocs(readme, currentRuleDocs()), readme, 'docs/cli.md is stale: run `npm run docs:rules`');
});

test('the section lists every rule and pack, and counts them', () => {
  const section = renderRuleDocs(packs, [
    [
      ['ask', 'x'],
      ['allow', 'y'],
    ],
  ]);
  for (const pack of packs) for (const rule of pack.rules) assert.ok(section.includes(`| \`${rule.id}\` | ${rule.decision} |`), rule.id);
  const total = packs.reduce((n, p) => n + p.rules.length, 0);
  assert.ok(section.includes(`${total} rules in ${packs.length} packs`));
  assert.ok(section.includes('2 corpus cases in `test/corpus/` (1 ask or deny, 1 allow)'));
  assert.throws(() => withRuleDocs('no markers here', section), /markers/);
});
