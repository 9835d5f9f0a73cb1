import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { EGRESS_PRELOAD_FILE } from '../../../src/core/egress/preload-files';
import { ensureDist, root } from '../dist';
import {
  airlockRun,
  type FakeApi,
  makePki,
  makeWorkspace,
  type Pki,
  REFUSAL,
  readOut,
  requireSandbox,
  startEditor,
  startFakeApi,
  stopWarmGates,
  type Workspace,
} from './harness';

/**
 * The client stacks issue 10 listed beyond curl and urllib, each sending the same destructive
 * GraphQL request (volumeDelete, body read from a file) from inside `airlock run`: a raw HTTP
 * request through `openssl s_client -proxy`, Node's own fetch on Node 20 (through the preload),
 * Ruby's Net::HTTP, Python's httpx and a Go net/http client (the stack of k6, flyctl, doctl,
 * terraform and gh). hurl is libcurl (curl is in sandbox-gate.test.ts); neither hurl nor k6 can
 * be installed here (docs/egress.md). Each is held: with no editor or a Block the API receives
 * nothing and the client reads the 403 text; with Allow the API receives it exactly once.
 */
let pki: Pki;
let api: FakeApi;
let scratch: string;
let goClient: string;
let httpxPython: string;
const workspaces: Workspace[] = [];

/** Go 1.19 from Debian, built once per run with every Go folder inside the scratch dir (any user, CI). */
function buildGoClient(dir: string): string {
  const src = join(dir, 'go-client');
  mkdirSync(src, { recursive: true });
  writeFileSync(
    join(src, 'main.go'),
    [
      '// A Go net/http client as k6, flyctl, doctl, terraform and gh use it: http.DefaultClient,',
      '// whose transport takes its proxy from http.ProxyFromEnvironment. POSTs the file named by its second argument.',
      'package main',
      '',
      'import (',
      '\t"bytes"',
      '\t"fmt"',
      '\t"io"',
      '\t"net/http"',
      '\t"os"',
      ')',
      '',
      'func main() {',
      '\tbody, err := os.ReadFile(os.Args[2])',
      '\tif err != nil {',
      '\t\tfmt.Println("ERR", err)',
      '\t\treturn',
      '\t}',
      '\treq, _ := http.NewRequest("POST", os.Args[1], bytes.NewReader(body))',
      '\treq.Header.Set("Authorization", "Bearer "+os.Getenv("RAILWAY_TOKEN"))',
      '\treq.Header.Set("Content-Type", "application/json")',
      '\tresp, err := http.DefaultClient.Do(req)',
      '\tif err != nil {',
      '\t\tfmt.Println("ERR", err)',
      '\t\treturn',
      '\t}',
      '\ttext, _ := io.ReadAll(resp.Body)',
      '\tfmt.Print(string(text))',
      '}',
      '',
    ].join('\n'),
  );
  const out = join(dir, 'go-post');
  const build = spawnSync('go', ['build', '-o', out, 'main.go'], {
    cwd: src,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      GOCACHE: join(dir, 'go-cache'),
      GOPATH: join(dir, 'go-path'),
      GOPROXY: 'off',
      GOFLAGS: '',
      GO111MODULE: 'auto',
      // As the release binaries of those tools are built: pure Go, its own resolver and TLS roots.
      CGO_ENABLED: '0',
    },
  });
  assert.equal(build.status, 0, `go build failed (${build.error?.message ?? build.stderr}). CI installs golang-go: apt-get install golang-go`);
  return out;
}

/** The python3 that has httpx: Debian's python3-httpx is in /usr/bin/python3, which a pyenv shim may shadow. */
function findHttpxPython(): string {
  const found = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import httpx'], { stdio: 'ignore' }).status === 0);
  assert.ok(found, 'no python3 here can import httpx. CI installs it: apt-get install python3-httpx');
  return found;
}

before(async () => {
  requireSandbox();
  ensureDist();
  assert.ok(existsSync(join(root, 'dist', EGRESS_PRELOAD_FILE)), 'the build made the egress preload');
  for (const [tool, flag] of [
    ['openssl', 'version'],
    ['ruby', '-v'],
  ] as const)
    assert.equal(spawnSync(tool, [flag], { stdio: 'ignore' }).status, 0, `${tool} is missing here. CI installs it: apt-get install ${tool}`);
  scratch = mkdtempSync(join(tmpdir(), 'airlock-egress-clients-'));
  goClient = buildGoClient(scratch);
  httpxPython = findHttpxPython();
  pki = makePki();
  api = await startFakeApi(pki);
});

