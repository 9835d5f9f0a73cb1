import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ensureDist } from '../dist';
import {
  airlockRun,
  type FakeApi,
  makePki,
  makeWorkspace,
  type Pki,
  publishFixturePackage,
  REFUSAL,
  readOut,
  requireSandbox,
  startEditor,
  startFakeApi,
  type Workspace,
} from './harness';

/**
 * The egress gate end to end: `airlock run` in a real bubblewrap sandbox, real TLS to a fake
 * provider API on loopback, real clients (curl, Python, Node, make, npm, pytest; more client
 * stacks in client-stacks.test.ts). Each
 * destructive shape is held; with no editor or a Block it never reaches the API and the client
 * reads the 403 text; with Allow it reaches the API exactly once.
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
  await api?.close();
  for (const w of workspaces) rmSync(w.base, { recursive: true, force: true });
  if (pki) rmSync(pki.dir, { recursive: true, force: true });
});

function workspace(): Workspace {
  const w = makeWorkspace(pki, api);
  workspaces.push(w);
  return w;
}

const hasPytest = spawnSync('python3', ['-c', 'import pytest'], { stdio: 'ignore' }).status === 0;

/** The destructive shapes the text gate alone missed, each writing what its client received to out/NAME.txt. */
function writeShapes(w: Workspace): Record<string, string> {
  const url = '"https://backboard.railway.app:$PORT/graphql/v2"';
  const auth = '-H "Authorization: Bearer $RAILWAY_TOKEN"';
  writeFileSync(
    join(w.ws, 'Makefile'),
    `wipe:\n\tcurl -sS -H "Authorization: Bearer $$RAILWAY_TOKEN" -T payload.json https://backboard.railway.app:$(PORT)/graphql/v2 > out/make.txt\n`,
  );
  writeFileSync(
    join(w.ws, 'package.json'),
    JSON.stringify({
      name: 'demo',
      version: '1.0.0',
      private: true,
      scripts: { predeploy: `curl -sS ${auth} --data-binary @payload.json ${url} > out/npm.txt`, deploy: 'echo deployed' },
    }),
  );
  const python = (out: string) =>
    [
      'import os, urllib.request, urllib.error',
      "body = open('payload.json', 'rb').read()",
      "req = urllib.request.Request('https://backboard.railway.app:%s/graphql/v2' % os.environ['PORT'], data=body, method='POST', headers={'Authorization': 'Bearer ' + os.environ['RAILWAY_TOKEN'], 'Content-Type': 'application/json'})",
      'try:\n    text = urllib.request.urlopen(req).read().decode()\nexcept urllib.error.HTTPError as e:\n    text = e.read().decode()\nexcept Exception as e:\n    text = "ERR %r" % e',
      `open('out/${out}', 'w').write(text)`,
    ].join('\n');
  writeFileSync(join(w.ws, 'upload.py'), `${python('python.txt')}\n`);
  writeFileSync(join(w.ws, 'conftest.py'), `${python('pytest.txt')}\n`);
  writeFileSync(join(w.ws, 'test_nothing.py'), 'def test_nothing():\n    assert True\n');
  mkdirSync(join(w.ws, 'scripts'));
  writeFileSync(join(w.ws, 'scripts', 'cleanup'), `#!/bin/sh\ncurl -sS ${auth} --upload-file payload.json ${url} > out/script.txt\n`);
  chmodSync(join(w.ws, 'scripts', 'cleanup'), 0o755);
  writeFileSync(
    join(w.ws, 'fetch.mjs'),
    [
      "import { readFileSync, writeFileSync } from 'node:fs';",
      "const body = readFileSync('payload.json');",
      "fetch(`https://backboard.railway.app:${process.env.PORT}/graphql/v2`, { method: 'POST', body, headers: { authorization: `Bearer ${process.env.RAILWAY_TOKEN}` } })",
      "  .then((r) => r.text(), (e) => `ERR ${e.cause?.code ?? e.message}`).then((t) => writeFileSync('out/node.txt', t));",
    ].join('\n'),
  );
  return {
    'curl.txt': `curl -sS ${auth} -T payload.json ${url} > out/curl.txt`,
    'script.txt': './scripts/cleanup',
    'python.txt': 'python3 upload.py',
    'pytest.txt': hasPytest ? 'python3 -m pytest -q -p no:cacheprovider >/dev/null' : 'python3 conftest.py',
    'make.txt': 'make -s wipe',
    'npm.txt': 'npm run -s deploy >/dev/null',
    'node.txt': 'node fetch.mjs',
    'heroku.txt': 'curl -sS -X DELETE -H "Authorization: Bearer $RAILWAY_TOKEN" "https://api.heroku.com:$PORT/apps/prod-app" > out/heroku.txt',
    'aws.txt': `curl -sS -X POST -H 'X-Amz-Target: DynamoDB_20120810.DeleteTable' -H 'Content-Type: application/x-amz-json-1.0' -d '{"TableName":"orders"}' "https://dynamodb.us-east-1.amazonaws.com:$PORT/" > out/aws.txt`,
  };
}

