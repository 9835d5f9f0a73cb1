import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HINT } from '../../../src/core/tokens/assignments';
import { allRules, detectInText, packs } from '../../../src/core/tokens/index';

// ESLint-style: every rule's valid examples are found, by that rule, and none of its invalid ones is.
for (const rule of allRules) {
  test(`${rule.id}: finds every valid example`, () => {
    assert.ok(rule.examples.valid.length > 0, 'a rule without a valid example is untested');
    for (const example of rule.examples.valid) {
      const types = detectInText(example, { fileName: 'example.env' }).map((f) => f.type);
      assert.ok(types.includes(rule.id), `${rule.id} missed: ${JSON.stringify(example.slice(0, 120))} (found ${types.join(', ') || 'nothing'})`);
    }
  });
  test(`${rule.id}: reports no invalid example`, () => {
    for (const example of rule.examples.invalid) {
      const findings = detectInText(example, { fileName: 'example.env' });
      assert.deepEqual(
        findings.map((f) => f.type),
        [],
        `false alarm on ${JSON.stringify(example.slice(0, 120))}`,
      );
    }
  });
}

test('rule ids are unique, kebab-case, and each names a known provider', () => {
  const ids = allRules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  const providers = new Set(packs.flatMap((p) => p.providers.map((i) => i.name)));
  for (const rule of allRules) assert.ok(providers.has(rule.provider), `${rule.id}: provider ${rule.provider} has no rotation info`);
});

test('pattern rules are global regexes with a keyword quick reject (or a documented reason not to)', () => {
  for (const rule of allRules.filter((r) => r.pattern)) {
    assert.ok(rule.pattern!.global, `${rule.id} pattern must be global`);
    assert.ok(rule.keywords.length > 0, `${rule.id} has no keyword`);
    for (const k of rule.keywords) assert.equal(k, k.toLowerCase(), `${rule.id}: keywords are matched lower-case`);
    // A global regex's test() starts at its lastIndex: one file's match would hide the next file's.
    if (rule.requires) assert.ok(!rule.requires.global && !rule.requires.sticky, `${rule.id}: requires must not be global`);
    for (const example of rule.examples.valid) if (rule.requires) assert.match(example, rule.requires, `${rule.id}: a valid example lacks what it requires`);
  }
});

test('every documented variable name of a named rule is reachable by the assignment scanner', () => {
  for (const rule of allRules) {
    for (const name of rule.names ?? []) {
      assert.ok(new RegExp(HINT.source).test(name.toLowerCase()), `${rule.id}: ${name} has no secret-like word, so it is never looked at`);
    }
  }
});

test('at least 150 credential types', () => {
  assert.ok(allRules.length >= 150, `only ${allRules.length}`);
});

test('in source code, names made of words are constants, not secrets', () => {
  const code = [
    'const PASSWORD_TOO_WEAK = "password_too_weak";',
    'export const passwordResetRequired = "PasswordResetRequired";',
    'const tokenType = "FlowActionResultTokenRequiredV2";',
    "const ENCRYPTION_KEY = 'msal.cache.encryption';",
  ].join('\n');
  assert.deepEqual(
    detectInText(code, { fileName: 'src/errors.ts' }).map((f) => f.type),
    [],
  );
  // ...while a generated value in the same shape of code is still found.
  assert.deepEqual(
    detectInText('const apiSecret = "q8Zr2LmX0vB7nT4kY9wE3sJ6";', { fileName: 'src/config.ts' }).map((f) => f.type),
    ['generic-secret'],
  );
});
