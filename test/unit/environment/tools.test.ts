import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { resolveTarget } from '../../../src/core/environment/resolve';
import { command, materializeFixtures, options } from './fixture';

const fx = materializeFixtures();
after(fx.cleanup);
const ws = fx.workspace;

test('terraform: .terraform/environment names the workspace; TF_WORKSPACE beats it; -chdir moves the lookup', () => {
  const a = resolveTarget(command('terraform destroy', join(ws('terraform'), 'infra')), options(fx.home, {}, { workspaceRoot: ws('terraform') }));
  assert.equal(a.name, 'prod');
  assert.equal(a.environment, 'production');
  assert.deepEqual(a.evidence[0], { source: 'infra/.terraform/environment', value: 'prod' });
  const b = resolveTarget(command('terraform destroy', join(ws('terraform'), 'infra'), { TF_WORKSPACE: 'staging' }), options(fx.home));
  assert.equal(b.name, 'staging');
  assert.equal(b.environment, 'staging');
  assert.match(b.evidence[0]!.source, /^TF_WORKSPACE/);
  const c = resolveTarget(command('tofu -chdir=infra destroy', ws('terraform')), options(fx.home));
  assert.equal(c.name, 'prod');
});

test('terraform: no .terraform/environment means "default", classified by the folder or var file, else unknown', () => {
  const a = resolveTarget(command('terraform destroy', join(ws('terraform'), 'envs', 'staging')), options(fx.home));
  assert.equal(a.name, 'default');
  assert.equal(a.environment, 'staging');
  const b = resolveTarget(command('terraform destroy -var-file=prod.tfvars', ws('plain')), options(fx.home));
  assert.equal(b.environment, 'production');
  const main = join(fx.root, 'generated', 'main');
  require('node:fs').mkdirSync(main, { recursive: true });
  assert.equal(resolveTarget(command('terraform destroy', main), options(fx.home)).environment, 'unknown', 'a checkout folder named main is not production');
  const c = resolveTarget(command('terraform destroy', ws('plain')), options(fx.home));
  assert.equal(c.environment, 'unknown');
  assert.ok(c.evidence.some((e) => /"default"/.test(e.value)));
});

test('pulumi: --stack, then PULUMI_STACK, then the selected stack in the workspace settings', () => {
  const projectFile = join(ws('pulumi'), 'Pulumi.yaml');
  const settings = join(fx.home, '.pulumi', 'workspaces', `shop-${createHash('sha1').update(projectFile).digest('hex')}-workspace.json`);
  // git keeps no empty folders: a fresh clone has no ~/.pulumi/workspaces until Pulumi writes one.
  mkdirSync(dirname(settings), { recursive: true });
  writeFileSync(settings, JSON.stringify({ stack: 'acme/shop/production' }));
  const a = resolveTarget(command('pulumi destroy --yes', ws('pulumi')), options(fx.home));
  assert.equal(a.name, 'acme/shop/production');
  assert.equal(a.environment, 'production');
  assert.match(a.evidence[0]!.source, /^selected stack in ~\/\.pulumi\/workspaces\/shop-[0-9a-f]{40}-workspace\.json$/);
  const b = resolveTarget(command('pulumi destroy', ws('pulumi')), options(fx.home, { PULUMI_STACK: 'dev' }));
  assert.equal(b.environment, 'development');
  const c = resolveTarget(command('pulumi destroy -s staging', ws('pulumi')), options(fx.home, { PULUMI_STACK: 'dev' }));
  assert.equal(c.name, 'staging');
  const d = resolveTarget(command('pulumi destroy', ws('plain')), options(fx.home));
  assert.equal(d.environment, 'unknown');
  assert.ok(d.evidence.some((e) => e.source === 'Pulumi.yaml'));
});

