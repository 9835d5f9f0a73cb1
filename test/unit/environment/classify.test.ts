import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyLabels, classifyName, confirmationFor, withDefaults } from '../../../src/core/environment/classify';

const patterns = withDefaults();

test('default patterns classify the names the issue lists', () => {
  const cases: Array<[string, string]> = [
    ['prod', 'production'],
    ['production', 'production'],
    ['prd', 'production'],
    ['live', 'production'],
    ['main', 'production'],
    ['master', 'production'],
    ['gke_acme_prod-eu', 'production'],
    ['acme-live-db', 'production'],
    ['PROD', 'production'],
    ['staging', 'staging'],
    ['stage', 'staging'],
    ['stg', 'staging'],
    ['preprod', 'staging'],
    ['uat', 'staging'],
    ['api.staging.acme.com', 'staging'],
    ['dev', 'development'],
    ['development', 'development'],
    ['local', 'development'],
    ['test', 'development'],
    ['localhost', 'development'],
    ['127.0.0.1', 'development'],
    ['kind-airlock', 'development'],
    ['minikube', 'development'],
    ['docker-desktop', 'development'],
  ];
  for (const [name, expected] of cases) assert.equal(classifyName(name, patterns), expected, name);
});

test('a name matching nothing is unknown, and words must match whole', () => {
  for (const name of ['default', 'acme', 'producer', 'devops-tools', 'mainframe', 'testament', '', '   ']) {
    assert.equal(classifyName(name, patterns), 'unknown', name);
  }
  assert.equal(classifyName(null, patterns), 'unknown');
});

test('when a name matches several classes the stricter one wins', () => {
  assert.equal(classifyName('prod-test', patterns), 'production');
  assert.equal(classifyName('staging-dev', patterns), 'staging');
});

test('configured patterns are globs; a class given to withDefaults replaces its defaults', () => {
  const custom = withDefaults({ production: ['acme-eu-*', '111122223333'] });
  assert.equal(classifyName('acme-eu-west', custom), 'production');
  assert.equal(classifyName('111122223333', custom), 'production');
  assert.equal(classifyName('prod', custom), 'unknown');
  assert.equal(classifyName('staging', custom), 'staging', 'classes not given keep their defaults');
});

test('labels: the strictest known label wins; unknown only when none is known', () => {
  assert.deepEqual(classifyLabels(['kind-dev', 'payments', 'production'], patterns), { environment: 'production', label: 'production' });
  assert.deepEqual(classifyLabels(['acme', undefined, 'localhost'], patterns), { environment: 'development', label: 'localhost' });
  assert.deepEqual(classifyLabels(['acme', null], patterns), { environment: 'unknown' });
});

test('production and unknown need a typed confirmation', () => {
  assert.equal(confirmationFor('production'), 'typed');
  assert.equal(confirmationFor('unknown'), 'typed');
  assert.equal(confirmationFor('staging'), 'button');
  assert.equal(confirmationFor('development'), 'button');
});
