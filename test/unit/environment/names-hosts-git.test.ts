import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { classifyName, withDefaults } from '../../../src/core/environment/classify';
import { formatWorkspace } from '../../../src/core/environment/format';
import { resolveTarget } from '../../../src/core/environment/resolve';
import { describeWorkspace } from '../../../src/core/environment/workspace';
import { command, materializeFixtures, options } from './fixture';

const fx = materializeFixtures();
after(fx.cleanup);
const plain = fx.workspace('plain');
const hosts = fx.workspace('db-hosts');
const t = (line: string | string[], cwd = plain, env: Record<string, string> = {}) =>
  resolveTarget(command(line, cwd), options(fx.home, env, { workspaceRoot: cwd }));

test('names: environment words as a suffix or prefix classify like whole words; lookalike words do not', () => {
  const p = withDefaults();
  for (const [name, env] of [
    ['acme-web-stg', 'staging'],
    ['stg-api', 'staging'],
    ['billing_staging', 'staging'],
    ['orders-prod', 'production'],
    ['prod-eu-cluster', 'production'],
    ['api-dev', 'development'],
    ['ledger.production', 'production'],
    ['product', 'unknown'],
    ['devops-tools', 'unknown'],
    ['prodigy-web', 'unknown'],
    ['stagecoach', 'unknown'],
    ['developer-portal', 'unknown'],
    ['reproduce', 'unknown'],
    ['staged-rollout', 'unknown'],
  ] as const)
    assert.equal(classifyName(name, p), env, name);
});

test('names: project, app, service, stack, cluster and database names on the line classify the target', () => {
  assert.equal(t('vercel remove billing-web-stg --yes').environment, 'staging');
  assert.equal(t('vercel project rm stg-marketing').environment, 'staging');
  assert.equal(t('fly apps destroy orders-dev --yes').environment, 'development');
  assert.equal(t('heroku apps:destroy payments-staging --confirm payments-staging').environment, 'staging');
  const stack = t('aws cloudformation delete-stack --stack-name ingest-stg');
  assert.equal(stack.environment, 'staging');
  assert.ok(
    stack.evidence.some((e) => e.source === 'classified by' && /--stack-name ingest-stg/.test(e.value)),
    JSON.stringify(stack.evidence),
  );
  assert.equal(t('aws rds delete-db-instance --db-instance-identifier ledger-prod').environment, 'production');
  assert.equal(t('aws eks delete-cluster --name x --cluster-name edge-dev').environment, 'development');
  assert.equal(t('railway down --service worker-stg').environment, 'staging');
});

test('names: the stricter name wins, and loosening spellings do not loosen', () => {
  // A staging profile with a production stack name is production.
  assert.equal(t('aws cloudformation delete-stack --stack-name api-prod', plain, { AWS_PROFILE: 'staging' }).environment, 'production');
  // Removing a Vercel project whose name says production, or nothing, removes production.
  assert.equal(t('vercel remove prod-web --yes').environment, 'production');
  assert.equal(t('vercel remove storefront --yes').environment, 'production');
  // Lookalikes stay unknown (treated as production).
  assert.equal(t('vercel remove product-catalog --yes').environment, 'production');
  assert.equal(t('aws cloudformation delete-stack --stack-name devops-ci').environment, 'unknown');
  // A setting, not a name: `--env KEY=dev` on docker says nothing about the target.
  assert.notEqual(t('docker run --env MODE=dev alpine').environment, 'development');
});

test("hosts: supabase --db-url whose host names a project ref in an env file takes that file's environment", () => {
  const a = t(['supabase', 'db', 'push', '--db-url', 'postgresql://postgres:pw@db.kqvbnmzxcasdfghjtyui.supabase.co:5432/postgres'], hosts);
  assert.equal(a.environment, 'staging');
  assert.ok(
    a.evidence.some((e) => e.source === '.env.staging' && /project kqvbnmzxcasdfghjtyui/.test(e.value) && /NEXT_PUBLIC_SUPABASE_URL/.test(e.value)),
    JSON.stringify(a.evidence),
  );
  // The pooler host serves many projects: the ref is in the user name.
  const b = t(['psql', 'postgres://postgres.plokmijnuhbygvtfcrdx:pw@aws-0-eu-west-1.pooler.supabase.com:6543/postgres', '-c', 'select 1'], hosts);
  assert.equal(b.environment, 'production');
  // Host given apart (-h), another tool.
  assert.equal(t(['pg_dump', '-h', 'db.kqvbnmzxcasdfghjtyui.supabase.co', '-d', 'postgres'], hosts).environment, 'staging');
  // A ref no env file names stays unknown.
  assert.equal(
    t(['supabase', 'db', 'push', '--db-url', 'postgresql://postgres:pw@db.zzzzzzzzzzzzzzzzzzzz.supabase.co:5432/postgres'], hosts).environment,
    'unknown',
  );
});