test('aws: --profile beats AWS_PROFILE beats AWS_DEFAULT_PROFILE; account ids from sso_account_id and role_arn', () => {
  const a = resolveTarget(command('aws s3 rb s3://x --force --profile prod-admin', ws('plain')), options(fx.home, { AWS_PROFILE: 'staging' }));
  assert.equal(a.name, 'prod-admin');
  assert.equal(a.environment, 'production');
  assert.match(a.resource!, /111122223333 \(eu-west-1\)/);
  const b = resolveTarget(command('aws s3 rb s3://x', ws('plain')), options(fx.home, { AWS_PROFILE: 'staging', AWS_DEFAULT_PROFILE: 'prod-admin' }));
  assert.equal(b.name, 'staging');
  assert.match(b.resource!, /444455556666/);
  assert.equal(b.environment, 'staging');
  const c = resolveTarget(command('aws s3 rb s3://x', ws('plain')), options(fx.home, { AWS_DEFAULT_PROFILE: 'billing' }));
  assert.equal(c.name, 'billing');
  assert.equal(c.environment, 'unknown');
  const custom = resolveTarget(
    command('aws s3 rb s3://x --profile billing', ws('plain')),
    options(fx.home, {}, { patterns: { production: ['111122223333'] } }),
  );
  assert.equal(custom.environment, 'production', 'an account id configured as production classifies the profile');
});

test('aws: access keys in the environment beat AWS_PROFILE and leave the account unknown', () => {
  const t = resolveTarget(command('aws s3 rb s3://x', ws('plain')), options(fx.home, { AWS_PROFILE: 'staging', AWS_ACCESS_KEY_ID: 'fixture-key' }));
  assert.equal(t.environment, 'unknown');
  assert.match(t.evidence[0]!.value, /uses these keys/);
});

test('gcloud: --project, CLOUDSDK_CORE_PROJECT, then the active configuration', () => {
  const a = resolveTarget(command('gcloud projects delete x', ws('plain')), options(fx.home));
  assert.equal(a.name, 'acme-prod-123');
  assert.equal(a.environment, 'production');
  assert.match(a.evidence[0]!.source, /config_prod$/);
  const b = resolveTarget(command('gcloud sql instances delete db', ws('plain')), options(fx.home, { CLOUDSDK_CORE_PROJECT: 'acme-dev' }));
  assert.equal(b.environment, 'development');
  const c = resolveTarget(
    command('gcloud sql instances delete db --project acme-staging', ws('plain')),
    options(fx.home, { CLOUDSDK_CORE_PROJECT: 'acme-dev' }),
  );
  assert.equal(c.name, 'acme-staging');
  const d = resolveTarget(command('gcloud sql instances delete db', ws('plain')), options(fx.home, { CLOUDSDK_ACTIVE_CONFIG_NAME: 'default' }));
  assert.equal(d.name, 'acme-sandbox');
});

test('az: --subscription, the default subscription in azureProfile.json (with its BOM), resource groups', () => {
  const a = resolveTarget(command('az group delete --name rg-web --yes', ws('plain')), options(fx.home));
  assert.equal(a.environment, 'production', 'the default subscription is Acme Production');
  assert.match(a.resource!, /subscription Acme Production, resource group rg-web/);
  const b = resolveTarget(command('az storage account delete -g rg-staging -n x --subscription Acme-Staging', ws('plain')), options(fx.home));
  assert.equal(b.environment, 'staging');
});

test('heroku: --app, --remote through .git/config, HEROKU_APP, the remote named heroku', () => {
  assert.equal(resolveTarget(command('heroku apps:destroy -a shop-staging', ws('heroku')), options(fx.home)).environment, 'staging');
  const r = resolveTarget(command('heroku pg:reset --remote staging', ws('heroku')), options(fx.home));
  assert.equal(r.name, 'shop-staging');
  assert.equal(resolveTarget(command('heroku pg:reset', ws('heroku')), options(fx.home, { HEROKU_APP: 'shop-dev' })).name, 'shop-dev');
  const d = resolveTarget(command('heroku pg:reset', ws('heroku')), options(fx.home));
  assert.equal(d.name, 'shop-production');
  assert.equal(d.environment, 'production');
});

test('fly: --app, FLY_APP, then app in fly.toml or the --config file', () => {
  const a = resolveTarget(command('fly apps destroy', ws('fly')), options(fx.home));
  assert.equal(a.name, 'shop-staging');
  assert.equal(a.environment, 'staging');
  const b = resolveTarget(command('fly volumes destroy vol_1 -c fly.production.toml', ws('fly')), options(fx.home));
  assert.equal(b.name, 'shop');
  assert.equal(b.environment, 'production', 'the config file name says production');
  assert.equal(resolveTarget(command('fly apps destroy -a shop-dev', ws('fly')), options(fx.home)).environment, 'development');
});

