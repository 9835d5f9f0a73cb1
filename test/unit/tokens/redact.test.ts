import assert from 'node:assert/strict';
import { test } from 'node:test';
import { previewSecret, redactText } from '../../../src/core/redact';
import { base62, crc32, hasCrc32Base62Checksum, withCrc32Base62Checksum } from '../../../src/core/tokens/checksum';
import { fake } from '../../../src/core/tokens/fake';

test('previewSecret shows at most 4 characters and the length', () => {
  assert.equal(previewSecret('ghp_' + 'a'.repeat(36)), 'ghp_…(40 chars)');
  assert.equal(previewSecret('hunter2'), 'h…(7 chars)');
  assert.equal(previewSecret('abc'), '…(3 chars)');
  assert.equal(previewSecret(''), '…(0 chars)');
});

test('CRC32 base62 checksum matches the published vector', () => {
  // Vector from a public implementation of GitHub's token checksum.
  assert.equal(base62(crc32('fIkRGaBu5PeKsznMzXQOg3kETH1Sgx'), 6), '2oIfSC');
  assert.ok(hasCrc32Base62Checksum('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', 4));
  assert.ok(!hasCrc32Base62Checksum('ghp_fIkRGaBu5PeKsznMzXQOg3kETH1Sgx2oIfSD', 4));
});

const ghp = withCrc32Base62Checksum('ghp_', fake(30));
const railway = '3f6c2a9e-8b1d-4e7f-a0c2-5d9b8e7f6a1c';

const cases: Array<[string, string]> = [
  ['curl bearer header', `curl -H "Authorization: Bearer ${fake(40)}" https://backboard.railway.app/graphql/v2`],
  ['one-shot env assignment', `RAILWAY_TOKEN=${railway} railway up`],
  ['export', `export RAILWAY_API_TOKEN=${railway}`],
  ['URL with password', 'psql postgres://admin:Sup3rS3cretPw@db.prod.acme.io/app'],
  ['prefixed token anywhere', `git push https://x-access-token:${ghp}@github.com/acme/app`],
  ['flag with space', 'mysql -u root --password Pa55w0rd! prod'],
  ['flag with equals', 'vault login --token=hvs.notARealOneButStillSecret12'],
  ['weak password still redacted', 'DB_PASSWORD=hunter2 ./migrate'],
  ['basic auth header', `curl -H 'Authorization: Basic ${Buffer.from('u:p4ssw0rd').toString('base64')}' https://api.acme.io`],
];

for (const [name, line] of cases) {
  test(`redactText: ${name}`, () => {
    const secret = secretIn(line);
    const out = redactText(line);
    assert.ok(!out.includes(secret), `leaked ${secret} in ${out}`);
    assert.match(out, /…\(\d+ chars\)/);
  });
}

test('redactText leaves benign commands alone', () => {
  for (const line of [
    'git status',
    'npm run build -- --watch',
    'ls -la ~/.ssh',
    'echo $RAILWAY_TOKEN',
    'railway up --environment staging',
    'kubectl get secrets',
    'export TOKEN_FILE=/run/secrets/token',
  ]) {
    assert.equal(redactText(line), line);
  }
});

function secretIn(line: string): string {
  const known = [ghp, railway, 'Sup3rS3cretPw', 'Pa55w0rd!', 'hvs.notARealOneButStillSecret12', 'hunter2'];
  const hit = known.find((k) => line.includes(k));
  if (hit) return hit;
  const m = /(?:Bearer|Basic) ([^"' ]+)/.exec(line);
  return m![1]!;
}
