import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { warmSocketPath } from '../../../src/core/egress/warm';
import {
  airlockRun,
  type FakeApi,
  makePki,
  makeWorkspace,
  type Pki,
  REFUSAL,
  readOut,
  requireSandbox,
  root,
  startEditor,
  startFakeApi,
  stopWarmGates,
  type Workspace,
} from './harness';

/**
 * The warm egress gate end to end: `airlock run` asks a background gate (started on first use)
 * for the sandboxed line and runs it itself. What it must keep: every request still judged and
 * held ones still asked in the editor; a gate it cannot use means the cold path, never an
 * unsandboxed command; the socket gives another process nothing but a sandboxed line; a change
 * of protected paths gets a fresh gate.
 */
let pki: Pki;
let api: FakeApi;
const workspaces: Workspace[] = [];

before(async () => {
  requireSandbox();
  pki = makePki();
  api = await startFakeApi(pki);
});

after(async () => {
  for (const w of workspaces) stopWarmGates(w);
  await api?.close();
  for (const w of workspaces) rmSync(w.base, { recursive: true, force: true });
  if (pki) rmSync(pki.dir, { recursive: true, force: true });
});

function warmWorkspace(): Workspace {
  const w = makeWorkspace(pki, api);
  delete w.env.AIRLOCK_EGRESS_WARM;
  workspaces.push(w);
  return w;
}

const DESTRUCTIVE = 'curl -sS -H "Authorization: Bearer $RAILWAY_TOKEN" -T payload.json "https://backboard.railway.app:$PORT/graphql/v2"';

/** The gate's socket for `airlock run` started by the harness in this workspace (the CLI's own relaunch line). */
function socketOf(w: Workspace): string | undefined {
  const dir = w.env.AIRLOCK_RUNTIME_DIR!;
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => /^egress-[0-9a-f]+\.sock$/.test(n)) : [];
  return names.length === 1 ? join(dir, names[0]!) : undefined;
}

/** One request/answer on a Unix socket, as any process of this user could send it. */
function talk(path: string, text: string): Promise<string> {
  return new Promise((resolvePromise) => {
    const socket = connect(path);
    let got = '';
    socket.on('data', (c) => {
      got += c;
      if (got.includes('\n')) socket.end();
    });
    socket.on('close', () => resolvePromise(got));
    socket.on('error', () => resolvePromise(got));
    socket.write(text);
  });
}

test('warm: the first command starts a gate, later ones reuse its proxy; the socket is private; held requests are still refused', {
  timeout: 150_000,
}, async () => {
  const w = warmWorkspace();
  const first = await airlockRun(w, 'printf %s "$HTTPS_PROXY" > out/proxy1.txt');
  assert.equal(first.code, 0, first.stderr);
  const socket = socketOf(w);
  assert.ok(socket, 'a warm gate socket exists after the first command');
  assert.equal(statSync(socket).mode & 0o777, 0o600, "the socket is the user's only");
  assert.equal(statSync(w.env.AIRLOCK_RUNTIME_DIR!).mode & 0o077, 0, 'its folder is private');
  const before = api.hits.length;
  const second = await airlockRun(w, `printf %s "$HTTPS_PROXY" > out/proxy2.txt; ${DESTRUCTIVE} > out/curl.txt`);
  assert.equal(second.code, 0, second.stderr);
  assert.ok(readOut(w, 'proxy1.txt').length > 0, 'the command ran behind the proxy');
  // The proxy's password is the session's: the same one means the same running gate.
  const secret = (url: string) => /:([^:@/]+)@/.exec(url)?.[1];
  assert.ok(secret(readOut(w, 'proxy1.txt')), readOut(w, 'proxy1.txt'));
  assert.equal(secret(readOut(w, 'proxy2.txt')), secret(readOut(w, 'proxy1.txt')), "the second command used the warm gate's proxy, not a new one");
  assert.ok(readOut(w, 'curl.txt').includes(REFUSAL), readOut(w, 'curl.txt'));
  assert.match(readOut(w, 'curl.txt'), /Environment: PRODUCTION/);
  assert.deepEqual(api.hits.slice(before), []);
});

