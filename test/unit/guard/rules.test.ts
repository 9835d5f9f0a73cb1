// The rule tester: every rule's own examples run as tests, in the style of ESLint's RuleTester.
// `match` lines must trigger that rule id; `noMatch` lines must not.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCommand } from '../../../src/core/guard/engine';
import { packs } from '../../../src/core/guard/packs/index';
import { exampleLine } from '../../../src/core/guard/rule';

/** Not a temp or build folder, so deletes here are not routine. */
export const RULE_TEST_CWD = '/home/dev/project';

test('rule ids are unique and named <pack>.<name>', () => {
  const seen = new Set<string>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      assert.ok(rule.id.startsWith(`${pack.id}.`), `${rule.id} is not in pack ${pack.id}`);
      assert.ok(!seen.has(rule.id), `duplicate rule id ${rule.id}`);
      seen.add(rule.id);
    }
  }
});

for (const pack of packs) {
  describe(`pack ${pack.id}`, () => {
    for (const rule of pack.rules) {
      test(rule.id, async () => {
        assert.ok(rule.keywords.length > 0, 'a rule lists the keywords it needs');
        assert.ok(rule.tools.length > 0, 'a rule lists the tools it looks at');
        assert.ok(rule.examples.match.length > 0, 'a rule has at least one matching example');
        assert.ok(rule.reason.length > 10, 'a rule explains itself');
        const failures: string[] = [];
        for (const line of rule.examples.match.map(exampleLine)) {
          const result = await checkCommand(line, { cwd: RULE_TEST_CWD });
          if (!result.findings.some((f) => f.rule === rule.id)) failures.push(`should match: ${line}  (got ${result.findings.map((f) => f.rule).join(', ') || 'nothing'})`);
        }
        for (const line of rule.examples.noMatch.map(exampleLine)) {
          const result = await checkCommand(line, { cwd: RULE_TEST_CWD });
          if (result.findings.some((f) => f.rule === rule.id)) failures.push(`should not match: ${line}`);
        }
        assert.deepEqual(failures, []);
      });
    }
  });
}
