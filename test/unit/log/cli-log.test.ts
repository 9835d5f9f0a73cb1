import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseSince } from '../../../src/cli/commands/log';
import { runCli } from '../../../src/cli/main';
import { logDirFor, registerLogDir } from '../../../src/core/log/location';
import { appendToWorkspaceLog } from '../../../src/core/log/workspace-log';
import { tempDir } from './helpers';

function io(env: NodeJS.ProcessEnv, cwd: string) {
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

async function workspaceWithEvents() {
  const env = { AIRLOCK_STATE_DIR: join(tempDir(), 'state') };
  const root = tempDir('airlock-ws-');
  await appendToWorkspaceLog(
    root,
    {
      kind: 'decision',
      actor: 'claude',
      command: 'railway volume delete vol-1',
      decision: 'deny',
      decidedBy: 'no-editor',
      environment: 'production',
      rule: 'railway:volume-delete',
      time: '2026-11-20T10:00:00.000Z',
    },
    env,
  );
  await appendToWorkspaceLog(
    root,
    { kind: 'command', actor: 'terminal', command: 'git status', exitCode: 0, durationMs: 12, time: '2026-11-21T09:00:00.000Z' },
    env,
  );
  return { env, root };
}

test('airlock log prints every event of the workspace, oldest first', async () => {
  const { env, root } = await workspaceWithEvents();
  const captured = io(env, root);
  assert.equal(await runCli(['log'], captured), 0);
  const lines = captured.out.trim().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0]!, /BLOCKED\s+Claude Code\s+railway volume delete vol-1 .*production.*rule railway:volume-delete/);
  assert.match(lines[1]!, /EXIT 0\s+Terminal\s+git status/);
});

test('--cwd finds the log from anywhere (like every other command); a folder inside the workspace finds it too', async () => {
  const { env, root } = await workspaceWithEvents();
  mkdirSync(join(root, 'src/deep'), { recursive: true });
  const elsewhere = io(env, tempDir());
  assert.equal(await runCli(['log', '--cwd', join(root, 'src/deep'), '--json'], elsewhere), 0);
  assert.equal(elsewhere.out.trim().split('\n').length, 2);
  const equals = io(env, tempDir());
  assert.equal(await runCli(['log', `--cwd=${root}`, '--json'], equals), 0);
  assert.equal(equals.out, elsewhere.out);
  // The old spelling still works, but the usage names only --cwd.
  const old = io(env, tempDir());
  assert.equal(await runCli(['log', '--workspace', root, '--json'], old), 0);
  assert.equal(old.out, elsewhere.out);
  const help = io(env, tempDir());
  await runCli(['log', '--help'], help);
  assert.match(help.out + help.err, /--cwd DIR/);
  assert.doesNotMatch(help.out + help.err, /--workspace/);
  // --cwd without a folder is bad usage, not a crash.
  assert.equal(await runCli(['log', '--cwd'], io(env, tempDir())), 2);
});

test('--json prints one event per line; --since and --limit filter', async () => {
  const { env, root } = await workspaceWithEvents();
  const captured = io(env, root);
  assert.equal(await runCli(['log', '--json', '--since', '2026-11-21T00:00:00Z'], captured), 0);
  const events = captured.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    events.map((e) => e.command),
    ['git status'],
  );
  const limited = io(env, root);
  assert.equal(await runCli(['log', '--json', '--limit', '1'], limited), 0);
  assert.equal(JSON.parse(limited.out).command, 'git status');
});

test('--verify: exit 0 when intact, exit 1 naming the first broken line after an edit', async () => {
  const { env, root } = await workspaceWithEvents();
  const ok = io(env, root);
  assert.equal(await runCli(['log', '--verify'], ok), 0);
  assert.match(ok.out, /intact: 2 lines in 1 file, head 2:[0-9a-f]{16}/);
  const head = /head (\d+:[0-9a-f]{16})/.exec(ok.out)![1]!;
  const anchored = io(env, root);
  assert.equal(await runCli(['log', '--verify', '--anchor', head], anchored), 0);
  const file = join(logDirFor(root, env), 'activity.jsonl');
  writeFileSync(file, readFileSync(file, 'utf8').replace('vol-1', 'vol-2'));
  const broken = io(env, root);
  assert.equal(await runCli(['log', '--verify'], broken), 1);
  assert.match(broken.out, /BROKEN: line 1 of activity\.jsonl was edited/);
});