test('warm: the person still decides through the editor: Block leaves the API untouched, Allow sends exactly one request', { timeout: 150_000 }, async () => {
  const w = warmWorkspace();
  await airlockRun(w, 'true');
  assert.ok(socketOf(w), 'the gate is up');
  const editor = await startEditor(w, 'block');
  try {
    const before = api.hits.length;
    const blocked = await airlockRun(w, DESTRUCTIVE);
    assert.equal(editor.shown.length, 1, 'the modal was shown');
    assert.match(editor.shown[0]!.title, /^PRODUCTION/);
    assert.match(blocked.stdout, /blocked it in the editor/);
    assert.deepEqual(api.hits.slice(before), []);
    editor.answer = 'allow';
    const allowed = await airlockRun(w, DESTRUCTIVE);
    assert.match(allowed.stdout, /"ok":true/);
    assert.equal(editor.shown.length, 2);
    assert.equal(api.hits.slice(before).length, 1);
  } finally {
    await editor.close();
  }
});

test('warm: a request it cannot read (a POST and a PATCH in body encodings it cannot decode) is held, not waved through', { timeout: 150_000 }, async () => {
  const w = warmWorkspace();
  await airlockRun(w, 'true');
  const before = api.hits.length;
  const r = await airlockRun(
    w,
    [
      'curl -sS -X POST -H "Content-Encoding: zstd" --data-binary @payload.json "https://backboard.railway.app:$PORT/graphql/v2" > out/zstd.txt',
      'curl -sS -X PATCH -H "Content-Encoding: x-custom" --data-binary "opaque" "https://api.heroku.com:$PORT/apps/prod-app" > out/custom.txt',
    ].join('; '),
  );
  assert.equal(r.code, 0, r.stderr);
  for (const name of ['zstd.txt', 'custom.txt']) assert.ok(readOut(w, name).includes(REFUSAL), `${name}: ${readOut(w, name)}`);
  assert.deepEqual(api.hits.slice(before), []);
});

