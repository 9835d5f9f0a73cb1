import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCommand } from '../../../src/core/guard/engine';
import { MAX_CHECKED_PATHS } from '../../../src/core/guard/packs/airlock-self/touched';

// `settings` is one of the pack's keywords, so the full check looks at every line here.
const files = (n: number) => Array.from({ length: n }, (_, i) => `settings.${i}.txt`).join(' ');

test('a write to more files than Airlock checks one by one asks instead of taking seconds; a few ordinary files pass', async () => {
  for (const tool of ['tee', 'truncate -s 0', 'sed -i s/a/b/']) {
    const many = await checkCommand(`echo x | ${tool} ${files(MAX_CHECKED_PATHS + 1)}`, { cwd: '/tmp' });
    assert.equal(many.decision, 'ask', tool);
    assert.ok(
      many.findings.some((f) => f.rule.startsWith('airlock-self.') && /too many for Airlock to check/.test(f.reason)),
      tool,
    );
  }
  assert.equal((await checkCommand(`echo x | tee ${files(3)}`, { cwd: '/tmp' })).decision, 'allow');
});