test('--verify: forged complete lines before garbage are a break (exit 1), and airlock log never shows them', async () => {
  const { env, root } = await workspaceWithEvents();
  appendFileSync(join(logDirFor(root, env), 'activity.jsonl'), '{"seq":3,"decision":"allow"}\n\0\0garbage\n');
  const verify = io(env, root);
  assert.equal(await runCli(['log', '--verify'], verify), 1);
  assert.match(verify.out, /BROKEN: line 3 of activity\.jsonl is a complete line .* not torn by a crash/);
  assert.doesNotMatch(verify.out, /intact/);
  const read = io(env, root);
  assert.equal(await runCli(['log', '--json'], read), 0);
  assert.deepEqual(
    read.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).command),
    ['railway volume delete vol-1', 'git status'],
  );
  assert.match(read.err, /2 lines could not be read; run 'airlock log --verify'/);
});

test('bad usage is exit 2 with a clear message', async () => {
  const { env, root } = await workspaceWithEvents();
  for (const args of [
    ['log', '--anchor', '1:abcdefabcdef'],
    ['log', '--verify', '--anchor', '1:xyz'],
    ['log', '--since', 'last tuesday'],
    ['log', '--limit', '0'],
    ['log', '--frobnicate'],
    ['log', '--since'],
  ]) {
    const captured = io(env, root);
    assert.equal(await runCli(args, captured), 2, args.join(' '));
    assert.match(captured.err, /airlock log: /);
  }
});

test('a workspace with no log says so and exits 0', async () => {
  const env = { AIRLOCK_STATE_DIR: join(tempDir(), 'state') };
  const captured = io(env, tempDir());
  assert.equal(await runCli(['log'], captured), 0);
  assert.match(captured.err, /no activity recorded/);
});

test('the extension registering a log folder first makes hook processes use it', async () => {
  const env = { AIRLOCK_STATE_DIR: join(tempDir(), 'state') };
  const root = tempDir('airlock-ws-');
  const storage = join(tempDir(), 'globalStorage', 'logs', 'ws');
  assert.equal(await registerLogDir(root, storage, env), storage);
  await appendToWorkspaceLog(root, { kind: 'command', actor: 'terminal', command: 'ls' }, env);
  assert.match(readFileSync(join(storage, 'activity.jsonl'), 'utf8'), /"command":"ls"/);
});

test('a hook process logging first keeps its folder: the extension continues the same chain', async () => {
  const env = { AIRLOCK_STATE_DIR: join(tempDir(), 'state') };
  const root = tempDir('airlock-ws-');
  await appendToWorkspaceLog(root, { kind: 'command', actor: 'terminal', command: 'ls' }, env);
  const first = logDirFor(root, env);
  const chosen = await registerLogDir(root, join(tempDir(), 'globalStorage'), env);
  assert.equal(chosen, first);
});

test('parseSince reads ISO times, durations and day names', () => {
  const now = new Date(2026, 10, 21, 12, 0, 0);
  assert.equal(parseSince('2h', now).getTime(), now.getTime() - 2 * 3600_000);
  assert.equal(parseSince('30m', now).getTime(), now.getTime() - 30 * 60_000);
  assert.equal(parseSince('today', now).getTime(), new Date(2026, 10, 21).getTime());
  assert.equal(parseSince('yesterday', now).getTime(), new Date(2026, 10, 20).getTime());
  assert.equal(parseSince('2026-11-21', now).getTime(), new Date(2026, 10, 21).getTime());
  assert.equal(parseSince('2026-11-21T08:00:00Z', now).toISOString(), '2026-11-21T08:00:00.000Z');
  assert.throws(() => parseSince('soon', now), /not a time/);
});

test('the per-user index forgets workspaces whose folder and log are both gone', async () => {
  const env = { AIRLOCK_STATE_DIR: join(tempDir(), 'state') };
  const gone = tempDir('airlock-gone-');
  const goneLog = join(tempDir(), 'log-gone');
  await registerLogDir(gone, goneLog, env);
  const kept = tempDir('airlock-kept-');
  const keptLog = join(tempDir(), 'log-kept');
  await registerLogDir(kept, keptLog, env);
  rmSync(gone, { recursive: true, force: true });
  await registerLogDir(tempDir('airlock-new-'), join(tempDir(), 'log-new'), env);
  const index = JSON.parse(readFileSync(join(env.AIRLOCK_STATE_DIR, 'workspaces.json'), 'utf8'));
  assert.equal(index.workspaces[gone], undefined);
  assert.equal(index.workspaces[kept].logDir, keptLog, 'a folder that still exists stays, log or not');
});
