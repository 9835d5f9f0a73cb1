import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { namedEnvFiles } from '../../../src/core/environment/context';
import { MAX_FILE_BYTES } from '../../../src/core/environment/files';
import { resolveTarget } from '../../../src/core/environment/resolve';
import { command, materializeFixtures, options } from './fixture';

const fx = materializeFixtures();
after(fx.cleanup);

function workspace(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(fx.root, 'generated', name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

test('env files a line names: source and env $(cat ...) override the process env; --env-file and dotenv -e do not', () => {
  const c = (argv: string[]) => command(argv, '/w');
  assert.deepEqual(namedEnvFiles('source .env.prod && psql', c(['psql'])), [{ path: '.env.prod', overrides: true }]);
  assert.deepEqual(namedEnvFiles('. ./.env.staging; psql', c(['psql'])), [{ path: './.env.staging', overrides: true }]);
  assert.deepEqual(namedEnvFiles('env $(cat .env.production | xargs) railway up', c(['railway', 'up'])), [{ path: '.env.production', overrides: true }]);
  assert.deepEqual(namedEnvFiles("export $(grep -v '^#' config/prod.env | xargs) && x", c(['x'])), [{ path: 'config/prod.env', overrides: true }]);
  assert.deepEqual(namedEnvFiles('', c(['docker', 'compose', '--env-file', '.env.prod', 'down', '-v'])), [{ path: '.env.prod', overrides: false }]);
  assert.deepEqual(namedEnvFiles('dotenv -e .env.staging -- prisma migrate reset', c(['prisma', 'migrate', 'reset'])), [
    { path: '.env.staging', overrides: false },
  ]);
  assert.deepEqual(namedEnvFiles('echo $(date) && psql', c(['psql'])), []);
});

test('dotenv -e FILE -- tool: the inner tool reads the file, the process env wins over it', () => {
  const dir = workspace('dotenv-cli', { '.env.staging': 'DATABASE_URL=postgres://db.staging.acme.dev/app\n' });
  const argv = ['dotenv', '-e', '.env.staging', '--', 'prisma', 'migrate', 'reset'];
  const a = resolveTarget(command(argv, dir), options(fx.home));
  assert.equal(a.environment, 'staging');
  assert.equal(a.resource, 'postgres://db.staging.acme.dev:5432/app');
  const b = resolveTarget(command(argv, dir), options(fx.home, { DATABASE_URL: 'postgres://localhost/app' }));
  assert.equal(b.environment, 'development');
});

test('prisma reads the variable its schema names, from .env when the shell lacks it', () => {
  const t = resolveTarget(command('prisma migrate reset --force', fx.workspace('db')), options(fx.home));
  assert.equal(t.resource, 'postgres://db.staging.acme.example:5432/shop');
  assert.equal(t.environment, 'staging');
  assert.ok(t.evidence.some((e) => e.source === 'PRISMA_DB_URL (.env)'));
});

test('frameworks: RAILS_ENV, knex --env, Django settings name the environment; DATABASE_URL is compared with env files', () => {
  const dir = workspace('frameworks', { 'README.md': 'x' });
  assert.equal(resolveTarget(command('rails db:drop', dir, { RAILS_ENV: 'production' }), options(fx.home)).environment, 'production');
  assert.equal(resolveTarget(command('rails db:drop', dir), options(fx.home)).environment, 'development', 'Rails defaults to development');
  assert.equal(resolveTarget(command('bundle exec rake db:reset', dir), options(fx.home, { RACK_ENV: 'staging' })).environment, 'staging');
  assert.equal(resolveTarget(command('knex migrate:rollback --all --env production', dir), options(fx.home)).environment, 'production');
  assert.equal(resolveTarget(command('python manage.py flush --settings=shop.settings.prod', dir), options(fx.home)).environment, 'production');
  const shared = resolveTarget(command('rails db:drop', fx.workspace('db'), { RAILS_ENV: 'development' }), options(fx.home));
  assert.equal(shared.environment, 'production', '.env points DATABASE_URL at the database .env.production uses');
});

test('database clients: URL or host in the arguments, then PG*/MYSQL_HOST, else the local server', () => {
  const dir = workspace('clients', { 'README.md': 'x' });
  assert.equal(resolveTarget(command('psql -h db.prod.acme.internal -d shop', dir), options(fx.home)).environment, 'production');
  assert.equal(
    resolveTarget(command('psql -c drop', dir), options(fx.home, { PGHOST: 'staging-db.acme.internal', PGDATABASE: 'shop' })).resource,
    'postgres://staging-db.acme.internal:5432/shop',
  );
  assert.equal(resolveTarget(command('dropdb shop', dir), options(fx.home)).environment, 'development');
  assert.equal(resolveTarget(command(['psql', 'host=db.stg.acme.internal dbname=shop'], dir), options(fx.home)).environment, 'staging');
  assert.equal(resolveTarget(command('mysql -h prod-mysql.acme.internal shop', dir), options(fx.home)).environment, 'production');
  assert.equal(resolveTarget(command('mongosh mongodb+srv://u:p@cluster0.prod.mongodb.net/shop', dir), options(fx.home)).environment, 'production');
  assert.equal(resolveTarget(command('redis-cli FLUSHALL', dir), options(fx.home)).environment, 'development');
  assert.equal(resolveTarget(command('redis-cli -u redis://cache.staging.acme.internal:6379/0 FLUSHALL', dir), options(fx.home)).environment, 'staging');
  assert.equal(resolveTarget(command('sqlite3 prod.db', dir), options(fx.home)).environment, 'production');
  const missing = resolveTarget(command(['psql', '$NOPE_URL'], dir), options(fx.home));
  assert.equal(missing.environment, 'development', 'an unset variable expands to nothing: psql connects locally');
  assert.ok(missing.evidence.some((e) => /\$NOPE_URL is set nowhere/.test(e.value)));
});

test('docker compose: COMPOSE_PROJECT_NAME from the project .env', () => {
  const dir = workspace('compose-env', { '.env': 'COMPOSE_PROJECT_NAME=shop-staging\n', 'compose.yaml': 'services: {}\n' });
  const t = resolveTarget(command('docker compose down -v', dir), options(fx.home, { DOCKER_CONTEXT: 'default' }));
  assert.equal(t.name, 'shop-staging');
  assert.equal(t.environment, 'staging');
});

test('an env file that names nothing gets its environment from APP_ENV / NODE_ENV / IS_PRODUCTION=true', () => {
  const a = workspace('indicators-a', { '.env': 'APP_ENV=production\nDATABASE_URL=postgres://db.internal/app\n' });
  assert.equal(resolveTarget(command(['psql', '$DATABASE_URL'], a), options(fx.home)).environment, 'production');
  const b = workspace('indicators-b', { '.env': 'IS_PRODUCTION=true\nDATABASE_URL=postgres://db.internal/app\n' });
  assert.equal(resolveTarget(command(['psql', '$DATABASE_URL'], b), options(fx.home)).environment, 'production');
});

test('broken env files a line loads: binary, huge, a directory, unparseable, missing: unknown with the reason, no crash', () => {
  const dir = workspace('broken', {
    '.env.binary': Buffer.from([0x44, 0x42, 0x3d, 0x00, 0x01, 0x02]),
    '.env.huge': Buffer.alloc(MAX_FILE_BYTES + 10, 0x61),
    '.env.garbage': '}}}{{{ not an env file at all\n<<<>>>\n',
  });
  mkdirSync(join(dir, '.env.dir'));
  for (const [file, reason] of [
    ['.env.binary', /not a text file/],
    ['.env.huge', /too large/],
    ['.env.dir', /not a regular file/],
    ['.env.garbage', /no KEY=value line/],
    ['.env.missing', /does not exist/],
  ] as const) {
    const t = resolveTarget(command(['psql', '$DATABASE_URL'], dir), options(fx.home, {}, { line: `source ${file} && psql $DATABASE_URL` }));
    assert.equal(t.environment, 'unknown', `${file}: what the file would set is unknown`);
    assert.match(t.evidence[0]!.value, /loaded by the command line but unreadable/);
    assert.ok(
      t.evidence.some((e) => e.source === file && reason.test(e.value)),
      `${file}: ${JSON.stringify(t.evidence)}`,
    );
  }
});

test('a 1 MB command line and odd words do not hang or throw', () => {
  const long = `source ${'a'.repeat(1_000_000)} && psql`;
  const start = Date.now();
  const t = resolveTarget(command(['psql', '$'.repeat(10000), '${'], fx.workspace('plain')), options(fx.home, {}, { line: long }));
  assert.ok(Date.now() - start < 2000);
  assert.ok(['development', 'unknown'].includes(t.environment));
});

test('frameworks load .env.<mode>.local, .env.local, .env.<mode>, .env in that order for their mode', () => {
  const dir = workspace('modes', {
    '.env': 'DATABASE_URL=postgres://localhost/app_dev\n',
    '.env.production': 'DATABASE_URL=postgres://db.prod.acme.internal/app\n',
    '.env.test.local': 'DATABASE_URL=postgres://localhost/app_test\n',
    '.env.local': 'DATABASE_URL=postgres://db.staging.acme.internal/app\n',
  });
  const prod = resolveTarget(command('rails db:drop', dir, { RAILS_ENV: 'production' }), options(fx.home));
  assert.equal(prod.resource, 'postgres://db.staging.acme.internal:5432/app', '.env.local beats .env.production');
  assert.equal(prod.environment, 'production', 'RAILS_ENV=production still names production');
  const test = resolveTarget(command('rails db:drop', dir, { RAILS_ENV: 'test' }), options(fx.home));
  assert.equal(test.resource, 'postgres://localhost:5432/app_test');
  assert.equal(test.environment, 'development');
});
