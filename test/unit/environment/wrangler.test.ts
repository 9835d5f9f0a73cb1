import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { resolveTarget } from '../../../src/core/environment/resolve';
import { command, materializeFixtures, options } from './fixture';

const fx = materializeFixtures();
after(fx.cleanup);
const api = join(fx.workspace('wrangler-toml'), 'api');
const edge = join(fx.workspace('wrangler-jsonc'), 'packages', 'edge');

const resolve = (line: string, cwd: string, env: Record<string, string> = {}, assignments: Record<string, string> = {}) =>
  resolveTarget(command(line, cwd, assignments), options(fx.home, env, { workspaceRoot: cwd }));

test('wrangler: --env picks the [env.X] table and its own D1 database, with the file and binding as evidence', () => {
  const t = resolve('wrangler d1 execute DB --remote --env staging --command=DELETE', api);
  assert.equal(t.environment, 'staging');
  assert.equal(t.name, 'staging');
  assert.match(t.resource ?? '', /D1 database ledger-stg/);
  assert.deepEqual(t.evidence[0], { source: '--env', value: 'staging' });
  assert.ok(
    t.evidence.some((e) => e.source === 'wrangler.toml [env.staging]' && /5a5a5a5a-1111/.test(e.value)),
    JSON.stringify(t.evidence),
  );
});

test('wrangler: an environment named production is production even when its database name says nothing', () => {
  const t = resolve('wrangler d1 execute ledger-core --remote -e production --command=DROP', api);
  assert.equal(t.environment, 'production');
  assert.match(t.resource ?? '', /ledger-core.*Worker ledger-edge/);
});

