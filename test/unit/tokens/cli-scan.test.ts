import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import type { CliIO } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';
import { fakeUuid } from '../../../src/core/tokens/fake';

// An empty home: the scan asks which agents' hooks are installed there, and this machine's must not count.
const emptyHome = mkdtempSync(join(tmpdir(), 'airlock-scan-home-'));
after(() => rmSync(emptyHome, { recursive: true, force: true }));

function io(cwd: string): CliIO & { out: string; err: string } {
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
    env: { HOME: emptyHome } as NodeJS.ProcessEnv,
    cwd,
  };
  return captured;
}

const fixtures = resolve(__dirname, '../../fixtures/tokens');

test('exit 0 and a clear line when nothing is found', async () => {
  const c = io(fixtures);
  assert.equal(await runCli(['scan', 'negatives'], c), 0);
  assert.match(c.out, /No exposed tokens in \d+ files/);
});

test('exit 1 with findings; --json keeps the documented field names and root-relative files', async () => {
  const c = io(fixtures);
  assert.equal(await runCli(['scan', 'planted', '--json'], c), 1);
  const { findings } = JSON.parse(c.out) as { findings: Array<Record<string, unknown>> };
  assert.ok(findings.length > 0);
  for (const key of ['file', 'line', 'column', 'type', 'provider', 'preview', 'scope', 'tracked', 'agentReadable']) {
    assert.ok(
      findings.every((f) => key in f),
      `missing ${key}`,
    );
  }
  const env = findings.find((f) => f.file === '.env' && f.type === 'railway-account-token');
  assert.ok(env, 'file is relative to the scanned root');
  assert.equal(env.line, 2);
  // No agent hook here (the io's env has no HOME with hooks, the fixture folder none): readable.
  assert.equal(env.agentReadable, true, 'no verified read hook: the read gate blocks nobody');
  assert.deepEqual(env.blockedBy, []);
  assert.match(String(env.scope), /every project/);
});

test('--sarif writes SARIF 2.1.0 with rules, levels, regions and fingerprints', async () => {
  const c = io(fixtures);
  assert.equal(await runCli(['scan', 'planted', '--sarif'], c), 1);
  const sarif = JSON.parse(c.out);
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'Airlock');
  const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
  for (const r of run.results) {
    assert.equal(ruleIds[r.ruleIndex], r.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(r.level));
    const region = r.locations[0].physicalLocation.region;
    assert.ok(region.startLine >= 1 && region.startColumn >= 1);
    assert.ok(!r.locations[0].physicalLocation.artifactLocation.uri.startsWith('/'), 'relative URIs');
    assert.match(r.partialFingerprints['airlockSecret/v2'], /^[0-9a-f]{32}$/);
  }
  for (const rule of run.tool.driver.rules) assert.match(rule.properties['security-severity'], /^\d+(\.\d)?$/);
});

test('usage errors exit 2: unknown option, both formats, missing glob, missing path', async () => {
  for (const args of [['--bogus'], ['--json', '--sarif'], ['--include'], ['no/such/dir']]) {
    const c = io(fixtures);
    assert.equal(await runCli(['scan', ...args], c), 2, args.join(' '));
    assert.match(c.err, /Usage: airlock scan/);
  }
});

test('a single file path, --exclude, and --verbose listing skipped files', async () => {
  const root = mkdtempSync(join(tmpdir(), 'airlock-cli-'));
  try {
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'sub', 'a.env'), `RAILWAY_TOKEN=${fakeUuid()}\n`);
    writeFileSync(join(root, 'b.bin'), Buffer.from([0, 1, 2, 3]));
    const single = io(root);
    assert.equal(await runCli(['scan', 'sub/a.env', '--json'], single), 1);
    assert.equal(JSON.parse(single.out).findings[0].file, 'a.env');
    const excluded = io(root);
    assert.equal(await runCli(['scan', '--exclude', 'sub/**'], excluded), 0);
    const verbose = io(root);
    await runCli(['scan', '--verbose'], verbose);
    assert.match(verbose.err, /skipped b\.bin: binary/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
