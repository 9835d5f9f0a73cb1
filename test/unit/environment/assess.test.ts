import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { assessCommand } from '../../../src/core/assess';
import { mergeEnvironmentPolicy } from '../../../src/core/policy/environments';
import { DEFAULT_POLICY } from '../../../src/core/policy/types';
import { materializeFixtures } from './fixture';

// End to end through the guard engine: the line as an agent sends it, in the PocketOS workspace.
const fx = materializeFixtures();
after(fx.cleanup);
const opts = () => ({ cwd: fx.workspace('pocketos'), env: {}, home: fx.home });

test('a benign line: no target, environment null', async () => {
  const r = await assessCommand('git status && ls -la', opts());
  assert.equal(r.decision, 'allow');
  assert.equal(r.environment, null);
  assert.equal(r.target, undefined);
});

test('railway volume delete in the PocketOS workspace: production, shared, typed', async () => {
  const r = await assessCommand('railway volume delete --volume vol_7f3a9c', opts());
  assert.equal(r.decision, 'ask');
  assert.equal(r.environment, 'production');
  assert.equal(r.confirmation, 'typed');
  assert.deepEqual(r.target?.sharedWith, ['production']);
  assert.equal(r.target?.name, 'staging');
});

test("a line that loads an env file first: the command runs with that file's variables", async () => {
  const r = await assessCommand('source .env.production && railway volume delete', opts());
  assert.equal(r.environment, 'production');
  assert.equal(r.target?.name, 'production');
  assert.ok(
    r.target?.evidence.some((e) => e.source === 'RAILWAY_ENVIRONMENT (.env.production)'),
    JSON.stringify(r.target),
  );
});

test('policy from the user: production denied outright', async () => {
  const policy = { ...DEFAULT_POLICY, environments: mergeEnvironmentPolicy({ decisions: { production: 'deny' } }, undefined, false).policy };
  const r = await assessCommand('kubectl delete namespace payments', { ...opts(), policy });
  assert.equal(r.environment, 'production');
  assert.equal(r.decision, 'deny');
});
