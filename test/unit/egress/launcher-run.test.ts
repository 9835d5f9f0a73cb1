import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parseShRunRequest, shRunReply } from '../../../src/core/egress/sh-run';
import { shRunIndexPath, shRunSocketPath } from '../../../src/core/egress/warm';
import { ensureDist } from '../dist';
import {
  airlockRun,
  type FakeApi,
  installLauncher,
  makePki,
  makeWorkspace,
  type Pki,
  REFUSAL,
  requireSandbox,
  startFakeApi,
  stopWarmGates,
  type Workspace,
} from './harness';

/**
 * `airlock run` started by the installed launcher: with a warm gate up for the folder and agent,
 * the launcher asks it over its second socket and execs the sandboxed line itself, without
 * starting Node (the agents' wrapped commands start this way). What must hold: the command is
 * sandboxed and judged exactly as through the CLI; anything the launcher cannot vouch for (a
 * gate under other settings, a dead gate, a process posing as one) means the CLI runs it, which
 * sandboxes it: never an unsandboxed command.
 */
let pki: Pki;
let api: FakeApi;
const workspaces: Workspace[] = [];

before(async () => {
  requireSandbox();
  ensureDist();
  pki = makePki();
  api = await startFakeApi(pki);
});

after(async () => {
  for (const w of workspaces) stopWarmGates(w);
  await api?.close();
  for (const w of workspaces) rmSync(w.base, { recursive: true, force: true });
  if (pki) rmSync(pki.dir, { recursive: true, force: true });
});

const cliOf = (launcher: string) => join(dirname(launcher), 'airlock.js');

function workspace(): { w: Workspace; launcher: string; env: NodeJS.ProcessEnv } {
  const w = makeWorkspace(pki, api);
  workspaces.push(w);
  const env: NodeJS.ProcessEnv = { ...w.env, NODE_OPTIONS: `--import=${pathToFileURL(join(__dirname, 'fixtures', 'resolve-hosts.mjs')).href}` };
  delete env.AIRLOCK_EGRESS_WARM;
  return { w, launcher: installLauncher(w, { wrap: false, pinned: true, folder: 'bin' }), env };
}

/**
 * Runs the launcher; `traced` runs it under `sh -x` restricted to its run path (the trace shows
 * whether it execed the gate's line itself), by tracing from the function's first line.
 */