test('vercel: --prod and --target production are production; removing a project is production; project from .vercel/project.json', () => {
  const a = resolveTarget(command('vercel deploy --prod', ws('vercel')), options(fx.home));
  assert.equal(a.environment, 'production');
  assert.equal(a.resource, 'Vercel project shop-web');
  assert.equal(resolveTarget(command('vercel --target=staging', ws('vercel')), options(fx.home)).environment, 'staging');
  assert.equal(resolveTarget(command('vercel project rm shop-web', ws('vercel')), options(fx.home)).environment, 'production');
  assert.equal(resolveTarget(command('vercel env rm API_KEY development', ws('vercel')), options(fx.home)).environment, 'development');
});

test('supabase: --linked reads supabase/.temp/project-ref; env files tell which environment a ref is; db reset defaults to local', () => {
  const a = resolveTarget(command('supabase db reset --linked', ws('supabase')), options(fx.home));
  assert.equal(a.name, 'abcdprodref');
  assert.equal(a.environment, 'production');
  assert.ok(a.evidence.some((e) => e.source === '.env.production'));
  const b = resolveTarget(command('supabase db reset', ws('supabase')), options(fx.home));
  assert.equal(b.environment, 'development');
  const c = resolveTarget(command('supabase db push --project-ref efghstageref', ws('supabase')), options(fx.home));
  assert.equal(c.environment, 'staging');
  const d = resolveTarget(command('supabase db reset --db-url postgres://u:p@db.staging.acme.dev:5432/postgres', ws('supabase')), options(fx.home));
  assert.equal(d.environment, 'staging');
  assert.doesNotMatch(JSON.stringify(d), /u:p@/, 'credentials never appear');
});

test('docker: current context from ~/.docker/config.json and its endpoint; compose project and file names', () => {
  const a = resolveTarget(command('docker volume rm pgdata', ws('plain')), options(fx.home));
  assert.equal(a.name, 'prod-box');
  assert.equal(a.environment, 'production');
  assert.match(a.resource!, /volume pgdata on ssh:\/\/deploy@prod-box\.acme\.example/);
  const dirOnly = join(fx.root, 'generated', 'main');
  require('node:fs').mkdirSync(dirOnly, { recursive: true });
  require('node:fs').writeFileSync(join(dirOnly, 'compose.yaml'), 'services: {}\n');
  const m = resolveTarget(command('docker compose down -v', dirOnly), options(fx.home, { DOCKER_CONTEXT: 'default' }));
  assert.equal(m.name, 'main');
  assert.equal(m.environment, 'development', 'a project named after a checkout folder called main is not production');
  const b = resolveTarget(command('docker compose down -v', ws('docker')), options(fx.home, { DOCKER_CONTEXT: 'default' }));
  assert.equal(b.name, 'shop');
  assert.equal(b.environment, 'development');
  const c = resolveTarget(command('docker compose -f docker-compose.prod.yml down -v', ws('docker')), options(fx.home, { DOCKER_CONTEXT: 'default' }));
  assert.equal(c.environment, 'production');
  const d = resolveTarget(command('docker compose -p shop-staging down -v', ws('docker')), options(fx.home, { DOCKER_HOST: 'unix:///var/run/docker.sock' }));
  assert.equal(d.environment, 'staging');
});

test('git: push to a protected branch is production; local rewrites are development; credentials in remote URLs are dropped', () => {
  const a = resolveTarget(command('git push --force origin main', ws('git')), options(fx.home));
  assert.equal(a.environment, 'production');
  assert.match(a.evidence[0]!.value, /main is protected/);
  assert.doesNotMatch(JSON.stringify(a), /ghp_fixturenotreal/);
  const b = resolveTarget(command('git push --force', ws('git')), options(fx.home));
  assert.equal(b.name, 'feature/login');
  assert.equal(b.environment, 'unknown');
  const c = resolveTarget(command('git push origin --delete release/2.1', ws('git')), options(fx.home));
  assert.equal(c.environment, 'production');
  const d = resolveTarget(command('git reset --hard HEAD~3', ws('git')), options(fx.home));
  assert.equal(d.environment, 'development');
  assert.match(d.resource!, /on feature\/login/);
  const e = resolveTarget(command('git push -f origin HEAD:staging', ws('git')), options(fx.home, {}, { protectedBranches: ['main'] }));
  assert.equal(e.environment, 'staging');
});