test('hosts: any database tool whose server host an env file uses takes that environment, after an exact match', () => {
  const a = t(['psql', 'postgres://someone@pg-17.internal.acme.net:5432/another_db'], hosts);
  assert.equal(a.environment, 'staging');
  assert.ok(
    a.evidence.some((e) => /host pg-17\.internal\.acme\.net/.test(e.value)),
    JSON.stringify(a.evidence),
  );
  assert.equal(t(['mongosh', 'mongodb://mongo-a1.cluster.acme.net:27017/reports'], hosts).environment, 'production');
  assert.equal(t(['mysql', '-h', 'unknown-host.acme.net', '-e', 'DROP TABLE x'], hosts).environment, 'unknown');
  // A multi-tenant front door (PlanetScale's) named in .env.staging says nothing about another database behind it.
  assert.equal(t(['mysql', '-h', 'aws.connect.psdb.cloud', '-D', 'shop', '-e', 'DROP TABLE x'], hosts).environment, 'unknown');
});

test('git: with no repository the refspec on the line decides, and the evidence says the repository was not read', () => {
  const dir = fx.workspace('no-repo');
  const a = t('git push --force origin main', dir);
  assert.equal(a.environment, 'production');
  assert.ok(
    a.evidence.some((e) => e.source === 'git' && /no repository found.*command line alone/.test(e.value)),
    JSON.stringify(a.evidence),
  );
  assert.equal(t('git push -f origin HEAD:refs/heads/release/2.1', dir).environment, 'production');
  assert.equal(t('git push origin +feature:master', dir).environment, 'production');
  assert.equal(t('git push --delete origin production', dir).environment, 'production');
  // Nothing on the line says which branch: unknown, never allowed quietly.
  const none = t('git push --force', dir);
  assert.equal(none.environment, 'unknown');
  assert.ok(none.evidence.some((e) => /no \.git\/HEAD/.test(e.value)));
  assert.equal(t('git push --force origin HEAD', dir).environment, 'unknown');
});

test('airlock env lists Pulumi stacks, Vercel and Supabase links and Wrangler environments', () => {
  const root = fx.workspace('listing');
  const report = describeWorkspace(root, options(fx.home));
  assert.deepEqual(
    report.pulumi.map((p) => p.stacks.map((s) => [s.name, s.environment])),
    [
      [
        ['billing-prod', 'production'],
        ['billing-stg', 'staging'],
      ],
    ],
  );
  assert.equal(report.pulumi[0]!.project, 'billing');
  assert.deepEqual(
    report.vercel.map((v) => [v.directory, v.project, v.environment]),
    [['.', 'billing-web-stg', 'staging']],
  );
  assert.deepEqual(
    report.supabase.map((s) => [s.projectRef, s.environment, s.namedIn.map((n) => n.file)]),
    [['kqvbnmzxcasdfghjtyui', 'staging', ['.env.staging']]],
  );
  const envs = report.wrangler[0]!.environments.map((e) => [e.name, e.environment]);
  assert.deepEqual(envs, [
    [null, 'unknown'],
    ['staging', 'staging'],
    ['production', 'production'],
    ['qa', 'unknown'],
  ]);
  // qa and production share one D1 database: a warning like any shared env-file resource.
  assert.ok(
    report.shared.some((s) => /ledger-core/.test(s.display) && s.environments.includes('production')),
    JSON.stringify(report.shared),
  );
  const text = formatWorkspace(report);
  for (const want of [
    'Pulumi stacks',
    'billing-stg',
    'Vercel',
    'billing-web-stg',
    'Supabase',
    'kqvbnmzxcasdfghjtyui',
    'Wrangler environments',
    '--env production',
    'D1 database ledger-core',
  ]) {
    assert.ok(text.includes(want), `${want} in:\n${text}`);
  }
});

test('airlock env: a workspace with none of them says so', () => {
  const report = describeWorkspace(join(fx.workspace('no-repo')), options(fx.home));
  assert.deepEqual([report.pulumi, report.vercel, report.supabase, report.wrangler], [[], [], [], []]);
  assert.match(formatWorkspace(report), /no wrangler\.json, wrangler\.jsonc or wrangler\.toml/);
});

test('hosts: HTTP clients too: an API host or Supabase project an env file names gives its environment', () => {
  const a = t(['curl', '-X', 'DELETE', 'https://kqvbnmzxcasdfghjtyui.supabase.co/rest/v1/orders?id=gt.0'], hosts);
  assert.equal(a.environment, 'staging');
  assert.ok(
    a.evidence.some((e) => e.source === '.env.staging' && /project kqvbnmzxcasdfghjtyui/.test(e.value)),
    JSON.stringify(a.evidence),
  );
  // A plain API base URL in an env file is no evidence: api.github.com in .env.development does not make a DELETE there development.
  assert.equal(t(['curl', '-X', 'DELETE', 'https://billing.internal-7.acme.net/v2/invoices'], hosts).environment, 'unknown');
  assert.equal(t(['curl', '-X', 'DELETE', 'https://plokmijnuhbygvtfcrdx.supabase.co/rest/v1/orders'], hosts).environment, 'production');
  assert.equal(t(['curl', '-X', 'DELETE', 'https://elsewhere.example.org/x'], hosts).environment, 'unknown');
});
