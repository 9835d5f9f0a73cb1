// Issue 11: SARIF partialFingerprints were unkeyed SHA-256 prefixes of the secret, so whoever
// holds the file could confirm a guessed short password offline. They are HMACs now.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../../src/cli/main';
import { fingerprintKeyPath } from '../../../src/core/tokens/fingerprint-key';

const PASSWORD = 'Vq7rZp2LxK9m';

async function sarif(cwd: string, env: NodeJS.ProcessEnv): Promise<{ fingerprints: string[]; text: string }> {
  let out = '';
  await runCli(['scan', '.', '--sarif'], {
    stdout: (t) => {
      out += t;
    },
    stderr: () => {},
    readStdin: async () => '',
    env,
    cwd,
  });
  const parsed = JSON.parse(out);
  return {
    fingerprints: parsed.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => Object.values(r.partialFingerprints)[0]),
    text: out,
  };
}

test('a guessed password cannot be confirmed from the SARIF file, and alerts keep their identity under one key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-sarif-'));
  try {
    writeFileSync(join(dir, '.env'), `DATABASE_PASSWORD=${PASSWORD}\n`);
    const config = join(dir, 'config');
    const env = { XDG_CONFIG_HOME: config, HOME: dir };
    const first = await sarif(dir, env);
    assert.ok(first.fingerprints.length >= 1, 'the planted password is found');
    // The attacker's guesses: every unkeyed digest of the right guess, in the shapes a fingerprint might take.
    const sha = createHash('sha256').update(PASSWORD).digest('hex');
    for (const guess of [
      sha,
      sha.slice(0, 16),
      sha.slice(0, 32),
      createHash('sha1').update(PASSWORD).digest('hex'),
      createHash('md5').update(PASSWORD).digest('hex'),
    ]) {
      for (const fp of first.fingerprints) assert.ok(!guess.startsWith(fp) && !fp.startsWith(guess.slice(0, 16)), 'fingerprint is a plain hash of the secret');
    }
    assert.ok(!first.text.includes(sha.slice(0, 12)), 'no plain digest anywhere in the file');
    // Stable under the same per-user key (made 0600 once), different under another.
    assert.ok(existsSync(fingerprintKeyPath(env)));
    if (process.platform !== 'win32') assert.equal(statSync(fingerprintKeyPath(env)).mode & 0o077, 0);
    assert.deepEqual((await sarif(dir, env)).fingerprints, first.fingerprints);
    const other = await sarif(dir, { ...env, AIRLOCK_FINGERPRINT_KEY: 'ci-secret-0123456789abcdef' });
    assert.notDeepEqual(other.fingerprints, first.fingerprints);
    assert.deepEqual((await sarif(dir, { ...env, AIRLOCK_FINGERPRINT_KEY: 'ci-secret-0123456789abcdef' })).fingerprints, other.fingerprints);
    assert.match(readFileSync(fingerprintKeyPath(env), 'utf8'), /^[0-9a-f]{64}\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
