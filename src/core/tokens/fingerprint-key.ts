import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { isAbsolute, join } from 'node:path';
import { writePrivateFile } from '../ipc/registry';
import { homeOf } from '../protection/fixed-locations';

/**
 * SARIF files are shared (uploaded to code scanning, attached to CI runs). A fingerprint that is
 * a plain hash of the secret lets whoever holds the file confirm a guessed short password
 * offline, so fingerprints are HMACs under a key that never leaves the machine (or the CI's
 * secret store): `AIRLOCK_FINGERPRINT_KEY` when set (give CI a fixed one so alerts keep their
 * identity across runs), else a random per-user key made once, 0600, beside the user's policy.
 */
export function fingerprintKeyPath(env: NodeJS.ProcessEnv = process.env): string {
  const config = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(homeOf(env), '.config');
  return join(config, 'airlock', 'fingerprint.key');
}

export function fingerprintKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const given = env.AIRLOCK_FINGERPRINT_KEY;
  if (given && given.length >= 16) return Buffer.from(given, 'utf8');
  const path = fingerprintKeyPath(env);
  try {
    const stored = readFileSync(path, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(stored)) return Buffer.from(stored, 'hex');
  } catch {
    /* made below */
  }
  const fresh = randomBytes(32);
  try {
    writePrivateFile(path, `${fresh.toString('hex')}\n`);
  } catch {
    /* read-only home: this run's fingerprints are still keyed */
  }
  return fresh;
}

/** The keyed fingerprint of a finding: HMAC-SHA256 of its plain fingerprint, 32 hex characters. */
export function keyedFingerprint(fingerprint: string, key: Buffer): string {
  return createHmac('sha256', key).update(`airlock-fingerprint/v2\0${fingerprint}`).digest('hex').slice(0, 32);
}