function launch(
  launcher: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  traced = false,
): Promise<{ code: number | null; stdout: string; stderr: string; fast: boolean }> {
  let file = launcher;
  if (traced) {
    file = `${launcher}-traced`;
    writeFileSync(file, readFileSync(launcher, 'utf8').replace('airlock_run_fast() {\n', 'airlock_run_fast() {\n  set -x\n'), { mode: 0o755 });
  }
  return new Promise((resolvePromise) => {
    const child = spawn(file, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('close', (code) => resolvePromise({ code, stdout, stderr, fast: /^\+ eval (unset -v |export |exec )/m.test(stderr) }));
  });
}

const DESTRUCTIVE = 'curl -sS -H "Authorization: Bearer $RAILWAY_TOKEN" -T payload.json "https://backboard.railway.app:$PORT/graphql/v2"';

test('with the gate up, the launcher starts the command itself, sandboxed and judged as through the CLI', { timeout: 180_000 }, async () => {
  const { w, launcher, env } = workspace();
  const first = await launch(launcher, ['run', '--', 'true'], env, w.ws, true);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.fast, false, 'the first command in a folder goes through the CLI, which starts the gate');
  assert.ok(existsSync(shRunSocketPath({ cwd: w.ws, env, requester: 'cli', cli: cliOf(launcher) })), "the gate listens on the launcher's socket");
  assert.equal(
    readFileSync(shRunIndexPath({ cwd: w.ws, env, requester: 'cli', cli: cliOf(launcher) }), 'utf8').trim(),
    shRunSocketPath({ cwd: w.ws, env, requester: 'cli', cli: cliOf(launcher) }),
    "and names it in the launcher's index",
  );

  // The first refusal makes the log's folder, a new protected path: the gate hands over to a
  // fresh one (warm-gate.test.ts), which the command after it starts.
  assert.ok((await launch(launcher, ['run', '-c', DESTRUCTIVE], env, w.ws)).stdout.includes(REFUSAL));
  assert.equal((await launch(launcher, ['run', '--', 'true'], env, w.ws)).code, 0);
  const before = api.hits.length;
  const held = await launch(launcher, ['run', '-c', DESTRUCTIVE], env, w.ws, true);
  assert.equal(held.fast, true, held.stderr.slice(-2000));
  assert.ok(held.stdout.includes(REFUSAL), `no editor: the request is refused: ${held.stdout}\n${held.stderr.slice(-1000)}`);
  assert.match(held.stdout, /Environment: PRODUCTION/);
  assert.deepEqual(api.hits.slice(before), [], 'the API received nothing');

  // What the command sees is what the CLI's paths give it; the line itself is not left in its environment.
  const inside = await launch(
    launcher,
    ['run', '-c', 'echo "$AIRLOCK_EGRESS_SANDBOX|${AIRLOCK_RUN_LINE-none}|${HTTPS_PROXY:+proxy}|$0"; exit 7'],
    env,
    w.ws,
    true,
  );
  assert.equal(inside.fast, true);
  assert.equal(inside.code, 7, 'the exit status is the command’s own');
  assert.match(inside.stdout, /^1\|none\|proxy\|\S*bash\n$/);

  // Words given after -- keep their quotes, spaces and dollars.
  const words = await launch(launcher, ['run', '--', 'printf', '%s|', "it's", 'a b', '$HOME', ''], env, w.ws, true);
  assert.equal(words.fast, true);
  assert.equal(words.stdout, "it's|a b|$HOME||");

  // Node's own fetch (Node 20 ignores proxy variables): the launcher's line loads the same preload as the CLI's.
  const fetched = await launch(
    launcher,
    [
      'run',
      '-c',
      `node -e "fetch('https://backboard.railway.app:' + process.env.PORT + '/graphql/v2', {method:'POST', headers: {authorization: 'Bearer ' + process.env.RAILWAY_TOKEN}, body: require('fs').readFileSync('payload.json')}).then((r) => r.text(), (e) => 'ERR ' + (e.cause?.code ?? e.message)).then(console.log)"`,
    ],
    env,
    w.ws,
    true,
  );
  assert.equal(fetched.fast, true);
  assert.ok(fetched.stdout.includes(REFUSAL), `fetch is held, not failed: ${fetched.stdout}`);
  assert.deepEqual(api.hits.slice(before), [], 'the API received nothing');

  // The agent named by --requester has a gate of its own: the first of its commands starts it.
  const claude = await launch(launcher, ['run', '--requester', 'claude', '-c', 'true'], env, w.ws, true);
  assert.equal(claude.code, 0, claude.stderr);
  assert.equal(claude.fast, false, "the cli gate never answers for claude's commands");
  const claudeAgain = await launch(launcher, ['run', '--requester', 'claude', '-c', DESTRUCTIVE], env, w.ws, true);
  assert.equal(claudeAgain.fast, true);
  assert.ok(claudeAgain.stdout.includes(REFUSAL));
});

test("a gate started through another copy of Airlock for the same folder and agent does not take the launcher's socket", { timeout: 180_000 }, async () => {
  const { w, launcher, env } = workspace();
  // The development CLI (another copy, other settings) starts its gate here first.
  const other = await airlockRun({ ...w, env: { ...w.env, AIRLOCK_EGRESS_WARM: '1' } }, 'true');
  assert.equal(other.code, 0, other.stderr);
  assert.equal((await launch(launcher, ['run', '--', 'true'], env, w.ws)).code, 0);
  const r = await launch(launcher, ['run', '-c', DESTRUCTIVE], env, w.ws, true);
  assert.equal(r.fast, true, r.stderr.slice(-1500));
  assert.ok(r.stdout.includes(REFUSAL));
});

