import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { withCrc32Base62Checksum } from '../../../src/core/tokens/checksum';
import { detectInText } from '../../../src/core/tokens/detect';
import { looksGenerated } from '../../../src/core/tokens/entropy';
import { fake, fakeUuid, HEX, LOWER_ALNUM } from '../../../src/core/tokens/fake';
import { providerInName } from '../../../src/core/tokens/provider-names';
import { UNKNOWN_SCOPE } from '../../../src/core/tokens/types';

const one = (text: string, fileName = 'config.env') => {
  const findings = detectInText(text, { fileName });
  assert.equal(findings.length, 1, `${JSON.stringify(text)}: ${findings.map((f) => f.type).join(', ') || 'nothing'}`);
  return findings[0]!;
};

test('a provider name raises confidence and names the type, never hides the value', () => {
  const asana = fake(32, LOWER_ALNUM);
  // The same value under the provider's name in four spellings (ways around: case, separators, prefixes).
  for (const text of [`asanaToken="${asana}"`, `ASANA_TOKEN=${asana}`, `asana-token: ${asana}`, `TF_VAR_asana_token = "${asana}"`]) {
    const f = one(text);
    assert.equal(f.provider, 'Asana');
    assert.notEqual(f.scope, UNKNOWN_SCOPE);
  }
  assert.equal(one(`CODECOV_TOKEN=${fake(32, LOWER_ALNUM)}`).type, 'codecov-upload-token');
  assert.equal(one(`herokuToken="${fakeUuid()}"`).type, 'heroku-api-key');
  assert.equal(one(`cloudflareToken="${fake(37, HEX)}"`).type, 'cloudflare-global-api-key');
  assert.equal(one(`const krakenSecret = "${fake(88)}";`, 'trade.ts').provider, 'Kraken');
});

test('a shape alone never claims admin power: an Algolia-named 32-hex key is not called the admin key', () => {
  const f = one(`ALGOLIA_API_KEY=${fake(32, HEX)}`);
  assert.equal(f.provider, 'Algolia');
  assert.notEqual(f.type, 'algolia-admin-key');
  assert.equal(one(`ALGOLIA_ADMIN_KEY=${fake(32, HEX)}`).type, 'algolia-admin-key');
});

test('provider words match whole words only: GLOBAL is not Lob, XRENDERER is not Render', () => {
  assert.equal(providerInName('GLOBAL_TOKEN'), undefined);
  assert.equal(providerInName('XRENDERER_TOKEN'), undefined);
  assert.equal(providerInName('LOB_API_KEY'), 'Lob');
  assert.equal(providerInName('MESSAGE_BIRD_ACCESS_KEY'), 'MessageBird');
  assert.equal(providerInName('NEW_RELIC_LICENSE_KEY'), 'New Relic');
});

test('a prefix that names the provider is never "scope unknown", even when the checksum fails', () => {
  for (const [prefix, provider] of [
    ['ghp_', 'GitHub'],
    ['gho_', 'GitHub'],
    ['npm_', 'npm'],
  ] as const) {
    const bad = `${prefix}${fake(30)}AbCdE9`;
    const f = one(`const deployToken = "${bad}";`, 'deploy.ts');
    assert.equal(f.provider, provider);
    assert.notEqual(f.scope, UNKNOWN_SCOPE);
    assert.match(f.title, /not in its documented format/);
    // A valid checksum is reported by the format rule itself.
    assert.equal(one(`token = "${withCrc32Base62Checksum(prefix, fake(30))}"`).provider, provider);
  }
  // An ordinary prefix names no one: `api-…` is not an Octopus Deploy key, `key-…` not a Mailgun key.
  for (const text of [`API_TOKEN=api-${fake(26)}`, `DEPLOY_SECRET=key-${fake(26)}`]) assert.equal(one(text).provider, 'Unknown');
  // Bare, with no name and a wrong checksum: never issued, not reported.
  assert.deepEqual(detectInText(`see ghp_${fake(30)}AbCdE9 in the log`, { fileName: 'notes.md' }), []);
});

test('no blanket entropy cut-off: every random 32-hex key under a secret-like name is found', () => {
  let missed = 0;
  for (let i = 0; i < 200; i++) {
    const key = randomBytes(16).toString('hex');
    if (detectInText(`SERVICE_API_KEY=${key}`, { fileName: '.env' }).length !== 1) missed++;
  }
  assert.equal(missed, 0);
});

test('the structure test rejects typed stand-ins a bare entropy floor lets through', () => {
  for (const typed of [
    'aabbccdd11223344aabbccdd11223344',
    'deadbeefdeadbeefdeadbeefdeadbeef',
    'abcdef0123456789abcdef0123456789',
    'a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4',
    'qwertyuiopasdfghjklzxcvbnm123456',
  ]) {
    assert.equal(detectInText(`SERVICE_TOKEN=${typed}`, { fileName: '.env' }).length, 0, typed);
  }
  assert.ok(looksGenerated(randomBytes(24).toString('base64')));
});
