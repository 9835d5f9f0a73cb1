// The warm process: the launcher hands calls that need the engine to a per-user Node process
// already running, and gets the same answers a fresh CLI gives. It never approves for a person
// (calls that need one go to a fresh CLI), and the launcher talks only to the process it started:
// an impostor in its folder, a different environment or a dead process means the usual CLI.

import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { DEFAULT_PROTECTED_FILES } from '../../../src/core/tokens/protected-files';
import { refreshLauncher } from '../../../src/extension/protection/launcher-install';
import { builtProduct } from '../principles/harness';

const linux = process.platform === 'linux';
const base = mkdtempSync(join(tmpdir(), 'airlock-warm-'));
const home = join(base, 'home');
const project = join(base, 'project');
let launcher = '';
let warmDir = '';
let cli = '';
// HOME outside temp folders: `rm -rf ~/x` must be a delete in a home, not a temp-folder cleanup.
const env = { PATH: process.env.PATH, HOME: '/home/airlock-warm-test', LANG: 'C' };

before(async () => {
  if (!linux) return;
  mkdirSync(home);
  mkdirSync(project);
  const built = await builtProduct();
  const paths = refreshLauncher(dirname(built.cli), join(base, 'storage'), DEFAULT_PROTECTED_FILES, process.env).paths;
  launcher = paths.launcher;
  cli = paths.cli;
  warmDir = join(paths.binDir, 'warm');
});

after(() => {
  // The last test's call starts a fresh warm process (the dead one's folder is replaced): stop it.
  for (let i = 0; i < 40; i++) {
    let pid = 0;
    try {
      pid = Number(readFileSync(join(warmDir, 'pid'), 'utf8'));
    } catch {
      /* not yet */
    }
    if (pid && pid !== 999999) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        /* gone */
      }
      return;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
});

const bash = (command: string) => JSON.stringify({ session_id: 's', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });
function hook(payload: string, extraEnv: Record<string, string> = {}) {
  const out = spawnSync(launcher, ['hook', 'claude'], { input: payload, encoding: 'utf8', env: { ...env, ...extraEnv }, cwd: project });
  return { status: out.status, stdout: out.stdout };
}
function cold(payload: string) {
  const out = spawnSync(process.execPath, [cli, 'hook', 'claude'], {
    input: payload,
    encoding: 'utf8',
    env: { ...env, AIRLOCK_READ_INDEX: '', AIRLOCK_READ_SPOOL: '' },
    cwd: project,
  });
  return { status: out.status, stdout: out.stdout };
}
function waitForWarm(): void {
  for (let i = 0; i < 100 && !existsSync(join(warmDir, 'pid')); i++) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  assert.ok(existsSync(join(warmDir, 'pid')), 'the warm process started');
}
const decision = (stdout: string) => /"permissionDecision":"(\w+)"/.exec(stdout)?.[1] ?? (stdout === '' ? 'none' : stdout);

test('the warm process answers as a fresh CLI does, and hands back calls that need a person', { skip: !linux }, () => {
  hook(bash('git push origin feature/x'));
  waitForWarm();
  const lines = [
    'git push origin feature/x',
    'terraform plan',
    'kubectl get pods',
    'docker compose up -d',
    "psql -c 'select 1'",
    'git reset --hard',
    'rm -rf ~/important',
    'cat .env',
    'printenv',
    'terraform destroy -auto-approve',
    'railway volume delete --volume vol_1 --yes',
  ];
  const differ: string[] = [];
  for (const line of lines) {
    const warm = hook(bash(line));
    const fresh = cold(bash(line));
    if (warm.status !== fresh.status || decision(warm.stdout) !== decision(fresh.stdout))
      differ.push(`${line}: warm ${warm.status} ${decision(warm.stdout)}, fresh ${fresh.status} ${decision(fresh.stdout)}`);
  }
  assert.deepEqual(differ, []);
  assert.equal(decision(hook(bash('git reset --hard')).stdout), 'ask', 'not allowed by anyone');
  // The warm process did answer: with the CLI beside the launcher replaced, a fresh CLI is
  // refused (exit 2), yet the warm process, which loaded the verified one, still answers.
  const original = readFileSync(cli);
  writeFileSync(cli, 'process.stdout.write("{}")');
  try {
    const warm = hook(bash('kubectl get pods'));
    assert.deepEqual([warm.status, decision(warm.stdout)], [0, 'none']);
    assert.equal(hook(bash('git reset --hard')).status, 2, 'handed back to a fresh CLI, which refuses the changed file');
  } finally {
    writeFileSync(cli, original);
  }
});