test('the mount points of missing protected files are removed after a command the launcher started', { timeout: 180_000 }, async () => {
  const { w, launcher, env } = workspace();
  assert.equal((await launch(launcher, ['run', '--', 'true'], env, w.ws)).code, 0);
  const names = ['.bashrc', '.mcp.json', '.vscode', '.gitconfig', '.idea'];
  const r = await launch(launcher, ['run', '-c', 'ls -a > out/inside.txt'], env, w.ws, true);
  assert.equal(r.fast, true);
  const inside = readFileSync(join(w.ws, 'out', 'inside.txt'), 'utf8').split('\n');
  assert.ok(
    names.every((n) => inside.includes(n)),
    `inside, the protected names are covered: ${inside.join(' ')}`,
  );
  // The gate sees the launcher's process end (it watches its pid) and cleans up.
  for (let i = 0; i < 100 && names.some((n) => existsSync(join(w.ws, n))); i++) await new Promise((res) => setTimeout(res, 50));
  assert.deepEqual(
    names.filter((n) => existsSync(join(w.ws, n))),
    [],
  );
});

test('a repository made after the gate wrapped its next line ahead of time is still protected: the line is wrapped afresh', { timeout: 180_000 }, async () => {
  const { w, launcher, env } = workspace();
  assert.equal((await launch(launcher, ['run', '--', 'true'], env, w.ws)).code, 0);
  assert.equal((await launch(launcher, ['run', '--', 'true'], env, w.ws, true)).fast, true);
  // Outside the sandbox, as a person would: the folder becomes a repository, whose hooks and
  // config git runs outside the sandbox later.
  const init = spawn('git', ['init', '-q', w.ws], { stdio: 'ignore' });
  await new Promise((res) => init.on('close', res));
  assert.ok(existsSync(join(w.ws, '.git', 'hooks')));
  const r = await launch(
    launcher,
    [
      'run',
      '-c',
      'echo "echo pwned" > .git/hooks/pre-commit 2>/dev/null && echo "wrote hook"; printf "[core]\\n\\thooksPath = /tmp\\n" >> .git/config 2>/dev/null && echo "wrote config"; true',
    ],
    env,
    w.ws,
    true,
  );
  assert.equal(r.fast, true);
  assert.doesNotMatch(r.stdout, /wrote/, 'nothing of the new repository was written from inside');
  assert.equal(existsSync(join(w.ws, '.git', 'hooks', 'pre-commit')), false);
  assert.doesNotMatch(readFileSync(join(w.ws, '.git', 'config'), 'utf8'), /hooksPath/);
});

