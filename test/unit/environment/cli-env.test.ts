import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { CliIO } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';
import { materializeFixtures } from './fixture';

const fx = materializeFixtures();
after(fx.cleanup);

function io(env: Record<string, string>, cwd: string): CliIO & { out: string; err: string } {
  const captured = {
    out: '',
    err: '',
    stdout: (t: string) => {
      captured.out += t;
    },
    stderr: (t: string) => {
      captured.err += t;
    },
    readStdin: async () => '',
    env,
    cwd,
  };
  return captured;
}

test('airlock env --json on the PocketOS workspace: env files, the Railway link, and both shared resources as warnings', async () => {
  const out = io({ HOME: fx.home }, fx.root);
  const code = await runCli(['env', '--json', '--cwd', fx.workspace('pocketos')], out);
  assert.equal(code, 1, 'a shared production resource exits 1');
  const report = JSON.parse(out.out);
  assert.deepEqual(Object.keys(report), [
    'root',
    'envFiles',
    'kubernetes',
    'terraform',
    'aws',
    'gcloud',
    'railway',
    'git',
    'docker',
    'pulumi',
    'vercel',
    'supabase',
    'wrangler',
    'shared',
    'problems',
  ]);
  assert.deepEqual(
    report.envFiles.map((f: { file: string; environment: string }) => [f.file, f.environment]),
    [
      ['.env', 'development'],
      ['.env.production', 'production'],
      ['.env.staging', 'staging'],
      ['scripts/.env.domains', 'unknown'],
    ],
  );
  assert.deepEqual(
    report.shared.map((s: { display: string; environments: string[] }) => [s.display, s.environments]),
    [
      ['postgres://db.pocketos.internal:5432/pocketos', ['production', 'staging']],
      ['volume vol_7f3a9c', ['production', 'staging']],
    ],
  );
  assert.equal(report.railway.environment, 'staging');
  assert.deepEqual(report.railway.tokens, [{ variable: 'RAILWAY_TOKEN', file: 'scripts/.env.domains', fileEnvironment: 'unknown' }]);
  assert.equal(report.kubernetes.currentContext, 'prod-eu');
  assert.doesNotMatch(out.out, /staging-pass|prod-pass|rw_fixture_token_0123456789abcdef|fixture-not-a-real-secret/, 'no secret is printed');
});

test('airlock env, human output: the warning comes first and says what it means', async () => {
  const out = io({ HOME: fx.home }, fx.workspace('pocketos'));
  await runCli(['env'], out);
  assert.match(
    out.out,
    /^WARNING: 2 resources are shared between environments\n {2}! postgres:\/\/db\.pocketos\.internal:5432\/pocketos is used by production and staging/,
  );
  assert.match(out.out, /A command aimed at staging here destroys production data\./);
  assert.match(out.out, /\* prod-eu {16}PRODUCTION/);
});

test('airlock env on a workspace with nothing shared exits 0 and shows empty states; no HOME is said, not a crash', async () => {
  const out = io({}, fx.workspace('plain'));
  assert.equal(await runCli(['env'], out), 0);
  assert.match(out.out, /Env files\n {2}none/);
  assert.match(out.out, /HOME: not set/);
});

test('airlock env: bad options are usage errors', async () => {
  const out = io({}, fx.root);
  assert.equal(await runCli(['env', '--bogus'], out), 2);
  assert.equal(await runCli(['env', '--cwd'], out), 2);
});