test('wrangler: CLOUDFLARE_ENV selects the environment; --env beats it; an assignment on the line counts', () => {
  assert.equal(resolve('wrangler d1 execute DB --remote --command=x', api, { CLOUDFLARE_ENV: 'staging' }).environment, 'staging');
  const both = resolve('wrangler d1 execute DB --remote --env production --command=x', api, { CLOUDFLARE_ENV: 'staging' });
  assert.equal(both.environment, 'production');
  const inline = resolve('wrangler deploy', api, {}, { CLOUDFLARE_ENV: 'production' });
  assert.equal(inline.environment, 'production');
  assert.match(inline.evidence[0]!.source, /^CLOUDFLARE_ENV \(assignment/);
});

test('wrangler: --local is development whatever --env says; --remote or neither is the Cloudflare resource', () => {
  const local = resolve('wrangler d1 execute DB --local --env production --command=DROP', api);
  assert.equal(local.environment, 'development');
  assert.equal(local.evidence[0]!.source, '--local');
  assert.equal(resolve('wrangler d1 execute DB --env production --command=DROP', api).environment, 'production');
});

test('wrangler: the top level with nothing that names an environment stays unknown (treated as production)', () => {
  const t = resolve('wrangler d1 execute DB --remote --command=DROP', api);
  assert.equal(t.environment, 'unknown');
  assert.ok(t.evidence.some((e) => /top-level Worker ledger/.test(e.value)));
});

test("wrangler: an environment sharing production's D1 database is production, and says so", () => {
  const t = resolve('wrangler d1 execute DB --remote --env qa --command=DROP', api);
  assert.equal(t.environment, 'production');
  assert.deepEqual(t.sharedWith, []);
  assert.deepEqual(t.evidence[0], {
    source: 'wrangler.toml [env.production]',
    value: 'D1 database ledger-core (binding DB) is configured here, for production',
  });
});

test('wrangler: the config is found from a subfolder upwards; wrangler.jsonc with comments and trailing commas is read', () => {
  const sub = join(edge, 'src', 'handlers');
  const live = resolveTarget(
    command('wrangler d1 execute EVENTS --remote --env live --command=x', sub),
    options(fx.home, {}, { workspaceRoot: fx.workspace('wrangler-jsonc') }),
  );
  assert.equal(live.environment, 'production');
  assert.ok(
    live.evidence.some((e) => /packages\/edge\/wrangler\.jsonc/.test(e.source)),
    JSON.stringify(live.evidence),
  );
  // vars.ENVIRONMENT in the environment's own table says development.
  const sandbox = resolveTarget(command('wrangler d1 execute EVENTS --remote --env sandbox --command=x', sub), options(fx.home));
  assert.equal(sandbox.environment, 'development');
});

test('wrangler: --config names the file; a missing one is unknown with the reason', () => {
  const t = resolve('wrangler d1 execute DB --remote --env staging --config ../nowhere.toml --command=x', api);
  assert.equal(t.environment, 'staging', 'the --env name still tells');
  const none = resolve('wrangler d1 execute DB --remote --config ../nowhere.toml --command=x', api);
  assert.equal(none.environment, 'unknown');
  assert.ok(
    none.evidence.some((e) => /nowhere\.toml/.test(e.source) && /does not exist/.test(e.value)),
    JSON.stringify(none.evidence),
  );
});

test("wrangler: deploy follows the build tool's redirected config (.wrangler/deploy/config.json)", () => {
  const t = resolve('wrangler deploy', fx.workspace('wrangler-redirect'));
  assert.equal(t.environment, 'production');
  assert.ok(
    t.evidence.some((e) => /\.wrangler\/deploy\/config\.json/.test(e.source)),
    JSON.stringify(t.evidence),
  );
});

test('wrangler: three ways around: npx-style names, an unknown --env, a delete naming the Worker', () => {
  // An --env with no table: wrangler warns and uses top-level bindings; the name still classifies.
  assert.equal(resolve('wrangler d1 execute DB --remote --env prod --command=x', api).environment, 'production');
  assert.equal(resolve('wrangler d1 execute DB --remote --env preview-of-something --command=x', api).environment, 'unknown');
  // `wrangler delete NAME` names the Worker outright.
  assert.equal(resolve('wrangler delete ledger-stg', api).environment, 'staging');
  assert.equal(resolve('wrangler delete ledger-edge', api).environment, 'unknown');
  // An R2 bucket of production by binding name.
  const r2 = resolve('wrangler r2 bucket delete ledger-files --env production', api);
  assert.equal(r2.environment, 'production');
});

test('wrangler: a broken config is unknown with the parse reason, never a throw', () => {
  const { writeFileSync, mkdirSync } = require('node:fs') as typeof import('node:fs');
  const dir = join(fx.root, 'generated', 'broken-wrangler');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'wrangler.toml'), '[env.production\nname = ');
  const t = resolve('wrangler d1 execute DB --remote --command=x', dir);
  assert.equal(t.environment, 'unknown');
  assert.ok(
    t.evidence.some((e) => /wrangler\.toml/.test(e.source) && /cannot be parsed/.test(e.value)),
    JSON.stringify(t.evidence),
  );
});

test('wrangler: --name names the Worker; a Pages project delete names its project; no --local nor --remote says so', () => {
  assert.equal(resolve('wrangler deploy --name ledger-prod', api).environment, 'production');
  assert.equal(resolve('wrangler pages project delete marketing-stg', api).environment, 'staging');
  const t = resolve('wrangler d1 execute DB --env staging --command=x', api);
  assert.ok(
    t.evidence.some((e) => /neither --local nor --remote/.test(e.value)),
    JSON.stringify(t.evidence),
  );
});

test("wrangler: CLOUDFLARE_ENV in the project's .env file counts, as wrangler loads it; the process env beats it", () => {
  const { writeFileSync, mkdirSync, cpSync } = require('node:fs') as typeof import('node:fs');
  const dir = join(fx.root, 'generated', 'wrangler-dotenv');
  mkdirSync(dir, { recursive: true });
  cpSync(join(api, 'wrangler.toml'), join(dir, 'wrangler.toml'));
  writeFileSync(join(dir, '.env'), 'CLOUDFLARE_ENV=production\n');
  const t = resolve('wrangler d1 execute DB --remote --command=x', dir);
  assert.equal(t.environment, 'production');
  assert.match(t.evidence[0]!.source, /^CLOUDFLARE_ENV \(\.env\)/);
  assert.equal(resolve('wrangler d1 execute DB --remote --command=x', dir, { CLOUDFLARE_ENV: 'staging' }).environment, 'staging');
});
