import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fake, fakeUuid } from '../../../src/core/tokens/fake';
import { fileHoldsSecret, scanFileForSecrets } from '../../../src/core/tokens/files';
import { airlockIgnoreEntry } from '../../../src/core/tokens/ignore-file';
import { WorkspaceScanner } from '../../../src/core/tokens/scan';

function workspace(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'airlock-scan-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return root;
}

const railway = () => `RAILWAY_API_TOKEN=${fakeUuid()}\n`;

test('scans dotfiles and git-ignored files, skips node_modules and .git by default', async () => {
  const root = workspace({
    '.env': railway(),
    '.gitignore': '.env\nsecret.txt\n',
    'secret.txt': railway(),
    'node_modules/pkg/.env': railway(),
  });
  try {
    execFileSync('git', ['init', '-q'], { cwd: root });
    writeFileSync(join(root, '.git/planted'), railway());
    const files = (await new WorkspaceScanner(root).scanAll()).findings.map((f) => f.file).sort();
    assert.deepEqual(files, ['.env', 'secret.txt']);
    const all = (await new WorkspaceScanner(root, { defaultExcludes: false }).scanAll()).findings.map((f) => f.file).sort();
    assert.deepEqual(all, ['.env', '.git/planted', 'node_modules/pkg/.env', 'secret.txt']);
    const env = (await new WorkspaceScanner(root).scanAll()).findings.find((f) => f.file === '.env')!;
    assert.equal(env.gitIgnored, true);
    assert.equal(env.tracked, false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('tracked files are reported as tracked; --include/--exclude globs narrow the scan', async () => {
  const root = workspace({ 'config/app.yaml': `token: ${fake(40)}1\n`, 'deploy.sh': railway(), 'docs/x.md': railway() });
  try {
    execFileSync('git', ['init', '-q'], { cwd: root });
    execFileSync('git', ['add', 'deploy.sh'], { cwd: root });
    const summary = await new WorkspaceScanner(root, { exclude: ['docs/**'] }).scanAll();
    assert.deepEqual(
      summary.findings.map((f) => [f.file, f.tracked]),
      [
        ['config/app.yaml', false],
        ['deploy.sh', true],
      ],
    );
    const only = await new WorkspaceScanner(root, { include: ['**/*.sh'] }).scanAll();
    assert.deepEqual(
      only.findings.map((f) => f.file),
      ['deploy.sh'],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('agent readability: .cursorignore, Claude Code deny Read rules and the read gate globs', async () => {
  const root = workspace({
    '.cursorignore': 'cursor-blocked/\n',
    '.claude/settings.json': JSON.stringify({ permissions: { deny: ['Read(./claude-blocked/**)', 'Bash(rm:*)'] } }),
    'cursor-blocked/a.sh': railway(),
    'claude-blocked/b.sh': railway(),
    'prod.env': railway(),
    'open.sh': railway(),
  });
  try {
    const byFile = Object.fromEntries((await new WorkspaceScanner(root).scanAll()).findings.map((f) => [f.file, f]));
    assert.deepEqual(byFile['cursor-blocked/a.sh']!.blockedBy, ['.cursorignore']);
    assert.deepEqual(byFile['claude-blocked/b.sh']!.blockedBy, ['Claude Code deny rule']);
    // No verified hook answers reads: the read gate's globs protect nothing and nothing claims they do.
    assert.deepEqual(byFile['prod.env']!.blockedBy, []);
    assert.equal(byFile['prod.env']!.agentReadable, true);
    assert.equal(byFile['open.sh']!.agentReadable, true);
    const gated = Object.fromEntries(
      (await new WorkspaceScanner(root, { readGateActive: true, readGateAgents: ['Claude Code', 'Cursor'] }).scanAll()).findings.map((f) => [f.file, f]),
    );
    assert.deepEqual(gated['prod.env']!.blockedBy, ['Airlock read gate (Claude Code, Cursor)']);
    const custom = Object.fromEntries(
      (await new WorkspaceScanner(root, { readGateActive: true, protectedFiles: ['**/open.sh'] }).scanAll()).findings.map((f) => [f.file, f]),
    );
    assert.equal(custom['open.sh']!.agentReadable, false);
    assert.equal(custom['prod.env']!.agentReadable, true);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('accepted findings: airlock:allow comments, .airlockignore files and fingerprints', async () => {
  const root = workspace({
    'a.sh': `${railway().trim()} # airlock:allow\n`,
    'b.sh': `# airlock:allow-next-line\n${railway()}`,
    'c.sh': railway(),
    'd.sh': railway(),
    'e.sh': railway(),
  });
  try {
    const first = await new WorkspaceScanner(root).scanAll();
    assert.deepEqual(
      first.findings.map((f) => f.file),
      ['c.sh', 'd.sh', 'e.sh'],
    );
    const e = first.findings.find((f) => f.file === 'e.sh')!;
    writeFileSync(join(root, '.airlockignore'), `c.sh\n${airlockIgnoreEntry(e)}`);
    const second = await new WorkspaceScanner(root).scanAll();
    assert.deepEqual(
      second.findings.map((f) => f.file),
      ['d.sh'],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('bad input is skipped with a reason, never a crash or a hang', async () => {
  const root = workspace({
    'binary.bin': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, ...Buffer.from(railway())]),
    'latin1.env': Buffer.concat([Buffer.from('RAILWAY_API_TOKEN='), Buffer.from([0xff, 0xfe, 0xe9]), Buffer.from(fakeUuid())]),
    'locked.env': railway(),
    'ok.env': railway(),
  });
  try {
    // A 100 MB sparse file: must be refused by size, not read.
    execFileSync('truncate', ['-s', '100M', join(root, 'huge.log')]);
    mkdirSync(join(root, 'loop'));
    symlinkSync(join(root, 'loop'), join(root, 'loop', 'again'));
    symlinkSync(join(root, 'missing'), join(root, 'dangling'));
    chmodSync(join(root, 'locked.env'), 0o000);
    const skipped = new Map<string, string>();
    const summary = await new WorkspaceScanner(root, { onSkip: (rel, reason) => skipped.set(rel, reason) }).scanAll();
    assert.deepEqual(
      summary.findings.map((f) => f.file),
      process.getuid?.() === 0 ? ['locked.env', 'ok.env'] : ['ok.env'],
    );
    assert.equal(skipped.get('binary.bin'), 'binary');
    assert.equal(skipped.get('latin1.env'), 'not valid UTF-8');
    assert.match(skipped.get('huge.log')!, /larger than/);
    assert.equal(skipped.get('loop/again'), 'symlink to a directory (not followed)');
    assert.match(skipped.get('dangling')!, /broken symlink/);
    if (process.getuid?.() !== 0) assert.match(skipped.get('locked.env')!, /permission denied/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a named pipe never blocks a scan: the walk and a single-file scan both skip it', async () => {
  const root = workspace({ 'ok.env': railway() });
  try {
    execFileSync('mkfifo', [join(root, 'pipe.env')]);
    const skipped = new Map<string, string>();
    const summary = await new WorkspaceScanner(root, { onSkip: (rel, reason) => skipped.set(rel, reason) }).scanAll();
    assert.deepEqual(
      summary.findings.map((f) => f.file),
      ['ok.env'],
    );
    assert.equal(skipped.get('pipe.env'), 'not a regular file');
    const single = await new WorkspaceScanner(root).scanFile(join(root, 'pipe.env'));
    assert.equal(single.skipped, 'not a regular file');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a file that vanishes before it is read is skipped, and cancellation stops the walk', async () => {
  const root = workspace({ 'a.env': railway() });
  try {
    const gone = await new WorkspaceScanner(root).scanFile(join(root, 'nope.env'));
    assert.deepEqual(gone.findings, []);
    assert.match(gone.skipped!, /vanished/);
    const controller = new AbortController();
    controller.abort();
    const summary = await new WorkspaceScanner(root, { signal: controller.signal }).scanAll();
    assert.equal(summary.cancelled, true);
    assert.equal(summary.filesScanned, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('scanFileForSecrets / fileHoldsSecret for the read gate', async () => {
  const root = workspace({ 'x.env': railway(), 'y.txt': 'hello\n', 'z.bin': Buffer.from([0, 1, 2]) });
  try {
    assert.equal(await fileHoldsSecret(join(root, 'x.env')), true);
    assert.equal(await fileHoldsSecret(join(root, 'y.txt')), false);
    assert.equal(await fileHoldsSecret(join(root, 'z.bin')), false);
    assert.equal(await fileHoldsSecret(join(root, 'missing')), undefined, 'cannot tell: the gate must not treat it as clean');
    assert.equal(await fileHoldsSecret(join(root, 'x.env'), 4), undefined, 'too big to read: cannot tell');
    const scan = await scanFileForSecrets(join(root, 'x.env'));
    assert.equal(scan.findings[0]!.type, 'railway-account-token');
    assert.equal(scan.findings[0]!.line, 1);
    assert.equal(scan.findings[0]!.column, 19);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