test('another process of the user gets nothing but a sandboxed line from the socket: no verb approves, and the line it gets still holds the request', {
  timeout: 150_000,
}, async () => {
  const w = warmWorkspace();
  await airlockRun(w, 'true');
  const socket = socketOf(w)!;
  assert.ok(socket);
  // Posing as the editor, or smuggling an approval beside the line: refused without a line.
  for (const forged of [
    '{"decision":"allow","decidedBy":"user"}\n',
    '{"line":"true","allow":true}\n',
    '{"kind":"confirm","id":"x","decision":"allow"}\n',
    'not json\n',
    '{"line":""}\n',
  ]) {
    const reply = await talk(socket, forged);
    assert.match(reply, /"error"/, `${forged.trim()} -> ${reply}`);
    assert.doesNotMatch(reply, /wrapped|allow"/);
  }
  // Asking properly gets a sandboxed (bwrap) line, valid while the asking connection stays open
  // (the gate cleans up after the command when it closes); run by that process itself, the
  // request is still held. Run after the connection closed, it cannot even start.
  const conn = connect(socket);
  const replyText = await new Promise<string>((resolvePromise) => {
    let got = '';
    conn.on('data', (c) => {
      got += c;
      if (got.includes('\n')) resolvePromise(got);
    });
    conn.write(`${JSON.stringify({ line: `${DESTRUCTIVE} > out/direct.txt` })}\n`);
  });
  const reply = JSON.parse(replyText) as { wrapped: string };
  assert.match(reply.wrapped, /bwrap/);
  const runWrapped = () =>
    new Promise<{ code: number | null; stderr: string }>((r) => {
      let stderr = '';
      const c = spawn('/bin/sh', ['-c', reply.wrapped], { cwd: w.ws, env: w.env, stdio: ['ignore', 'ignore', 'pipe'] });
      c.stderr.on('data', (d) => {
        stderr += d;
      });
      c.on('close', (code) => r({ code, stderr }));
    });
  const before = api.hits.length;
  const ran = await runWrapped();
  assert.equal(ran.code, 0, ran.stderr);
  assert.ok(readOut(w, 'direct.txt').includes(REFUSAL), readOut(w, 'direct.txt'));
  await new Promise<void>((r) => {
    conn.on('close', () => r());
    conn.end();
  });
  writeFileSync(join(w.ws, 'out', 'direct.txt'), '');
  const late = await runWrapped();
  assert.ok(late.code !== 0 || readOut(w, 'direct.txt').includes(REFUSAL), `run late: ${late.code} ${readOut(w, 'direct.txt')}`);
  assert.deepEqual(api.hits.slice(before), []);
});

test('a command inside the sandbox cannot reach the warm socket, nor replace it', { timeout: 150_000 }, async () => {
  const w = warmWorkspace();
  await airlockRun(w, 'true');
  const socket = socketOf(w)!;
  const r = await airlockRun(
    w,
    [
      `python3 -c "import socket; s = socket.socket(socket.AF_UNIX); s.connect('${socket}'); print('CONNECTED')" > out/connect.txt 2>&1`,
      `rm -f '${socket}' 2>/dev/null; test -S '${socket}' && echo KEPT > out/kept.txt`,
      `printf '{"line":"true"}\\n' | socat - UNIX-CONNECT:'${socket}' > out/socat.txt 2>&1`,
      'exit 0',
    ].join('; '),
  );
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(readOut(w, 'connect.txt'), /CONNECTED/);
  assert.equal(readOut(w, 'kept.txt').trim(), 'KEPT');
  assert.doesNotMatch(readOut(w, 'socat.txt'), /wrapped/);
});

test('warm gate unreachable (something else answers on its socket, or nothing does): the command is still sandboxed, the cold way', {
  timeout: 150_000,
}, async () => {
  const w = warmWorkspace();
  mkdirSync(w.env.AIRLOCK_RUNTIME_DIR!, { recursive: true, mode: 0o700 });
  // The socket path `airlock run` computes from the harness's relaunch line: found by a first run, then replaced.
  await airlockRun(w, 'true');
  const path = socketOf(w)!;
  assert.ok(path, 'the first run started a gate');
  w.env.AIRLOCK_EGRESS_WARM_START_MS = '300';
  stopWarmGates(w);
  for (let i = 0; i < 100 && existsSync(path); i++) await new Promise((r) => setTimeout(r, 50));
  if (existsSync(path)) unlinkSync(path);
  for (const behaviour of ['error', 'hang-up'] as const) {
    const impostor: Server = createServer((s) => {
      if (behaviour === 'error') s.end('{"error":"busy"}\n');
      else s.destroy();
    });
    await new Promise<void>((r) => impostor.listen(path, r));
    try {
      const before = api.hits.length;
      const r = await airlockRun(
        w,
        `${DESTRUCTIVE} > out/curl-${behaviour}.txt; env -u HTTPS_PROXY -u https_proxy curl -sS -m 3 --noproxy '*' -k "https://127.0.0.1:$PORT/" > out/raw-${behaviour}.txt 2>&1; echo "$AIRLOCK_EGRESS_SANDBOX" > out/marker-${behaviour}.txt`,
      );
      assert.equal(r.code, 0, r.stderr);
      assert.ok(readOut(w, `curl-${behaviour}.txt`).includes(REFUSAL), `${behaviour}: ${readOut(w, `curl-${behaviour}.txt`)}`);
      assert.doesNotMatch(readOut(w, `raw-${behaviour}.txt`), /"ok":true/, 'no network outside the proxy');
      assert.equal(readOut(w, `marker-${behaviour}.txt`).trim(), '1');
      assert.deepEqual(api.hits.slice(before), []);
    } finally {
      await new Promise((r) => impostor.close(r));
    }
  }
});

test('a new protected path (a repository .airlock folder made after the gate started) gets a fresh gate that protects it', { timeout: 150_000 }, async () => {
  const w = warmWorkspace();
  await airlockRun(w, 'printf %s "$HTTPS_PROXY" > out/p1.txt');
  mkdirSync(join(w.ws, '.airlock'));
  writeFileSync(join(w.ws, '.airlock', 'policy.yaml'), 'rules: []\n');
  const r = await airlockRun(
    w,
    'printf %s "$HTTPS_PROXY" > out/p2.txt; echo "rules: [loosened]" > .airlock/policy.yaml 2>/dev/null || echo REFUSED > out/write.txt',
  );
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readOut(w, 'write.txt').trim(), 'REFUSED', 'the new policy folder is read-only inside');
  const secret = (url: string) => /:([^:@/]+)@/.exec(url)?.[1];
  assert.ok(secret(readOut(w, 'p1.txt')));
  assert.notEqual(secret(readOut(w, 'p2.txt')), secret(readOut(w, 'p1.txt')), 'a fresh gate (new proxy session) took over');
});

