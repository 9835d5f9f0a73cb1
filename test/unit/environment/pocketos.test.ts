import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { describeTarget } from '../../../src/core/environment/describe';
import { resolveTarget } from '../../../src/core/environment/resolve';
import { command, materializeFixtures, options } from './fixture';

// The incident workspace: staging and production share one database and one volume, the
// Railway link says "staging", and a Railway token sits in an unrelated file.
const fx = materializeFixtures();
after(fx.cleanup);
const pocketos = () => fx.workspace('pocketos');

test('railway volume delete aimed at staging is a production command: the volume is shared', () => {
  const t = resolveTarget(command('railway volume delete --volume vol_7f3a9c', pocketos()), options(fx.home));
  assert.equal(t.name, 'staging');
  assert.equal(t.environment, 'production');
  assert.deepEqual(t.sharedWith, ['production']);
  assert.equal(t.evidence[0]!.source, 'shared resource');
  assert.match(t.evidence[0]!.value, /staging and production both use volume vol_7f3a9c \(\.env\.staging, \.env\.production\)/);
  assert.ok(t.evidence.some((e) => /railway link in ~\/\.railway\/config\.json/.test(e.source) && /environment staging/.test(e.value)));
  assert.match(describeTarget(t), /^PRODUCTION — from shared resource: staging and production both use volume vol_7f3a9c/);
});

test("a staging command with only a name is still production when staging's config shares with production", () => {
  const t = resolveTarget(command('railway volume delete -e staging', pocketos()), options(fx.home));
  assert.equal(t.environment, 'production');
  assert.deepEqual(t.sharedWith, ['production']);
});

test("psql on staging's DATABASE_URL (sourced from .env.staging) hits the production database", () => {
  const t = resolveTarget(
    command(['psql', '$DATABASE_URL', '-c', 'DROP TABLE bookings'], pocketos()),
    options(fx.home, {}, { line: 'source .env.staging && psql $DATABASE_URL -c "DROP TABLE bookings"' }),
  );
  assert.equal(t.resource, 'postgres://db.pocketos.internal:5432/pocketos');
  assert.equal(t.environment, 'production');
  assert.deepEqual(t.sharedWith, ['production']);
  assert.doesNotMatch(JSON.stringify(t), /staging-pass|prod-pass/);
});

test("the process environment beats .env files; the command's assignment beats both", () => {
  const env = { DATABASE_URL: 'postgres://localhost:5432/scratch' };
  const a = resolveTarget(command(['psql', '$DATABASE_URL'], pocketos()), options(fx.home, env));
  assert.equal(a.environment, 'development');
  const b = resolveTarget(command(['psql', '$DATABASE_URL'], pocketos(), { DATABASE_URL: 'postgres://db.pocketos.internal/pocketos' }), options(fx.home, env));
  assert.equal(b.environment, 'production');
  const c = resolveTarget(command(['psql', '$DATABASE_URL'], pocketos()), options(fx.home, {}));
  assert.equal(c.resource, 'postgres://localhost:5432/pocketos_dev', 'falls back to .env when the shell lacks it');
});

test('env $(cat .env.production | xargs) loads that file for the command', () => {
  const line = 'env $(cat .env.production | xargs) railway volume delete';
  const t = resolveTarget(command('railway volume delete', pocketos()), options(fx.home, {}, { line }));
  assert.equal(t.name, 'production');
  assert.ok(t.evidence.some((e) => /RAILWAY_ENVIRONMENT \(\.env\.production\)/.test(e.source)));
});

test('a RAILWAY_TOKEN loaded from an unrelated env file: the file is named, the linked project is ignored', () => {
  const line = 'set -a; . scripts/.env.domains; railway volume delete --volume vol_7f3a9c';
  const t = resolveTarget(command('railway volume delete --volume vol_7f3a9c', pocketos()), options(fx.home, {}, { line }));
  const token = t.evidence.find((e) => e.source === 'RAILWAY_TOKEN');
  assert.ok(token, JSON.stringify(t.evidence));
  assert.match(token.value, /defined in scripts\/\.env\.domains: a project token acts on the one environment it was created for/);
  assert.ok(t.evidence.some((e) => /ignored: with RAILWAY_TOKEN set/.test(e.value)));
  assert.equal(t.environment, 'production', "the volume it names is production's");
  assert.doesNotMatch(JSON.stringify(t), /rw_fixture_token_0123456789abcdef/);
});