after(async () => {
  await api?.close();
  for (const w of workspaces) stopWarmGates(w);
  for (const w of workspaces) rmSync(w.base, { recursive: true, force: true });
  if (pki) rmSync(pki.dir, { recursive: true, force: true });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function workspace(): Workspace {
  const w = makeWorkspace(pki, api);
  workspaces.push(w);
  return w;
}

const CLIENTS = ['openssl', 'node', 'ruby', 'httpx', 'go'] as const;
type Client = (typeof CLIENTS)[number];

/** Where each client sends its request: the query names the client, so each one's hits are counted apart. */
const target = (client: Client) => `https://backboard.railway.app:${api.port}/graphql/v2?client=${client}`;

/**
 * The sandbox's proxy for openssl, from HTTPS_PROXY as the sandbox announces it
 * (`http://user:token@localhost:port`, the user percent-encoded base64).
 */
const PROXY_PARTS = [
  'proxy=${HTTPS_PROXY#http://}; creds=${proxy%@*}; hostport=${proxy##*@}',
  'user=${creds%%:*}; user=${user//%3D/=}; user=${user//%2B/+}; user=${user//%2F//}; pass=${creds#*:}',
].join('\n');

/** Each client's command line, writing what it received to out/NAME.txt. */
function writeClients(w: Workspace): Record<Client, string> {
  const body = `${JSON.stringify({ query: 'mutation { volumeDelete(volumeId: "vol-shared-1") }' })}\n`;
  writeFileSync(
    join(w.ws, 'raw.http'),
    [
      `POST /graphql/v2?client=openssl HTTP/1.1`,
      `Host: backboard.railway.app:${api.port}`,
      `Authorization: Bearer ${w.env.RAILWAY_TOKEN}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
  writeFileSync(
    join(w.ws, 'send-raw.sh'),
    `${PROXY_PARTS}\nexec openssl s_client -connect backboard.railway.app:${api.port} -servername backboard.railway.app -proxy "$hostport" -proxy_user "$user" -proxy_pass "pass:$pass" -CAfile "$SSL_CERT_FILE" -verify_return_error -quiet < raw.http\n`,
  );
  writeFileSync(
    join(w.ws, 'delete.rb'),
    [
      "require 'net/http'",
      'uri = URI(ARGV[0])',
      "req = Net::HTTP::Post.new(uri, 'Content-Type' => 'application/json', 'Authorization' => \"Bearer #{ENV['RAILWAY_TOKEN']}\")",
      "req.body = File.binread('payload.json')",
      'begin',
      '  res = Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |http| http.request(req) }',
      '  print res.body',
      'rescue => e',
      '  print "ERR #{e.class}: #{e.message}"',
      'end',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(w.ws, 'delete_httpx.py'),
    [
      'import os, sys, httpx',
      "body = open('payload.json', 'rb').read()",
      'try:',
      // httpx gives up after 5 s by default; a person deciding takes longer (docs/egress.md).
      "    r = httpx.post(sys.argv[1], content=body, headers={'Authorization': 'Bearer ' + os.environ['RAILWAY_TOKEN'], 'Content-Type': 'application/json'}, timeout=120)",
      '    print(r.text)',
      'except Exception as e:',
      "    print('ERR %r' % e)",
      '',
    ].join('\n'),
  );
  return {
    openssl: 'bash send-raw.sh > out/openssl.txt 2> out/openssl-err.txt',
    node: `node -e "fetch('${target('node')}', {method:'POST', body: require('fs').readFileSync('payload.json')}).then((r) => r.text(), (e) => 'ERR ' + (e.cause?.code ?? e.message)).then((t) => require('fs').writeFileSync('out/node.txt', t))"`,
    ruby: `ruby delete.rb '${target('ruby')}' > out/ruby.txt`,
    httpx: `${httpxPython} delete_httpx.py '${target('httpx')}' > out/httpx.txt`,
    go: `${goClient} '${target('go')}' payload.json > out/go.txt`,
  };
}

const hitsOf = (from: number, client: Client) => api.hits.slice(from).filter((h) => h.url.endsWith(`client=${client}`));

test('no editor: every client stack is held and refused; the API receives none and each client reads the 403 text', async () => {
  const w = workspace();
  const clients = writeClients(w);
  const from = api.hits.length;
  const r = await airlockRun(w, Object.values(clients).join('; '));
  assert.equal(r.code, 0, r.stderr);
  for (const client of CLIENTS) {
    const text = readOut(w, `${client}.txt`);
    assert.ok(
      text.includes(REFUSAL),
      `${client} was not refused by the gate: ${JSON.stringify(text.slice(0, 300))} ${readOut(w, 'openssl-err.txt').slice(0, 300)}`,
    );
    assert.match(text, /volumeDelete/, client);
    assert.match(text, /No editor could ask the person/, client);
    assert.match(text, /ask the person to confirm/, client);
  }
  assert.match(readOut(w, 'openssl.txt'), /^HTTP\/1\.1 403 /, 'openssl shows the raw 403 response');
  assert.deepEqual(api.hits.slice(from), [], 'the fake API received a destructive request');
});

test('the person blocks: each client stack is asked once, with PRODUCTION; the API is untouched; each client reads why', async () => {
  const w = workspace();
  const clients = writeClients(w);
  const editor = await startEditor(w, 'block');
  try {
    const from = api.hits.length;
    const r = await airlockRun(w, Object.values(clients).join('; '));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(editor.shown.length, CLIENTS.length, JSON.stringify(editor.shown.map((v) => v.title)));
    for (const view of editor.shown) assert.match(view.title, /^PRODUCTION/);
    for (const client of CLIENTS) {
      const text = readOut(w, `${client}.txt`);
      assert.ok(text.includes(REFUSAL), `${client}: ${JSON.stringify(text.slice(0, 300))}`);
      assert.match(text, /blocked it in the editor/, client);
    }
    assert.deepEqual(api.hits.slice(from), []);
  } finally {
    await editor.close();
  }
});

test('the person allows: each client stack is asked once and its request reaches the API exactly once, with its body', async () => {
  const w = workspace();
  const clients = writeClients(w);
  const editor = await startEditor(w, 'allow');
  try {
    const from = api.hits.length;
    const r = await airlockRun(w, Object.values(clients).join('; '));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(editor.shown.length, CLIENTS.length, JSON.stringify(editor.shown.map((v) => v.title)));
    for (const client of CLIENTS) {
      const hits = hitsOf(from, client);
      assert.equal(hits.length, 1, `${client}: ${JSON.stringify(hits)}`);
      assert.equal(hits[0]!.method, 'POST', client);
      assert.match(hits[0]!.body, /volumeDelete\(volumeId: \\?"vol-shared-1\\?"\)/, client);
      assert.match(readOut(w, `${client}.txt`), /"ok":true/, `${client} got the API's answer`);
    }
    assert.equal(api.hits.length - from, CLIENTS.length, 'nothing else reached the API');
  } finally {
    await editor.close();
  }
});

test('ways around cannot reach the network: openssl without -proxy, and fetch without the preload, past the proxy or with the proxy unset', async () => {
  const w = workspace();
  writeClients(w);
  const editor = await startEditor(w, 'allow'); // even an allowing person is never asked: nothing reaches the gate unseen
  try {
    const from = api.hits.length;
    const fetchIt = `node -e "fetch('${target('node')}', {method:'POST', body: require('fs').readFileSync('payload.json')}).then((r) => r.text(), (e) => 'ERR ' + (e.cause?.code ?? e.message)).then(console.log)"`;
    const attempts = [
      `timeout 20 openssl s_client -connect backboard.railway.app:${api.port} -servername backboard.railway.app -quiet < raw.http`,
      `timeout 20 openssl s_client -connect 127.0.0.1:${api.port} -servername backboard.railway.app -quiet < raw.http`,
      `env -u NODE_OPTIONS ${fetchIt}`,
      `NO_PROXY='*' no_proxy='*' ${fetchIt}`,
      `env -u HTTPS_PROXY -u https_proxy -u HTTP_PROXY -u http_proxy -u ALL_PROXY -u all_proxy ${fetchIt}`,
      `NO_PROXY='*' no_proxy='*' ${goClient} '${target('go')}' payload.json`,
    ];
    const script = attempts.map((a, i) => `(${a}) > out/around-${i}.txt 2>&1; echo "exit=$?" >> out/around-${i}.txt`).join('; ');
    const r = await airlockRun(w, script);
    assert.equal(r.code, 0, r.stderr);
    for (let i = 0; i < attempts.length; i++) {
      const text = readOut(w, `around-${i}.txt`);
      assert.match(text, /exit=\d+/, `attempt ${i} did not finish: ${text}`);
      assert.doesNotMatch(text, /"ok":true|HTTP\/1\.1 200/, `attempt ${i} reached the API: ${attempts[i]}\n${text}`);
    }
    // Each failed for want of a network, not by chance: no name resolves and no socket leaves.
    assert.match(readOut(w, 'around-0.txt'), /exit=1/);
    assert.match(readOut(w, 'around-1.txt'), /exit=1/);
    for (const i of [2, 3, 4])
      assert.match(readOut(w, `around-${i}.txt`), /^ERR (EAI_AGAIN|ENOTFOUND|ECONNREFUSED)/, `attempt ${i}: ${readOut(w, `around-${i}.txt`)}`);
    assert.match(readOut(w, 'around-5.txt'), /^ERR .*(lookup|connect|dial)/, readOut(w, 'around-5.txt'));
    assert.deepEqual(api.hits.slice(from), [], 'a way around reached the fake API');
    assert.equal(editor.shown.length, 0, 'none became a question: they failed before any request was readable');
  } finally {
    await editor.close();
  }
});

test('Node inside the sandbox: benign fetches pass unasked, ELECTRON_RUN_AS_NODE stays outside, and the CLI run inside adds the preload once', async () => {
  const w = workspace();
  const editor = await startEditor(w, 'block');
  // The editor starts Airlock on its own runtime with this set: it must not reach the command's programs.
  w.env.ELECTRON_RUN_AS_NODE = '1';
  w.env.NODE_OPTIONS = '--no-deprecation';
  try {
    const from = api.hits.length;
    const get = (url: string, method = 'GET') =>
      `node -e "fetch('${url}', {method:'${method}'}).then((r) => r.text(), (e) => 'ERR ' + (e.cause?.code ?? e.message)).then(console.log)"`;
    const cli = join(root, 'dist', 'airlock.js');
    const r = await airlockRun(
      w,
      [
        `${get(`https://backboard.railway.app:${api.port}/graphql/v2?query=%7Bme%7Bid%7D%7D`)} > out/get.txt`,
        `${get(`https://example.org:${api.port}/items/1`, 'DELETE')} > out/other.txt`,
        'echo "${ELECTRON_RUN_AS_NODE-unset}" > out/electron.txt',
        `node ${cli} --version > out/version.txt`,
        `node ${cli} run -c 'printenv NODE_OPTIONS' > out/nested.txt 2>&1`,
      ].join('; '),
    );
    assert.equal(r.code, 0, `${r.stderr}\n${r.stdout}`);
    assert.match(readOut(w, 'get.txt'), /"ok":true/);
    assert.match(readOut(w, 'other.txt'), /"ok":true/, 'a host that is no provider API is an opaque tunnel, and Node trusts it through NODE_EXTRA_CA_CERTS');
    assert.equal(readOut(w, 'electron.txt'), 'unset\n');
    assert.equal(readOut(w, 'version.txt').trim(), require('../../../package.json').version);
    const nested = readOut(w, 'nested.txt').trim();
    assert.equal(nested, `--no-deprecation --require "${join(root, 'dist', EGRESS_PRELOAD_FILE)}"`, "the person's own options first, the preload once");
    assert.equal(editor.shown.length, 0);
    assert.deepEqual(
      api.hits.slice(from).map((h) => h.method),
      ['GET', 'DELETE'],
    );
  } finally {
    await editor.close();
  }
});

test('through the warm gate too (the line it wraps runs with the same environment): every client stack is held', { timeout: 150_000 }, async () => {
  const w = workspace();
  delete w.env.AIRLOCK_EGRESS_WARM;
  const clients = writeClients(w);
  const editor = await startEditor(w, 'block');
  try {
    const first = await airlockRun(w, 'true');
    assert.equal(first.code, 0, first.stderr);
    assert.ok(
      readdirSync(w.env.AIRLOCK_RUNTIME_DIR!).some((n) => /^egress-[0-9a-f]+\.sock$/.test(n)),
      'a warm gate is up',
    );
    const from = api.hits.length;
    const r = await airlockRun(w, Object.values(clients).join('; '));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(editor.shown.length, CLIENTS.length);
    for (const client of CLIENTS) assert.match(readOut(w, `${client}.txt`), /blocked it in the editor/, client);
    assert.deepEqual(api.hits.slice(from), []);
  } finally {
    await editor.close();
  }
});