test('ways around the launcher path end in the CLI, which sandboxes the command: other settings, a dead gate, a process posing as the gate', {
  timeout: 240_000,
}, async () => {
  const { w, launcher, env } = workspace();
  assert.equal((await launch(launcher, ['run', '--', 'true'], env, w.ws)).code, 0);
  const shSocket = shRunSocketPath({ cwd: w.ws, env, requester: 'cli', cli: cliOf(launcher) });

  // 1. The same folder and agent under other settings (another policy file): the gate answers
  //    nothing, and the CLI starts (or asks) a gate of those settings.
  const other = { ...env, AIRLOCK_POLICY_FILE: join(w.base, 'other-policy.json') };
  const r1 = await launch(launcher, ['run', '-c', DESTRUCTIVE], other, w.ws, true);
  assert.equal(r1.fast, false, 'a gate never answers for other settings');
  assert.ok(r1.stdout.includes(REFUSAL), r1.stdout + r1.stderr.slice(-500));

  // 2. The gate died without cleaning up (its socket and pid file are still there).
  for (const pid of gatePids(w)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone already */
    }
  }
  await new Promise((res) => setTimeout(res, 300));
  assert.ok(existsSync(shSocket), 'the dead gate left its socket behind');
  const before = api.hits.length;
  const r2 = await launch(launcher, ['run', '-c', DESTRUCTIVE], env, w.ws, true);
  assert.equal(r2.fast, false);
  assert.ok(r2.stdout.includes(REFUSAL), r2.stdout + r2.stderr.slice(-500));
  assert.deepEqual(api.hits.slice(before), []);
  stopWarmGates(w);
  await new Promise((res) => setTimeout(res, 300));

  // 3. Another process of this user listens on the launcher's socket and answers a line that
  //    would run the command outside the sandbox. It is a node process (as the gate is) but not
  //    this CLI's gate: the launcher never asks it.
  for (const name of readdirSync(w.env.AIRLOCK_RUNTIME_DIR!).filter((n) => /^egress-.*\.(sock|pid)$/.test(n)))
    unlinkSync(join(w.env.AIRLOCK_RUNTIME_DIR!, name));
  let asked = 0;
  const impostor = createServer({ allowHalfOpen: true }, (socket) => {
    socket.on('data', () => {
      asked++;
      socket.end('exec env AIRLOCK_EGRESS_SANDBOX=1 true; echo UNSANDBOXED');
    });
  });
  await new Promise<void>((res) => impostor.listen(shSocket, res));
  writeFileSync(shSocket.replace(/\.sock$/, '.pid'), `${process.pid}\n`);
  // The launcher's index names that socket, as a gate's would.
  const index = shRunIndexPath({ cwd: w.ws, env, requester: 'cli', cli: cliOf(launcher) });
  mkdirSync(dirname(index), { recursive: true });
  writeFileSync(index, `${shSocket}\n`);
  try {
    const r3 = await launch(launcher, ['run', '-c', `${DESTRUCTIVE}; echo "[$AIRLOCK_EGRESS_SANDBOX]"`], env, w.ws, true);
    assert.equal(asked, 0, 'the launcher did not ask a process that is not the gate');
    assert.equal(r3.fast, false);
    assert.doesNotMatch(r3.stdout, /UNSANDBOXED/);
    assert.ok(r3.stdout.includes(REFUSAL), r3.stdout + r3.stderr.slice(-500));
    assert.match(r3.stdout, /\[1\]/, 'the command ran in the sandbox');
    // 4. The index names a socket outside Airlock's runtime folder (its own pid file beside it).
    const elsewhere = join(w.base, 'egress-run-0.sock');
    impostor.close();
    await new Promise<void>((res) => impostor.listen(elsewhere, res));
    writeFileSync(join(w.base, 'egress-run-0.pid'), `${process.pid}\n`);
    writeFileSync(index, `${elsewhere}\n`);
    const r4 = await launch(launcher, ['run', '-c', DESTRUCTIVE], env, w.ws, true);
    assert.equal(asked, 0, 'a socket outside the runtime folder is never asked');
    assert.equal(r4.fast, false);
    assert.ok(r4.stdout.includes(REFUSAL), r4.stdout + r4.stderr.slice(-500));
  } finally {
    impostor.close();
  }
});