test('the incident itself: curl with a volumeDelete mutation and a token from an env file', () => {
  const body = '{"query":"mutation { volumeDelete(volumeId: \\"vol_7f3a9c\\") }"}';
  const argv = [
    'curl',
    '-X',
    'POST',
    'https://backboard.railway.app/graphql/v2',
    '-H',
    'Authorization: Bearer $RAILWAY_TOKEN',
    '-H',
    'Content-Type: application/json',
    '-d',
    body,
  ];
  const t = resolveTarget(command(argv, pocketos()), options(fx.home, {}, { line: `source scripts/.env.domains && ${argv.join(' ')}` }));
  assert.equal(t.environment, 'production');
  assert.equal(t.resource, 'Railway volume vol_7f3a9c');
  assert.ok(t.evidence.some((e) => e.source === 'token RAILWAY_TOKEN' && /scripts\/\.env\.domains/.test(e.value)));
  assert.ok(t.evidence.some((e) => e.source === 'GraphQL volumeId' && e.value === 'vol_7f3a9c'));
});

test('a literal token pasted into the command is traced to the env file that holds it', () => {
  const argv = [
    'curl',
    'https://backboard.railway.com/graphql/v2',
    '-H',
    'Project-Access-Token: rw_fixture_token_0123456789abcdef',
    '-d',
    '{"query":"mutation { volumeDelete(volumeId: \\"vol_other\\") }"}',
  ];
  const t = resolveTarget(command(argv, pocketos()), options(fx.home, {}, { workspaceRoot: pocketos() }));
  // The token's own file names no environment, and vol_other is in no config: unknown, with the file named.
  assert.equal(t.environment, 'unknown');
  assert.doesNotMatch(JSON.stringify(t), /rw_fixture_token_0123456789abcdef/);
});

test('a directory not linked to Railway and no token: unknown, saying so', () => {
  const t = resolveTarget(command('railway volume delete', join(fx.root, 'workspaces', 'plain')), options(fx.home));
  assert.equal(t.environment, 'unknown');
  assert.ok(t.evidence.some((e) => /no linked project/.test(e.value)));
  const dev = resolveTarget(command('railway down', fx.workspace('railway-dev')), options(fx.home));
  assert.equal(dev.environment, 'development');
  assert.deepEqual(dev.sharedWith, []);
});

test('a token variable set nowhere is said, never treated as a pasted token', () => {
  const argv = [
    'curl',
    'https://backboard.railway.app/graphql/v2',
    '-H',
    'Authorization: Bearer $MISSING_TOKEN',
    '-d',
    '{"query":"mutation { volumeDelete(volumeId: \\"vol_zzz\\") }"}',
  ];
  const t = resolveTarget(command(argv, pocketos()), options(fx.home));
  assert.ok(t.evidence.some((e) => e.source === 'token MISSING_TOKEN' && e.value === 'set nowhere Airlock can read'));
  assert.ok(!t.evidence.some((e) => /written into the command/.test(e.value)));
  assert.equal(t.environment, 'unknown');
});

test('a volume id held in a variable from a sourced env file is expanded and traced', () => {
  const t = resolveTarget(
    command(['railway', 'volume', 'delete', '--volume', '$RAILWAY_VOLUME_ID'], fx.workspace('railway-dev')),
    options(fx.home, {}, { line: `source ${pocketos()}/.env.staging && railway volume delete --volume $RAILWAY_VOLUME_ID`, workspaceRoot: pocketos() }),
  );
  assert.match(t.resource!, /volume vol_7f3a9c/);
  assert.ok(t.evidence.some((e) => e.source === '$RAILWAY_VOLUME_ID' && /\.env\.staging/.test(e.value)));
  assert.equal(t.environment, 'production', "the volume is production's too");
});

test('railway environment delete NAME names the environment it removes', () => {
  const t = resolveTarget(command('railway environment delete production', fx.workspace('railway-dev')), options(fx.home));
  assert.equal(t.name, 'production');
  assert.equal(t.environment, 'production');
});
