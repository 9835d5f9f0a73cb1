import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { packs } from '../../../src/core/guard/packs/index';
import { shellLine } from '../../../src/core/shell/quote';
import { shellPrefilter } from '../../../src/extension/terminal/prefilter-source';
import { shimTools, writeShimFolder } from '../../../src/extension/terminal/shim-folder';

const posix = process.platform !== 'win32';

/** A fake `railway` that records each run and exits 3, and a launcher stub whose answer the test sets. */
function fixture(prefilter?: string) {
  const base = mkdtempSync(join(tmpdir(), 'airlock-shim-'));
  const bin = join(base, 'bin');
  const shims = join(base, 'shims');
  mkdirSync(bin);
  const ran = join(base, 'ran.txt');
  writeFileSync(join(bin, 'railway'), `#!/bin/sh\nprintf '%s\\n' "$@" >> '${ran}'\necho "real railway: $*"\nexit 3\n`, { mode: 0o755 });
  const launcher = join(base, 'airlock');
  writeFileSync(
    launcher,
    `#!/bin/sh\nprintf '%s|' "$@" > '${base}/asked.txt'\n[ "$ANSWER" = allow ] && exit 0\necho "airlock: railway was not run: blocked in the editor." >&2\nexit 126\n`,
    { mode: 0o755 },
  );
  writeShimFolder(shims, ['railway', 'terraform'], launcher, prefilter);
  const run = (args: string[], answer: string, path = `${shims}:${bin}:/usr/bin:/bin`) =>
    spawnSync(join(shims, 'railway'), args, { encoding: 'utf8', env: { PATH: path, ANSWER: answer } });
  return { base, bin, shims, ran, asked: join(base, 'asked.txt'), run, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

test('shims cover the guarded tools from the packs, but never shells or interpreters', () => {
  const tools = shimTools(packs);
  for (const tool of ['railway', 'terraform', 'kubectl', 'git', 'rm']) assert.ok(tools.includes(tool), tool);
  for (const tool of ['bash', 'sh', 'node', 'python', 'env', 'sudo']) assert.ok(!tools.includes(tool), tool);
});

test('blocked: exit 126 with one line saying why, and the real binary never runs', { skip: !posix }, () => {
  const f = fixture();
  try {
    const r = f.run(['volume', 'delete', 'vol_1'], 'block');
    assert.equal(r.status, 126);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /not run/);
    assert.ok(!existsSync(f.ran));
    assert.equal(readFileSync(f.asked, 'utf8'), `gate|--tool|railway|--cwd|${process.cwd()}|--|volume|delete|vol_1|`);
  } finally {
    f.cleanup();
  }
});

test('allowed: the real binary runs once with argv, output and exit code untouched', { skip: !posix }, () => {
  const f = fixture();
  try {
    const args = ['volume', 'delete', 'it\'s "quoted"', '', '--yes'];
    const r = f.run(args, 'allow');
    assert.equal(r.status, 3);
    assert.equal(r.stdout, `real railway: ${args.join(' ')}\n`);
    assert.deepEqual(readFileSync(f.ran, 'utf8').split('\n').slice(0, -1), args);
  } finally {
    f.cleanup();
  }
});

test('benign calls settled by the fast path never start the checker', { skip: !posix }, () => {
  const f = fixture('airlock_needs_check() { case " $1 " in *" delete "*) return 0;; esac; return 1; }');
  try {
    const r = f.run(['status'], 'block');
    assert.equal(r.status, 3);
    assert.equal(r.stdout, 'real railway: status\n');
    assert.ok(!existsSync(f.asked));
    assert.equal(f.run(['volume', 'delete', 'x'], 'block').status, 126);
  } finally {
    f.cleanup();
  }
});

test('no real binary: says so plainly and exits 127', { skip: !posix }, () => {
  const f = fixture();
  try {
    const r = f.run(['status'], 'allow', `${f.shims}:/usr/bin:/bin`);
    assert.equal(r.status, 127);
    assert.match(r.stderr, /'railway' is not installed \(not found on PATH after Airlock's shim folder/);
  } finally {
    f.cleanup();
  }
});

test('a shim folder of another window further down PATH is skipped, not asked twice', { skip: !posix }, () => {
  const f = fixture();
  const other = join(f.base, 'other-shims');
  try {
    writeShimFolder(other, ['railway'], '/nonexistent/airlock', undefined);
    const r = f.run(['volume', 'delete', 'x'], 'allow', `${f.shims}:${other}:${f.bin}:/usr/bin:/bin`);
    assert.equal(r.status, 3);
  } finally {
    f.cleanup();
  }
});

test('shellLine quotes only what needs quoting', () => {
  assert.equal(shellLine(['railway', 'volume', 'delete', 'vol 1', "it's", '']), "railway volume delete 'vol 1' 'it'\\''s' ''");
});

test('with the real prefilter: a line needing the awk check gets it, and a prefilter changed or removed later changes nothing', { skip: !posix }, () => {
  const base = mkdtempSync(join(tmpdir(), 'airlock-prefilter-'));
  try {
    const file = join(base, 'prefilter.sh');
    writeFileSync(file, 'AIRLOCK_TRIGGER_WORDS=\'delete push\'\nairlock_needs_full_check() { case "$1" in *DELETE*) return 0;; esac; return 1; }\n');
    const source = shellPrefilter(file)!;
    const ask = (line: string) =>
      spawnSync('sh', ['-c', `${source}\nairlock_needs_check "$1" && echo full || echo benign`, 'sh', line], { encoding: 'utf8' }).stdout.trim();
    assert.equal(ask('git status'), 'benign');
    assert.equal(ask('git push'), 'full');
    assert.equal(ask('x VOLUME DELETE'), 'full', 'capitals go to the awk check');
    assert.equal(ask('x Status'), 'benign', 'the awk check may still clear them');
    writeFileSync(file, 'airlock_needs_full_check() { return 1; }\n');
    assert.equal(ask('x VOLUME DELETE'), 'full', 'a lenient prefilter written beside the launcher later is not read');
    rmSync(file);
    assert.equal(ask('x VOLUME DELETE'), 'full', 'nor is a missing one');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
