import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sandboxedCommandEnv } from '../../../src/core/egress/command-env';
import { EGRESS_PRELOAD_FILE, EGRESS_PROXY_AGENT_FILE } from '../../../src/core/egress/preload-files';
import { ensureDist, root } from '../dist';

/**
 * The built preload on this Node (20, whose fetch ignores proxy variables), outside the sandbox:
 * a real CONNECT proxy that forwards any name to a local API, which the name itself cannot reach
 * (`api.invalid` has no address). sandbox-gate.test.ts runs the same preload inside the sandbox.
 */
let api: Server;
let proxy: Server;
let apiPort: number;
let proxyPort: number;
const tunnels: { target: string; auth: string | undefined }[] = [];
let scratch: string;
let preload: string;

before(async () => {
  ensureDist();
  preload = join(root, 'dist', EGRESS_PRELOAD_FILE);
  scratch = mkdtempSync(join(tmpdir(), 'airlock-node-preload-'));
  api = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end(`api saw ${req.method} ${req.url}`));
  });
  proxy = createServer();
  proxy.on('connect', (req, client, head) => {
    tunnels.push({ target: req.url ?? '', auth: req.headers['proxy-authorization'] });
    const upstream = connect(apiPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  for (const server of [api, proxy]) await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  apiPort = (api.address() as { port: number }).port;
  proxyPort = (proxy.address() as { port: number }).port;
});

after(async () => {
  for (const server of [api, proxy]) {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  }
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function node(script: string, env: NodeJS.ProcessEnv, cwd = scratch): Promise<{ code: number | null; out: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, ['-e', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      out += c;
    });
    child.on('close', (code) => resolvePromise({ code, out }));
  });
}

/** As the sandbox announces its proxy: credentials in the URL, percent-encoded base64 user. */
function proxied(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const url = `http://srt.dXNlcg%3D%3D:secret@127.0.0.1:${proxyPort}`;
  const { NODE_OPTIONS: _own, NO_PROXY: _n, no_proxy: _m, ...env } = process.env;
  return { ...env, HTTPS_PROXY: url, https_proxy: url, HTTP_PROXY: url, http_proxy: url, ...extra };
}

const post = (url: string) =>
  `fetch(${JSON.stringify(url)}, { method: 'POST', body: 'x' }).then((r) => r.text(), (e) => 'ERR ' + (e.cause?.code ?? e.message)).then((t) => console.log(t))`;

test("with the preload, Node 20's fetch goes through HTTPS_PROXY with the proxy's credentials; without it, it cannot reach the name at all", async () => {
  const before = tunnels.length;
  const withPreload = await node(post(`http://api.invalid:${apiPort}/graphql`), sandboxedCommandEnv(proxied(), preload));
  assert.equal(withPreload.code, 0, withPreload.out);
  assert.match(withPreload.out, /api saw POST \/graphql/);
  assert.deepEqual(tunnels.slice(before), [{ target: `api.invalid:${apiPort}`, auth: `Basic ${Buffer.from('srt.dXNlcg==:secret').toString('base64')}` }]);

  const without = await node(post(`http://api.invalid:${apiPort}/graphql`), sandboxedCommandEnv(proxied(), null));
  assert.match(without.out, /^ERR (ENOTFOUND|EAI_AGAIN)/, without.out);
  assert.equal(tunnels.length, before + 1, 'without the preload Node 20 ignored the proxy');
});

test('NO_PROXY is honoured, as the sandbox sets it for loopback', async () => {
  const before = tunnels.length;
  const r = await node(post(`http://127.0.0.1:${apiPort}/local`), sandboxedCommandEnv(proxied({ NO_PROXY: '127.0.0.1,localhost' }), preload));
  assert.match(r.out, /api saw POST \/local/);
  assert.equal(tunnels.length, before);
});