test('HTTP: the host names its environment; localhost is development', () => {
  assert.equal(resolveTarget(command('curl -X DELETE https://api.staging.acme.com/v1/users/1', ws('plain')), options(fx.home)).environment, 'staging');
  assert.equal(resolveTarget(command('curl -X DELETE http://localhost:3000/users/1', ws('plain')), options(fx.home)).environment, 'development');
  assert.equal(resolveTarget(command('curl -X DELETE https://api.acme.com/users/1', ws('plain')), options(fx.home)).environment, 'unknown');
});

test('files: inside the workspace is development; outside, variable or over SSH is unknown', () => {
  const inside = resolveTarget(command('rm -rf build src/gen', ws('plain')), options(fx.home));
  assert.equal(inside.environment, 'development');
  assert.match(inside.resource!, /files in the workspace: build, src\/gen/);
  assert.equal(resolveTarget(command('rm -rf /var/lib/postgresql/data', ws('plain')), options(fx.home)).environment, 'unknown');
  assert.equal(resolveTarget(command('rm -rf ../other', ws('plain')), options(fx.home)).environment, 'unknown');
  assert.equal(resolveTarget(command(['rm', '-rf', '$DIR/'], ws('plain')), options(fx.home)).environment, 'unknown');
  assert.equal(resolveTarget(command('find . -name *.log -delete', ws('plain')), options(fx.home)).environment, 'development');
  const ssh = resolveTarget(command('rm -rf build', ws('plain')), options(fx.home, { SSH_CONNECTION: '10.0.0.1 22 10.0.0.2 22' }));
  assert.equal(ssh.environment, 'unknown');
  assert.match(ssh.evidence[0]!.value, /over SSH/);
});

test('a tool without a resolver is unknown and says so', () => {
  const t = resolveTarget(command('dd if=/dev/zero of=/dev/sda', ws('plain')), options(fx.home));
  assert.equal(t.environment, 'unknown');
  assert.ok(t.evidence.some((e) => /no target resolver/.test(e.value)));
});

test('symlink loops and unreadable config files are reasons, not crashes', () => {
  const loopHome = join(fx.root, 'loop-home');
  mkdirSync(join(loopHome, '.kube'), { recursive: true });
  require('node:fs').symlinkSync(join(loopHome, '.kube', 'b'), join(loopHome, '.kube', 'a'));
  require('node:fs').symlinkSync(join(loopHome, '.kube', 'a'), join(loopHome, '.kube', 'b'));
  require('node:fs').symlinkSync(join(loopHome, '.kube', 'a'), join(loopHome, '.kube', 'config'));
  const t = resolveTarget(command('kubectl delete ns x', ws('plain')), options(loopHome));
  assert.equal(t.environment, 'unknown');
  assert.ok(
    t.evidence.some((e) => /symlink loop/.test(e.value)),
    JSON.stringify(t.evidence),
  );
});

test('$VAR in arguments is expanded as the shell would: sourced env files, then the process env', () => {
  const a = resolveTarget(command(['kubectl', '--context', '$CTX', 'delete', 'ns', 'x'], ws('plain')), options(fx.home, { CTX: 'kind-dev' }));
  assert.equal(a.name, 'kind-dev');
  assert.ok(a.evidence.some((e) => e.source === '$CTX' && e.value === 'from process environment'));
  const b = resolveTarget(command(['rm', '-rf', '${OUT}/'], ws('plain')), options(fx.home, { OUT: 'build' }));
  assert.equal(b.environment, 'development');
  const c = resolveTarget(command(['psql', '-h', '$DBHOST', '-c', 'drop table x'], ws('plain')), options(fx.home, { DBHOST: 'db.prod.acme.internal' }));
  assert.equal(c.environment, 'production');
  const d = resolveTarget(command(['aws', 's3', 'rb', 's3://x', '--profile', '$P'], ws('plain')), options(fx.home));
  assert.equal(d.name, '$P', 'a variable set nowhere stays as written');
  assert.equal(d.environment, 'unknown');
});
