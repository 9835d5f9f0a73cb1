import assert from 'node:assert/strict';
import { test } from 'node:test';
import { confirmationWord, describeTarget } from '../../../src/core/environment/describe';
import type { Target } from '../../../src/core/environment/target';

const target = (t: Partial<Target>): Target => ({ name: null, resource: null, environment: 'unknown', evidence: [], sharedWith: [], ...t });

test('describeTarget: the environment first, in capitals, then where it was learned', () => {
  assert.equal(
    describeTarget(target({ environment: 'production', name: 'prod', evidence: [{ source: '.terraform/environment', value: 'prod' }] })),
    'PRODUCTION — from .terraform/environment: prod',
  );
  assert.equal(
    describeTarget(target({ environment: 'staging', evidence: [{ source: '--context', value: 'staging-us' }] })),
    'STAGING — from --context: staging-us',
  );
  assert.equal(describeTarget(target({ environment: 'unknown' })), 'UNKNOWN ENVIRONMENT (treated as production)');
  assert.match(
    describeTarget(
      target({
        environment: 'production',
        sharedWith: ['production'],
        evidence: [{ source: 'shared resource', value: 'staging and production both use volume v' }],
      }),
    ),
    /^PRODUCTION — from shared resource: staging and production/,
  );
  assert.match(
    describeTarget(target({ environment: 'staging', sharedWith: ['development', 'production'] })),
    /^STAGING \(shares its resource with development, production\)/,
  );
});

test('confirmationWord: the target name when it is typeable, else the environment', () => {
  assert.equal(confirmationWord(target({ name: 'prod-eu', environment: 'production' })), 'prod-eu');
  assert.equal(confirmationWord(target({ name: 'a name with spaces', environment: 'production' })), 'production');
  assert.equal(confirmationWord(target({ environment: 'unknown' })), 'production');
  assert.equal(
    confirmationWord(target({ name: 'staging', environment: 'production', sharedWith: ['production'] })),
    'production',
    'a shared staging target is confirmed as production',
  );
});