test('a Node program that never fetches parses the small preload only, and finds the slot untouched until it does', async () => {
  const script = [
    "const slot = Symbol.for('undici.globalDispatcher.1');",
    "const loaded = () => Object.keys(require.cache).some((k) => k.endsWith('egress-proxy-agent.js'));",
    'const lazy = typeof Object.getOwnPropertyDescriptor(globalThis, slot).get;',
    'const before = loaded();',
    'globalThis[slot];',
    'console.log(JSON.stringify({ lazy, before, after: loaded(), dispatches: typeof globalThis[slot].dispatch }));',
  ].join('\n');
  const r = await node(script, sandboxedCommandEnv(proxied(), preload));
  assert.equal(r.code, 0, r.out);
  const seen = JSON.parse(r.out);
  assert.equal(seen.lazy, 'function');
  assert.equal(seen.before, false, 'the proxy agent is loaded only when fetch first reads the slot');
  assert.equal(seen.after, true);
  assert.equal(seen.dispatches, 'function');
});

test('nothing changes without a proxy variable (a Node program outside the sandbox)', async () => {
  const { HTTPS_PROXY: _a, https_proxy: _b, HTTP_PROXY: _c, http_proxy: _d, ALL_PROXY: _e, all_proxy: _f, ...plain } = process.env;
  const r = await node(
    `console.log(String(Object.getOwnPropertyDescriptor(globalThis, Symbol.for('undici.globalDispatcher.1')))); ${post(`http://127.0.0.1:${apiPort}/direct`)}`,
    { ...plain, NODE_OPTIONS: `--require "${preload}"` },
  );
  assert.match(r.out, /^undefined\napi saw POST \/direct/, r.out);
});

test('a dispatcher an earlier preload put in the slot is left alone', async () => {
  const first = join(scratch, 'first.js');
  writeFileSync(
    first,
    "Object.defineProperty(globalThis, Symbol.for('undici.globalDispatcher.1'), { value: { mine: true, dispatch() {} }, writable: true, enumerable: false, configurable: false });\n",
  );
  const env = sandboxedCommandEnv(proxied({ NODE_OPTIONS: `--require "${first}"` }), preload);
  assert.match(env.NODE_OPTIONS!, /first\.js" --require "[^"]+egress-preload\.js"$/);
  const r = await node("console.log(globalThis[Symbol.for('undici.globalDispatcher.1')].mine === true)", env);
  assert.equal(r.out.trim(), 'true', r.out);
});

test("a program that sets its own global dispatcher (undici's setGlobalDispatcher) still can, and its choice is used", async () => {
  const before = tunnels.length;
  const r = await node(
    `const u = require('undici'); u.setGlobalDispatcher(new u.Agent()); ${post(`http://127.0.0.1:${apiPort}/own`)}`,
    sandboxedCommandEnv(proxied(), preload),
    root,
  );
  assert.match(r.out, /api saw POST \/own/, r.out);
  assert.equal(tunnels.length, before, 'its own direct agent, not the proxy');
});

test("a preload whose proxy agent is missing breaks nothing: Node's own agent is used, which inside the sandbox cannot connect", async () => {
  const alone = join(scratch, 'alone with space');
  mkdirSync(alone);
  copyFileSync(preload, join(alone, EGRESS_PRELOAD_FILE));
  const before = tunnels.length;
  const r = await node(post(`http://127.0.0.1:${apiPort}/fallback`), sandboxedCommandEnv(proxied(), join(alone, EGRESS_PRELOAD_FILE)));
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /api saw POST \/fallback/);
  assert.equal(tunnels.length, before);
  // The same preload beside its agent, from a folder with a space in its name: one NODE_OPTIONS word.
  copyFileSync(join(root, 'dist', EGRESS_PROXY_AGENT_FILE), join(alone, EGRESS_PROXY_AGENT_FILE));
  const quoted = await node(post(`http://api.invalid:${apiPort}/spaced`), sandboxedCommandEnv(proxied(), join(alone, EGRESS_PRELOAD_FILE)));
  assert.match(quoted.out, /api saw POST \/spaced/, quoted.out);
});