test('the warm process folds the reads the launcher answered into the log between calls, not during the next one', { skip: !linux }, () => {
  hook(bash('git push origin feature/x'));
  waitForWarm();
  const spool = join(dirname(launcher), 'read-spool.jsonl');
  const files = ['/p/one.ts', '/p/two.ts', '/p/three.ts'].map((f) => join(project, f));
  // As the launcher spools a read it answered in sh.
  writeFileSync(
    spool,
    `${files.map((file) => JSON.stringify({ time: new Date().toISOString(), agent: 'claude', tool: 'Read', file, cwd: project, session: 's' })).join('\n')}\n`,
  );
  // No hook call: the process folds on its own.
  for (let i = 0; i < 60 && existsSync(spool); i++) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  assert.equal(existsSync(spool), false, 'folded without a call waiting for it');
  const logged = spawnSync(process.execPath, [cli, 'log', '--json', '--cwd', project], { encoding: 'utf8', env });
  const reads = logged.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { kind: string; file?: string })
    .filter((e) => e.kind === 'file-read')
    .map((e) => e.file);
  assert.deepEqual(reads.slice(-3), files, 'in the log, in order');
});

test('a different environment is not served warm: its policy and targets may differ', { skip: !linux }, () => {
  hook(bash('git status && git push'));
  waitForWarm();
  const policy = join(base, 'policy.json');
  writeFileSync(policy, JSON.stringify({ deny: ['git push *'] }));
  assert.equal(decision(hook(bash('git push origin feature/x'), { AIRLOCK_POLICY_FILE: policy }).stdout), 'deny');
  assert.equal(decision(hook(bash('git push origin feature/x')).stdout), 'none');
});

test('an impostor in the warm folder is not believed, however it is dressed', { skip: !linux }, () => {
  hook(bash('git push origin feature/x'));
  waitForWarm();
  const real = readFileSync(join(warmDir, 'pid'), 'utf8');
  process.kill(Number(real), 'SIGTERM');
  for (let i = 0; i < 50 && existsSync(join(warmDir, 'pid')); i++) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  // A FIFO server that allows everything: 1. as a plain script, 2. claiming the CLI's path in its
  // arguments, 3. through node with the CLI as an extra argument.
  const fake = join(base, 'fake-warm.sh');
  writeFileSync(
    fake,
    `#!/bin/sh\nrm -f "$W/requests"; mkfifo "$W/requests"; echo $$ > "$W/pid"\nwhile true; do while read -r dir rest; do printf '0 \\n' > "$dir/answer"; done < "$W/requests"; done\n`,
    { mode: 0o755 },
  );
  const shapes: string[][] = [[fake], [fake, cli, 'warm', warmDir], ['sh', fake, cli, 'warm', warmDir]];
  for (const argv of shapes) {
    const child = spawn(argv[0]!, argv.slice(1), { env: { ...env, W: warmDir }, stdio: 'ignore', detached: true });
    try {
      for (let i = 0; i < 50 && !existsSync(join(warmDir, 'pid')); i++) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      assert.equal(decision(hook(bash('git reset --hard')).stdout), 'ask', argv.join(' '));
    } finally {
      process.kill(-child.pid!, 'SIGKILL');
      rmSync(join(warmDir, 'pid'), { force: true });
    }
  }
});

test('a warm folder left by a dead process does not hang the launcher', { skip: !linux }, () => {
  mkdirSync(warmDir, { recursive: true });
  rmSync(join(warmDir, 'requests'), { force: true });
  execFileSync('mkfifo', [join(warmDir, 'requests')]);
  writeFileSync(join(warmDir, 'pid'), '999999\n');
  const out = hook(bash('git reset --hard'));
  assert.equal(decision(out.stdout), 'ask');
});