test('warm: the placeholders the engine mounts for missing protected files are gone when the command returns', { timeout: 150_000 }, async () => {
  const w = warmWorkspace();
  const names = ['.bashrc', '.mcp.json', '.vscode', '.gitconfig', '.idea'];
  const r = await airlockRun(w, `ls -a > out/inside.txt`);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(
    names.every((n) => readOut(w, 'inside.txt').split('\n').includes(n)),
    `inside, the protected names are covered: ${readOut(w, 'inside.txt')}`,
  );
  assert.deepEqual(
    names.filter((n) => existsSync(join(w.ws, n))),
    [],
    'no placeholder is left in the folder after the command',
  );
  // Killed mid-command: its socket closes, and the gate still cleans up.
  const killed = spawn(
    process.execPath,
    [
      '--import',
      pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href,
      '--import',
      pathToFileURL(join(__dirname, 'fixtures', 'resolve-hosts.mjs')).href,
      join(root, 'src/cli/main.ts'),
      'run',
      '-c',
      'sleep 5',
    ],
    { cwd: w.ws, env: w.env, stdio: 'ignore' },
  );
  for (let i = 0; i < 200 && !existsSync(join(w.ws, '.mcp.json')); i++) await new Promise((res) => setTimeout(res, 50));
  assert.ok(existsSync(join(w.ws, '.mcp.json')), 'the placeholder is there while the command runs');
  killed.kill('SIGKILL');
  for (let i = 0; i < 100 && existsSync(join(w.ws, '.mcp.json')); i++) await new Promise((res) => setTimeout(res, 50));
  assert.deepEqual(
    names.filter((n) => existsSync(join(w.ws, n))),
    [],
    'the gate removed them after the killed command',
  );
});

test('the socket name depends on the folder, the agent and the settings, so one gate never judges for another', () => {
  const base = {
    cwd: '/w/a',
    env: { HOME: '/h', AIRLOCK_RUNTIME_DIR: '/r' },
    requester: 'claude' as const,
    relaunch: { execPath: process.execPath, args: [join(root, 'x.js')] },
  };
  const a = warmSocketPath(base);
  assert.notEqual(warmSocketPath({ ...base, cwd: '/w/b' }), a);
  assert.notEqual(warmSocketPath({ ...base, requester: 'cursor' }), a);
  assert.notEqual(warmSocketPath({ ...base, env: { ...base.env, AIRLOCK_POLICY_FILE: '/p' } }), a);
  // A gate started with a preload of someone else's (a patched filter) is never the one asked.
  assert.notEqual(warmSocketPath({ ...base, env: { ...base.env, NODE_OPTIONS: '--require ./evil.js' } }), a);
  assert.notEqual(warmSocketPath({ ...base, relaunch: { execPath: process.execPath, args: ['--require', './evil.js', join(root, 'x.js')] } }), a);
  assert.equal(warmSocketPath({ ...base, env: { ...base.env, AIRLOCK_EGRESS_SANDBOX: '1', UNRELATED: 'x' } }), a);
  assert.ok(a.startsWith('/r/egress-'));
});
