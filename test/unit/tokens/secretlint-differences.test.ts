// On the 8 MB node_modules copy that `npm run bench:scan` gives both scanners, secretlint reports 5
// findings and Airlock none. Each of the 5 is a documentation placeholder, not a credential; these
// are their exact shapes. Beside each, the real thing of the same shape, which Airlock must find, so
// the silence is the rule's judgement and not a blind spot.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectInText } from '../../../src/core/tokens/detect';
import { fake } from '../../../src/core/tokens/fake';

const types = (text: string, fileName: string) => detectInText(text, { fileName }).map((f) => f.type);

test("dotenv's README private key ('Kh9NV...' between ellipses) is an illustration; a PEM block with a body is found", () => {
  const readme = [
    '```ini',
    'PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----',
    '...',
    'Kh9NV...',
    '...',
    '-----END RSA PRIVATE KEY-----"',
    '```',
    '',
    '```ini',
    'PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\\nKh9NV...\\n-----END RSA PRIVATE KEY-----\\n"',
    '```',
  ].join('\n');
  assert.deepEqual(types(readme, 'dotenv/README.md'), []);
  const body = Array.from({ length: 12 }, () => fake(64, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')).join('\n');
  const real = `PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----"`;
  assert.ok(types(real, '.env').length > 0, 'a key with a body is found');
});

test("fast-uri's test URLs (user:pass@example.com) carry a placeholder password; a real one in a URL is found", () => {
  for (const line of [
    '    "http://user:pass@example.com:123/one/space in.url?q1=a1&q2=a2#body",',
    '    "http://User:Pass@example.com:123/one/space in.url?q1=a1&q2=a2#body",',
    "  t.equal(fastURI.parse('http://user:pass@example.com:8080/').host, 'example.com')",
  ])
    assert.deepEqual(types(line, 'fast-uri/test/fixtures/uri-js-parse.json'), [], line);
  assert.ok(types("  t.equal(fastURI.parse('https://deploy:Zq8Lm2Xv9Bc4Nr8K@db.acme.io:8080/').host, 'x')", 'a.test.js').length > 0);
});

// Checking those URLs found a real miss: the rule's keyword was `https` (from the scheme `https?`),
// so a file whose only URL was `http://user:password@host` was never searched.
test('a password in an http:// URL is found in a file that never says https', () => {
  for (const text of [
    "  t.equal(fastURI.parse('http://deploy:Zq8Lm2Xv9Bc4Nr8K@db.acme.io:8080/').host, 'x')",
    'REGISTRY=http://ci:Jf83kLq0Zp8Xr4Tm@registry.acme.io/',
    'remote = HTTP://deploy:Qw3rty9zQw3rty9z@git.acme.io/app.git',
  ])
    assert.deepEqual(types(text, 'a.env'), ['http-url-password'], text);
});