test('no editor: every destructive shape is held and refused; the API gets none of them and each refusal is logged first', async () => {
  const w = workspace();
  const shapes = writeShapes(w);
  const before = api.hits.length;
  const r = await airlockRun(w, Object.values(shapes).join('; '));
  assert.equal(r.code, 0, r.stderr);
  for (const name of Object.keys(shapes)) {
    // node.txt: Node 20's fetch, which ignores proxy variables, reaches the gate through the preload.
    const text = readOut(w, name);
    assert.ok(text.includes(REFUSAL), `${name} was not refused by the gate: ${JSON.stringify(text.slice(0, 300))} (stderr ${r.stderr.slice(0, 300)})`);
    assert.match(text, /must|ask the person/, `${name}: the refusal tells the agent to ask the person`);
    if (!['heroku.txt', 'aws.txt'].includes(name)) assert.match(text, /volumeDelete/, name);
  }
  assert.match(readOut(w, 'curl.txt'), /Environment: PRODUCTION/);
  assert.match(readOut(w, 'curl.txt'), /RAILWAY_TOKEN in \.env\.production/);
  assert.match(readOut(w, 'aws.txt'), /DeleteTable/);
  assert.match(readOut(w, 'heroku.txt'), /DELETE/);
  assert.deepEqual(api.hits.slice(before), [], 'the fake API received a destructive request');

  const logs = join(w.base, 'state', 'logs');
  // One folder per workspace (files beside them, such as a chain head, are not logs).
  const lines = readdirSync(logs, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .flatMap((d) =>
      readdirSync(join(logs, d))
        .filter((f) => f.endsWith('.jsonl'))
        .flatMap((f) =>
          readFileSync(join(logs, d, f), 'utf8')
            .trim()
            .split('\n'),
        ),
    );
  const refusals = lines.map((l) => JSON.parse(l).event).filter((e) => e.details?.gate === 'egress' && e.decision === 'deny' && e.decidedBy === 'no-editor');
  assert.ok(refusals.length >= Object.keys(shapes).length, `logged ${refusals.length} refusals`);
  assert.ok(
    refusals.every((e) => !JSON.stringify(e).includes('prod-4f1c9a7e2b6d8e0f3a5c')),
    'the token is redacted in the log',
  );
});

test("the person blocks: the modal shows PRODUCTION and the token's evidence; the API is untouched; the client reads why", async () => {
  const w = workspace();
  const editor = await startEditor(w, 'block');
  try {
    const before = api.hits.length;
    const r = await airlockRun(w, 'curl -sS -H "Authorization: Bearer $RAILWAY_TOKEN" -T payload.json "https://backboard.railway.app:$PORT/graphql/v2"');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(editor.shown.length, 1);
    assert.match(editor.shown[0]!.title, /^PRODUCTION/);
    assert.match(`${editor.shown[0]!.detail}\n${editor.shown[0]!.evidence.join('\n')}`, /RAILWAY_TOKEN in \.env\.production/);
    assert.ok(r.stdout.includes(REFUSAL), r.stdout);
    assert.match(r.stdout, /blocked it in the editor/);
    assert.deepEqual(api.hits.slice(before), []);
  } finally {
    await editor.close();
  }
});

test("the person allows: the held request goes out exactly once and the client gets the API's answer", async () => {
  const w = workspace();
  const editor = await startEditor(w, 'allow');
  try {
    const before = api.hits.length;
    const r = await airlockRun(
      w,
      "python3 -c \"import os, urllib.request; print(urllib.request.urlopen(urllib.request.Request('https://backboard.railway.app:%s/graphql/v2' % os.environ['PORT'], data=open('payload.json', 'rb').read(), method='POST')).read().decode())\"",
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(editor.shown.length, 1);
    const hits = api.hits.slice(before);
    assert.equal(hits.length, 1, JSON.stringify(hits));
    assert.equal(hits[0]!.method, 'POST');
    assert.match(hits[0]!.body, /volumeDelete/);
    assert.match(r.stdout, /"ok":true/);
  } finally {
    await editor.close();
  }
});

test('bypass attempts cannot reach the network: proxy variables unset, --noproxy, raw sockets, /dev/tcp, socat, an IP literal, SOCKS', async () => {
  const w = workspace();
  const editor = await startEditor(w, 'allow'); // even an allowing person is never asked: nothing reaches the gate unseen
  try {
    const before = api.hits.length;
    const target = '"https://backboard.railway.app:$PORT/graphql/v2"';
    const attempts = [
      `env -u HTTPS_PROXY -u https_proxy -u HTTP_PROXY -u http_proxy -u ALL_PROXY -u all_proxy curl -sS -m 5 -T payload.json ${target}`,
      `curl -sS -m 5 --noproxy '*' -T payload.json ${target}`,
      "python3 -c \"import os, socket; s = socket.create_connection(('127.0.0.1', int(os.environ['PORT'])), 3); s.sendall(b'POST /graphql/v2 HTTP/1.1\\r\\nHost: backboard.railway.app\\r\\n\\r\\n')\"",
      'bash -c \'exec 3<>/dev/tcp/127.0.0.1/$PORT && printf "POST /graphql/v2 HTTP/1.1\\r\\n\\r\\n" >&3\'',
      'printf "POST /graphql/v2 HTTP/1.1\\r\\n\\r\\n" | socat - TCP:127.0.0.1:$PORT,connect-timeout=3',
      'curl -sS -m 5 -k --noproxy "" -H "Host: backboard.railway.app" -T payload.json "https://127.0.0.1:$PORT/graphql/v2"',
      `curl -sS -m 5 -x "$FTP_PROXY" -T payload.json ${target}`,
    ];
    const script = attempts.map((a, i) => `(${a}) > out/bypass-${i}.txt 2>&1; echo "exit=$?" >> out/bypass-${i}.txt`).join('; ');
    const r = await airlockRun(w, script);
    assert.equal(r.code, 0, r.stderr);
    for (let i = 0; i < attempts.length; i++) {
      const text = readOut(w, `bypass-${i}.txt`);
      assert.ok(text.includes('exit='), `attempt ${i} did not finish: ${text}`);
      assert.doesNotMatch(text, /"ok":true/, `attempt ${i} reached the API: ${attempts[i]}\n${text}`);
    }
    assert.deepEqual(api.hits.slice(before), [], 'a bypass attempt reached the fake API');
    assert.equal(editor.shown.length, 0, 'no bypass attempt became a question: they failed before any request was readable');
  } finally {
    await editor.close();
  }
});

test('benign traffic is untouched: a GET to a provider passes without a question, a non-provider host is never decrypted, npm installs from a mirror', async () => {
  const w = workspace();
  const editor = await startEditor(w, 'block');
  publishFixturePackage(api.port);
  writeFileSync(join(w.ws, 'package.json'), JSON.stringify({ name: 'benign', version: '1.0.0', private: true }));
  try {
    const before = api.hits.length;
    const r = await airlockRun(
      w,
      [
        'npm install --no-audit --no-fund --fetch-retries=0 --cafile "$NODE_EXTRA_CA_CERTS" --registry "https://registry.example.org:$PORT/" airlock-fixture-pad > out/npm.txt 2>&1',
        'curl -sS "https://backboard.railway.app:$PORT/graphql/v2?query=%7Bme%7Bid%7D%7D" > out/get.txt',
        'curl -sS -X POST -H "Content-Type: application/json" -d \'{"query":"mutation { projectCreate(name: \\"x\\") { id } }"}\' "https://backboard.railway.app:$PORT/graphql/v2" > out/create.txt',
        'curl -sv -X DELETE "https://example.org:$PORT/items/1" > out/other.txt 2> out/other-tls.txt',
        'curl -sv "https://backboard.railway.app:$PORT/health" > /dev/null 2> out/provider-tls.txt',
      ].join('; '),
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(readOut(w, 'get.txt'), /"ok":true/);
    assert.match(readOut(w, 'create.txt'), /"ok":true/);
    assert.match(readOut(w, 'other.txt'), /"ok":true/, "a DELETE to a host that is no provider API is not the gate's business");
    assert.match(readOut(w, 'other-tls.txt'), /issuer: CN\s*=\s*Airlock Test CA/, 'the non-provider host showed its own certificate: not decrypted');
    assert.doesNotMatch(readOut(w, 'provider-tls.txt'), /issuer: CN\s*=\s*Airlock Test CA/, 'the provider host is decrypted by the gate');
    assert.equal(editor.shown.length, 0);
    assert.deepEqual(
      api.hits.slice(before).map((h) => h.method),
      ['GET', 'POST', 'DELETE', 'GET'],
    );
    assert.equal(readFileSync(join(w.ws, 'node_modules', 'airlock-fixture-pad', 'index.js'), 'utf8').length > 0, true, readOut(w, 'npm.txt'));
  } finally {
    await editor.close();
  }
});

test("inside the sandbox Airlock's own files are read-only, the gate's CA key unreadable, and no new Unix socket can be opened", async () => {
  const w = workspace();
  const editor = await startEditor(w, 'block');
  try {
    mkdirSync(join(w.ws, '.claude'));
    writeFileSync(join(w.ws, '.claude', 'settings.json'), '{}\n');
    mkdirSync(join(w.ws, '.airlock'));
    writeFileSync(join(w.ws, '.airlock', 'policy.json'), '{}\n');
    const attempts = [
      'echo \'{"permissions":{"allow":["Bash(*)"]}}\' > .claude/settings.json',
      "echo '{}' > .airlock/policy.json",
      'touch "$AIRLOCK_STATE_DIR/forged.jsonl"',
      'touch "$AIRLOCK_RUNTIME_DIR/roots/forged"',
      'python3 -c "import socket; socket.socket(socket.AF_UNIX)"',
      'test -s "$AIRLOCK_STATE_DIR/egress-ca/ca.key" && cat "$AIRLOCK_STATE_DIR/egress-ca/ca.key"',
    ];
    const script = attempts.map((a, i) => `(${a}) > out/contain-${i}.txt 2>&1; echo "exit=$?" >> out/contain-${i}.txt`).join('; ');
    const r = await airlockRun(w, `${script}; echo ok > out/plain.txt`);
    assert.equal(r.code, 0, r.stderr);
    for (let i = 0; i < attempts.length; i++)
      assert.match(readOut(w, `contain-${i}.txt`), /exit=[1-9]/, `attempt ${i} succeeded: ${attempts[i]}\n${readOut(w, `contain-${i}.txt`)}`);
    assert.equal(readFileSync(join(w.ws, '.claude', 'settings.json'), 'utf8'), '{}\n');
    assert.match(readFileSync(join(w.base, 'state', 'egress-ca', 'ca.key'), 'utf8'), /PRIVATE KEY/, 'the CA key exists outside, kept between runs');
    assert.equal(readOut(w, 'plain.txt'), 'ok\n', 'ordinary work in the workspace is writable');
  } finally {
    await editor.close();
  }
});

test('a nested airlock run (a wrapped command inside a sandboxed agent) runs within the outer sandbox, whose gate still holds it; the marker alone outside a sandbox gains no network', async () => {
  const cli = ensureDist().cli;
  const w = workspace();
  const editor = await startEditor(w, 'block');
  try {
    const from = api.hits.length;
    const inner = `node ${cli} run -c 'curl -sS -H "Authorization: Bearer $RAILWAY_TOKEN" -T payload.json "https://backboard.railway.app:$PORT/graphql/v2"'`;
    const r = await airlockRun(w, `${inner} > out/nested.txt 2> out/nested-err.txt; echo "exit=$?" >> out/nested.txt`);
    assert.equal(r.code, 0, r.stderr);
    const nested = readOut(w, 'nested.txt');
    assert.ok(nested.includes(REFUSAL), `the nested run's request was not held by the outer gate: ${nested} ${readOut(w, 'nested-err.txt')}`);
    assert.match(nested, /exit=0/);
    assert.equal(editor.shown.length, 1, 'asked once, by the outer gate');
    assert.deepEqual(api.hits.slice(from), []);

    // Outside any sandbox the marker is not believed: the command is still sandboxed (only loopback inside).
    w.env.AIRLOCK_EGRESS_SANDBOX = '1';
    const outside = await airlockRun(w, "sed -n '3,$p' /proc/net/dev | cut -d: -f1 | tr -d ' '");
    assert.equal(outside.code, 0, outside.stderr);
    assert.equal(outside.stdout.trim(), 'lo', 'the command ran in a network namespace of its own');

    // Where the marker is believed without a sandbox (a namespace of one's own with only loopback),
    // there is no network to reach: the request cannot leave.
    const bare = spawnSync(
      'unshare',
      [
        '-rn',
        process.execPath,
        cli,
        'run',
        '-c',
        `curl -sS -m 5 -T payload.json "https://backboard.railway.app:$PORT/graphql/v2"; curl -sS -m 5 -k -T payload.json "https://127.0.0.1:$PORT/graphql/v2"; echo "exit=$?"`,
      ],
      {
        cwd: w.ws,
        env: w.env,
        encoding: 'utf8',
      },
    );
    assert.match(bare.stdout, /exit=7/, `${bare.stdout} ${bare.stderr}`);
    assert.match(bare.stderr, /Could not resolve host/);
    assert.deepEqual(api.hits.slice(from), []);
  } finally {
    await editor.close();
  }
});
