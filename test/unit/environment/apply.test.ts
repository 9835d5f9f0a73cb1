import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { applyEnvironment } from '../../../src/core/environment/apply';
import { FileCache } from '../../../src/core/environment/files';
import type { CheckResult, Finding } from '../../../src/core/findings';
import { mergeEnvironmentPolicy } from '../../../src/core/policy/environments';
import { command, materializeFixtures } from './fixture';

const fx = materializeFixtures();
after(fx.cleanup);

function finding(line: string, cwd: string, decision: 'ask' | 'deny' = 'ask', rule = 'test.rule'): Finding {
  return { rule, severity: 'high', decision, reason: 'r', segment: line, command: command(line, cwd) };
}
function result(...findings: Finding[]): CheckResult {
  return {
    decision: findings.reduce<'allow' | 'ask' | 'deny'>((d, f) => (f.decision === 'deny' || d === 'deny' ? 'deny' : 'ask'), 'allow'),
    environment: null,
    findings,
  };
}
const base = () => ({ env: {}, home: fx.home, cache: new FileCache() });

test('nothing guarded: the result is unchanged, environment stays null', () => {
  const r: CheckResult = { decision: 'allow', environment: null, findings: [] };
  assert.deepEqual(applyEnvironment(r, base()), r);
});

test('a guarded finding gets environment, target and a typed confirmation on production', () => {
  const r = applyEnvironment(result(finding('kubectl delete ns payments', fx.workspace('plain'))), base());
  assert.equal(r.environment, 'production');
  assert.equal(r.confirmation, 'typed');
  assert.equal(r.target?.name, 'prod-eu');
  assert.equal(r.decision, 'ask', 'the default stays ask');
});

test('development gets a button; the riskiest target of several findings is reported', () => {
  const staging = finding('kubectl --context kind-dev delete ns x', fx.workspace('plain'));
  const r = applyEnvironment(result(staging), base());
  assert.equal(r.environment, 'development');
  assert.equal(r.confirmation, 'button');
  const both = applyEnvironment(result(staging, finding('kubectl delete ns payments', fx.workspace('plain'))), base());
  assert.equal(both.environment, 'production');
});

test('engine findings without a command are unknown and typed', () => {
  const r = applyEnvironment(
    { decision: 'ask', environment: null, findings: [{ rule: 'guard.unparseable', severity: 'high', decision: 'ask', reason: 'x', segment: 'x' }] },
    base(),
  );
  assert.equal(r.environment, 'unknown');
  assert.equal(r.confirmation, 'typed');
});

test('policy: deny on production refuses outright; allow-and-log on development lets it run with a note', () => {
  const { policy } = mergeEnvironmentPolicy({ decisions: { production: 'deny', development: 'allow-and-log' } }, undefined, false);
  const prod = applyEnvironment(result(finding('kubectl delete ns payments', fx.workspace('plain'))), { ...base(), policy });
  assert.equal(prod.decision, 'deny');
  assert.ok(prod.notes?.some((n) => /denied by policy/.test(n)));
  const dev = applyEnvironment(result(finding('kubectl --context kind-dev delete ns x', fx.workspace('plain'))), { ...base(), policy });
  assert.equal(dev.decision, 'allow');
  assert.ok(dev.notes?.some((n) => /allowed by policy and logged: development/.test(n)));
  const catastrophic = applyEnvironment(result(finding('kubectl --context kind-dev delete ns x', fx.workspace('plain'), 'deny')), { ...base(), policy });
  assert.equal(catastrophic.decision, 'deny', 'a deny rule is never relaxed');
});

test('policy: unknown follows production unless set; repository policy is stricter-only until trusted', () => {
  const user = mergeEnvironmentPolicy({ decisions: { production: 'deny' } }, undefined, false).policy;
  assert.equal(user.decisions.unknown, 'deny');
  const looser = mergeEnvironmentPolicy(undefined, { decisions: { production: 'allow-and-log' }, development: ['acme-*'] }, false);
  assert.equal(looser.policy.decisions.production, 'ask');
  assert.equal(looser.notes.length, 2);
  assert.ok(!looser.policy.patterns.development.includes('acme-*'));
  const stricter = mergeEnvironmentPolicy(undefined, { decisions: { staging: 'deny' }, production: ['acme-*'] }, false);
  assert.equal(stricter.policy.decisions.staging, 'deny');
  assert.ok(stricter.policy.patterns.production.includes('acme-*'));
  assert.deepEqual(stricter.notes, []);
  const trusted = mergeEnvironmentPolicy(undefined, { decisions: { development: 'allow-and-log' }, development: ['acme-*'] }, true);
  assert.equal(trusted.policy.decisions.development, 'allow-and-log');
  assert.ok(trusted.policy.patterns.development.includes('acme-*'));
});

test('policy patterns reach the resolver: a custom production name classifies', () => {
  const { policy } = mergeEnvironmentPolicy({ production: ['billing'] }, undefined, false);
  const r = applyEnvironment(result(finding('aws s3 rb s3://x --profile billing', fx.workspace('plain'))), { ...base(), policy });
  assert.equal(r.environment, 'production');
});

test('settings: airlock.environments.* read into a policy section; unknown is never looser than production', () => {
  const { environmentPolicyFromSettings } = require('../../../src/core/policy/environments') as typeof import('../../../src/core/policy/environments');
  const settings: Record<string, unknown> = {
    production: ['acme-live-*'],
    staging: [],
    development: ['sandbox'],
    onProduction: 'deny',
    onStaging: 'ask',
    onDevelopment: 'allow-and-log',
    onUnknown: 'ask',
  };
  const section = environmentPolicyFromSettings((k) => settings[k]);
  assert.deepEqual(section.decisions, { production: 'deny', staging: 'ask', development: 'allow-and-log', unknown: 'ask' });
  const { policy } = mergeEnvironmentPolicy(section, undefined, false);
  assert.equal(policy.decisions.unknown, 'deny');
  assert.ok(policy.patterns.production.includes('acme-live-*') && policy.patterns.production.includes('prod'));
  assert.ok(policy.patterns.development.includes('sandbox'));
  const junk = environmentPolicyFromSettings((k) => (k === 'onProduction' ? 'yolo' : k === 'production' ? 'not-a-list' : undefined));
  assert.deepEqual(junk, { production: [], staging: [], development: [], decisions: {} });
});

test('every airlock.environments policy setting in package.json is read by environmentPolicyFromSettings', () => {
  const { environmentPolicyFromSettings } = require('../../../src/core/policy/environments') as typeof import('../../../src/core/policy/environments');
  const pkg = require('../../../package.json') as {
    contributes: { configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> } };
  };
  const keys = Object.keys(pkg.contributes.configuration.properties)
    .filter((k) => k.startsWith('airlock.environments.'))
    .map((k) => k.slice('airlock.environments.'.length));
  assert.equal(keys.length, 8);
  const policyKeys = keys.filter((k) => k !== 'warnOnSharedResources'); // editor-only: the shared-resource notification
  const read = new Set<string>();
  environmentPolicyFromSettings((k) => {
    read.add(k);
    return undefined;
  });
  assert.deepEqual([...read].sort(), [...policyKeys].sort());
  for (const k of keys) assert.ok((pkg.contributes.configuration.properties[`airlock.environments.${k}`]!.markdownDescription ?? '').length > 40, k);
});