test('the gate answers the launcher only with a sandboxed line for its own settings, and nothing to anything else', { timeout: 180_000 }, async () => {
  const { w, launcher, env } = workspace();
  assert.equal((await launch(launcher, ['run', '--', 'true'], env, w.ws)).code, 0);
  const shSocket = shRunSocketPath({ cwd: w.ws, env, requester: 'cli', cli: cliOf(launcher) });
  const ask = (body: string) =>
    new Promise<string>((resolvePromise) => {
      const socket = connect(shSocket);
      let got = '';
      socket.on('data', (c) => {
        got += c;
      });
      socket.on('close', () => resolvePromise(got));
      socket.on('error', () => resolvePromise(got));
      socket.end(body);
    });
  // The environment the gate was started with: the launcher's, as the CLI it started saw it.
  const launcherEnv = gateEnvOf(w);
  assert.ok(launcherEnv, 'no gate is up');
  const request = (e: NodeJS.ProcessEnv, pid = process.pid) =>
    `airlock-run-1\0${pid}\0${Object.entries(e)
      .map(([k, v]) => `${k}=${v}`)
      .join('\0')}\0`;
  const reply = await ask(request(launcherEnv));
  assert.match(reply, /^(unset -v |export |exec ).*exec \S*bwrap .*--unshare-net/s, 'a sandboxed line');
  assert.ok(reply.includes('AIRLOCK_RUN_LINE'), 'the line runs what the caller puts in its environment');
  assert.equal(await ask(request({ ...launcherEnv, AIRLOCK_POLICY_FILE: '/tmp/loose.json' })), '', 'other settings: nothing');
  assert.equal(await ask(request({ ...launcherEnv, AIRLOCK_EGRESS_SANDBOX: '1' })), '', 'a caller inside the sandbox: nothing');
  // Anything else gets the same refusal, and no line.
  const refusal = '{"error":"the warm gate answers only {\\"line\\": \\"<shell line>\\"} with the sandboxed line for it"}\n';
  for (const other of ['airlock-run-1\0notapid\0', '{"approve": true}\n', 'GET / HTTP/1.1\r\n\r\n']) assert.equal(await ask(other), refusal, other);
});

function gatePids(w: Workspace): number[] {
  const dir = w.env.AIRLOCK_RUNTIME_DIR!;
  return readdirSync(dir)
    .filter((n) => /^egress-[0-9a-f]+\.pid$/.test(n))
    .map((n) => Number(readFileSync(join(dir, n), 'utf8').trim()));
}

/** The environment the gate of this workspace was started with (its /proc entry). */
function gateEnvOf(w: Workspace): NodeJS.ProcessEnv | undefined {
  const dir = w.env.AIRLOCK_RUNTIME_DIR!;
  const pidFile = readdirSync(dir).find((n) => /^egress-run-[0-9a-f]+\.pid$/.test(n));
  if (!pidFile) return undefined;
  const pid = readFileSync(join(dir, pidFile), 'utf8').trim();
  const env: NodeJS.ProcessEnv = {};
  for (const entry of readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
    const at = entry.indexOf('=');
    if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return env;
}

test('the launcher protocol: requests parse only in their exact shape; the reply sets the environment the CLI would', () => {
  assert.deepEqual(parseShRunRequest('airlock-run-1\x0042\x00HOME=/h\x00A=b=c\x00'), { pid: 42, env: { HOME: '/h', A: 'b=c' } });
  assert.equal(parseShRunRequest('airlock-run-2\x0042\x00'), undefined);
  assert.equal(parseShRunRequest('airlock-run-1\x000\x00'), undefined);
  assert.equal(parseShRunRequest('airlock-run-1\x00-1\x00'), undefined);
  const line = shRunReply('bwrap --x -- bash -c y', { ELECTRON_RUN_AS_NODE: '1', HOME: '/h', Q: "it's" }, { HOME: '/h', Q: "it's", M: '1', S: 'a b' });
  assert.equal(line, "unset -v ELECTRON_RUN_AS_NODE; export M=1 'S=a b'; exec bwrap --x -- bash -c y");
  // A name the shell cannot take (the environment can carry any): env does it instead.
  assert.equal(shRunReply('bwrap', { 'a.b': '1' }, { M: '1' }), 'exec env -u a.b M=1 bwrap');
  // What the launcher gets runs as the CLI would run it: evaluated by sh, the environment as wanted.
  const probe = spawnSync('/bin/sh', ['-c', `eval "$1"`, 'sh', shRunReply('env', { ELECTRON_RUN_AS_NODE: '1', KEEP: 'k' }, { KEEP: 'k', ADDED: "x 'y' $z" })], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ELECTRON_RUN_AS_NODE: '1', KEEP: 'k' },
  });
  assert.match(probe.stdout, /^ADDED=x 'y' \$z$/m);
  assert.doesNotMatch(probe.stdout, /ELECTRON_RUN_AS_NODE/);
  assert.match(probe.stdout, /^KEEP=k$/m);
});
