// The secret gate's work is bounded: a 4 MB line costs one pass, not a glob match per word (it
// took 30 s), and past the bound a line naming many candidate files asks instead of guessing.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { secretPrintReason } from '../../../src/core/hooks/secret-access';
import { DEFAULT_PROTECTED_FILES } from '../../../src/core/tokens/protected-files';

const ROOT = '/work/demo-app';
const rules = { globs: DEFAULT_PROTECTED_FILES };
const reason = (line: string, cwd = ROOT) => secretPrintReason(line, cwd, [ROOT], rules);

test('a 4 MB line of ordinary names is settled in one pass, and still allowed', async () => {
  assert.equal(await reason(`cat ${'a '.repeat(2 * 1024 * 1024)}`), undefined);
  assert.equal(await reason(`head ${Array.from({ length: 300_000 }, (_, i) => `notes-${i}.txt`).join(' ')}`), undefined);
});

test('a 4 MB line naming many candidate files asks, whichever way the names are written', async () => {
  assert.ok(await reason(`cat ${Array.from({ length: 400_000 }, (_, i) => `k${i}.pem`).join(' ')}`));
  assert.ok(await reason(`cat ${Array.from({ length: 400_000 }, (_, i) => `"dir${i}/id_x"`).join(' ')}`));
  assert.ok(await reason(`cat ${'x '.repeat(1_000_000)} .env`), 'one protected name at the end of a long line');
});

test('the candidate filter keeps every protected name: by word, by fragment, through the cwd or ~', async () => {
  for (const [line, cwd] of [
    ['cat server.pem', ROOT],
    ['cat id_deploy', ROOT],
    ['cat my-credentials-2.json', ROOT],
    ['cat config', '/home/u/.kube'],
    ['less ~/.aws/credentials', ROOT],
    ['cat Secrets.yaml', ROOT],
  ] as const) {
    if (line === 'cat Secrets.yaml' && process.platform === 'linux') continue; // case-sensitive there, like minimatch
    assert.ok(await reason(line, cwd), `${line} in ${cwd}`);
  }
});
