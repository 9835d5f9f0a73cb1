import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { redactText } from '../../../src/core/redact';
import { detectInText } from '../../../src/core/tokens/detect';

// Inputs shaped to make a careless scanner quadratic: every one must finish (not a timing
// benchmark: the bound is ~20x what a linear scan needs here, so only a blow-up fails).
const SIZE = 500_000;
const inputs: Record<string, string> = {
  'random base64': randomBytes((SIZE * 3) / 4).toString('base64'),
  'key=key=key=…': 'key='.repeat(SIZE / 4),
  'token: token: …': 'token: '.repeat(SIZE / 7),
  'PEM headers without an end': '-----BEGIN RSA PRIVATE KEY-----\n'.repeat(SIZE / 33),
  'PEM header then one long base64 run': `-----BEGIN RSA PRIVATE KEY-----\n${'A'.repeat(SIZE)}`,
  'URL prefixes': 'postgres://a:b'.repeat(SIZE / 14),
  'JWT prefixes': 'eyJ'.repeat(SIZE / 3),
  'unclosed quoted secrets': '"secret": "'.repeat(SIZE / 11),
  'AWS key ids': `AKIA${'A'.repeat(16)} `.repeat(SIZE / 21),
  'name: lines without values': '- name: RAILWAY_TOKEN\n'.repeat(SIZE / 22),
  'minified object literals': 'var a={apiKey:"x",token:t,secret:s[0]};'.repeat(SIZE / 40),
  'curl continuation lines': 'curl \\\n  -X POST \\\n'.repeat(SIZE / 20),
  'XML token elements never closed': '<apiToken>\n   '.repeat(SIZE / 15),
  'typed declarations without values': 'var fooToken string '.repeat(SIZE / 20),
  'Makefile operators': 'FOO_TOKEN ::: '.repeat(SIZE / 14),
  'escaped JSON names': '{\\"api_token\\": \\"'.repeat(SIZE / 18),
  'digit runs and bars': `${'1'.repeat(16)}|`.repeat(SIZE / 17),
  'base64 JWT prefixes': `ZXlK${'A'.repeat(60)} `.repeat(SIZE / 65),
  'Sidekiq names': 'BUNDLE_GEMS__CONTRIBSYS__COM '.repeat(SIZE / 29),
  'Kubernetes Secret with many keys': `kind: Secret\ndata:\n${'  k: c2VjcmV0LXZhbHVlLTEyMzQ1Ng==\n'.repeat(SIZE / 60)}`,
};

for (const [name, text] of Object.entries(inputs)) {
  test(`no blow-up on 500 KB of ${name}`, () => {
    const start = performance.now();
    detectInText(text, { fileName: 'bundle.js' });
    redactText(text.slice(0, 100_000));
    const ms = performance.now() - start;
    assert.ok(ms < 5000, `${name}: ${ms.toFixed(0)} ms`);
  });
}
