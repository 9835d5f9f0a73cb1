// `npm run bench:egress`: what the egress gate costs, measured in one run beside the direct path.
//   1. Added latency per benign request: the same Python client GETs a fake provider API (TLS, on
//      loopback) directly, then from inside `airlock run` where the request is decrypted, judged
//      and re-encrypted, and to a non-provider name there (an opaque tunnel, never decrypted).
//   2. Start-up: `airlock run -- true` against plain `true`, and against the engine's own `srt true`:
//      cold (`--cold`: the sandbox runtime started and stopped per command) and warm (the warm
//      gate already running for this folder, as for every agent command after the first).
//      And through the installed launcher (sh, no Node): how an agent's wrapped command starts.
//   3. Per-request latency of the warm gate itself: one wrap request on its socket.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { warmSocketPath } from '../src/core/egress/warm';
import { DEFAULT_PROTECTED_FILES } from '../src/core/tokens/protected-files';
import { refreshLauncher } from '../src/extension/protection/launcher-install';
import { makePki, makeWorkspace, requireSandbox, root, startFakeApi, stopWarmGates } from '../test/unit/egress/harness';

const REQUESTS = 200;
const STARTS = 15;

/** Runs a process without blocking this one: the fake API answers from this event loop. */
function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function quantiles(values: number[]): { p50: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

async function main(): Promise<void> {
  requireSandbox();
  const cli = join(root, 'dist', 'airlock.js');
  if (!existsSync(cli) || statSync(cli).mtimeMs < Date.now() - 10 * 60_000) {
    const build = spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  }
  const pki = makePki();
  const api = await startFakeApi(pki);
  const w = makeWorkspace(pki, api);
  try {
    // The client: one new HTTPS connection per request, as curl, requests or urllib make them.
    // Two clients: one new HTTPS connection per request (curl, urllib), and one kept-alive
    // connection for all requests (SDKs). Through the proxy when HTTPS_PROXY is set (inside).
    writeFileSync(
      join(w.ws, 'client.py'),
      [
        'import base64, http.client, json, os, ssl, sys, time, urllib.parse, urllib.request',
        'url, n, out, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]',
        'u = urllib.parse.urlsplit(url)',
        'times = []',
        'def keepalive():',
        '    ctx = ssl.create_default_context()',
        '    proxy = os.environ.get("https_proxy") or os.environ.get("HTTPS_PROXY")',
        '    if proxy:',
        '        p = urllib.parse.urlsplit(proxy)',
        '        conn = http.client.HTTPSConnection(p.hostname, p.port, context=ctx)',
        '        auth = base64.b64encode(("%s:%s" % (urllib.parse.unquote(p.username or ""), urllib.parse.unquote(p.password or ""))).encode()).decode()',
        '        conn.set_tunnel(u.hostname, u.port, headers={"Proxy-Authorization": "Basic " + auth})',
        '    else:',
        '        conn = http.client.HTTPSConnection(u.hostname, u.port, context=ctx)',
        '    return conn',
        'conn = keepalive() if mode == "keepalive" else None',
        'for i in range(n):',
        '    t = time.perf_counter()',
        '    if conn:',
        '        conn.request("GET", u.path)',
        '        conn.getresponse().read()',
        '    else:',
        '        urllib.request.urlopen(url).read()',
        '    times.append((time.perf_counter() - t) * 1000)',
        'open(out, "w").write(json.dumps(times[1:] if conn else times))',
      ].join('\n'),
    );
    // The direct client trusts as many roots as the sandboxed one (the system's plus the test CA).
    const bundle = join(w.base, 'bundle.pem');
    writeFileSync(
      bundle,
      `${existsSync('/etc/ssl/certs/ca-certificates.crt') ? readFileSync('/etc/ssl/certs/ca-certificates.crt', 'utf8') : ''}\n${readFileSync(pki.ca, 'utf8')}`,
    );
    for (const mode of ['new', 'keepalive']) {
      const direct = await run('python3', ['client.py', `https://127.0.0.1:${api.port}/health`, String(REQUESTS), `out/direct-${mode}.json`, mode], w.ws, {
        ...w.env,
        SSL_CERT_FILE: bundle,
      });
      if (direct.code !== 0) throw new Error(`direct client failed: ${direct.stderr}`);
    }
    const preload = pathToFileURL(join(root, 'test', 'unit', 'egress', 'fixtures', 'resolve-hosts.mjs')).href;
    const inside = await run(
      process.execPath,
      [
        '--import',
        preload,
        cli,
        'run',
        '-c',
        ['new', 'keepalive']
          .map(
            (m) =>
              `python3 client.py "https://backboard.railway.app:$PORT/health" ${REQUESTS} out/gate-${m}.json ${m} && python3 client.py "https://example.org:$PORT/health" ${REQUESTS} out/opaque-${m}.json ${m}`,
          )
          .join(' && '),
      ],
      w.ws,
      w.env,
    );
    if (inside.code !== 0) throw new Error(`sandboxed client failed: ${inside.stderr}`);
    const read = (name: string) => JSON.parse(spawnSync('cat', [join(w.ws, 'out', name)], { encoding: 'utf8' }).stdout) as number[];
    for (const [mode, title] of [
      ['new', 'a new TLS connection per request (urllib, like curl)'],
      ['keepalive', 'one kept-alive connection (http.client, like an SDK)'],
    ] as const) {
      const d = quantiles(read(`direct-${mode}.json`));
      const g = quantiles(read(`gate-${mode}.json`));
      const o = quantiles(read(`opaque-${mode}.json`));
      console.log(`benign GET, ${REQUESTS} requests, ${title}:`);
      console.log(`  direct (no sandbox)              p50 ${fmt(d.p50)}  p99 ${fmt(d.p99)}`);
      console.log(
        `  provider host through the gate   p50 ${fmt(g.p50)}  p99 ${fmt(g.p99)}   added: p50 +${fmt(g.p50 - d.p50)}, p99 +${fmt(g.p99 - d.p99)}   (goal: ≤ 5 ms p50)`,
      );
      console.log(`  other host, opaque tunnel        p50 ${fmt(o.p50)}  p99 ${fmt(o.p99)}   added: p50 +${fmt(o.p50 - d.p50)}, p99 +${fmt(o.p99 - d.p99)}`);
    }
    const time = (file: string, args: string[], env: NodeJS.ProcessEnv) => {
      const runs: number[] = [];
      for (let i = 0; i < STARTS; i++) {
        const t = process.hrtime.bigint();
        const r = spawnSync(file, args, { cwd: w.ws, env, stdio: 'ignore' });
        if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${r.status}`);
        runs.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      return quantiles(runs);
    };
    const plain = time('true', [], w.env);
    const node = time(process.execPath, ['-e', '0'], w.env);
    const srt = time(process.execPath, [join(root, 'node_modules', '@anthropic-ai', 'sandbox-runtime', 'dist', 'cli.js'), 'true'], w.env);
    const cold = time(process.execPath, [cli, 'run', '--cold', '--', 'true'], w.env);
    const warmEnv = { ...w.env };
    delete warmEnv.AIRLOCK_EGRESS_WARM;
    // The first warm run starts the gate (and is not counted); the rest find it running.
    const t0 = process.hrtime.bigint();
    const first = spawnSync(process.execPath, [cli, 'run', '--', 'true'], { cwd: w.ws, env: warmEnv, stdio: 'ignore' });
    const firstMs = Number(process.hrtime.bigint() - t0) / 1e6;
    if (first.status !== 0) throw new Error('airlock run (warm) failed');
    const warm = time(process.execPath, [cli, 'run', '--', 'true'], warmEnv);
    // The launcher as the editor installs it (what agents' wrapped commands start): its first
    // command goes through the CLI and starts a gate of its own settings; the rest take the
    // launcher's path to that gate (no Node).
    const { paths } = refreshLauncher(join(root, 'dist'), join(w.base, 'storage'), DEFAULT_PROTECTED_FILES, warmEnv);
    writeFileSync(join(paths.binDir, 'egress.json'), JSON.stringify({ wrap: false, runtime: require.resolve('@anthropic-ai/sandbox-runtime') }));
    if (spawnSync(paths.launcher, ['run', '--', 'true'], { cwd: w.ws, env: warmEnv, stdio: 'ignore' }).status !== 0)
      throw new Error('the launcher could not run');
    const launched = time(paths.launcher, ['run', '--', 'true'], warmEnv);
    const bwrapAlone = time(
      'bwrap',
      ['--unshare-net', '--unshare-pid', '--unshare-user', '--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', 'true'],
      warmEnv,
    );
    // One wrap request on the gate's socket, as `airlock run` sends it (the command not run).
    const socket = warmSocketPath({ cwd: w.ws, env: warmEnv, requester: 'cli', relaunch: { execPath: process.execPath, args: [cli] } });
    const asks: number[] = [];
    for (let i = 0; i < REQUESTS / 4; i++) {
      const t = process.hrtime.bigint();
      const reply = await new Promise<string>((resolve) => {
        const s = connect(socket);
        let got = '';
        s.on('data', (c) => {
          got += c;
          if (got.includes('\n')) {
            s.end();
            resolve(got);
          }
        });
        s.on('error', () => resolve(''));
        s.write(`${JSON.stringify({ line: 'true' })}\n`);
      });
      if (!reply.includes('"wrapped"')) throw new Error(`the warm gate did not answer: ${reply}`);
      asks.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const ask = quantiles(asks);
    stopWarmGates(w);
    console.log(`start-up, ${STARTS} runs each (median):`);
    console.log(`  true                                  ${fmt(plain.p50)}`);
    console.log(`  node -e 0 (the runtime alone)         ${fmt(node.p50)}`);
    console.log(`  srt true (the engine's CLI)           ${fmt(srt.p50)}`);
    console.log(`  airlock run --cold -- true            ${fmt(cold.p50)}   added over true: +${fmt(cold.p50 - plain.p50)}`);
    console.log(
      `  airlock run -- true, warm gate up     ${fmt(warm.p50)}   added over true: +${fmt(warm.p50 - plain.p50)} (goal: ≤ 40 ms); over node -e 0: +${fmt(warm.p50 - node.p50)}`,
    );
    console.log(
      `  launcher run -- true, warm gate up    ${fmt(launched.p50)}   added over true: +${fmt(launched.p50 - plain.p50)} (goal: ≤ 40 ms); p99 ${fmt(launched.p99)}`,
    );
    console.log(`  airlock run -- true, first in folder  ${fmt(firstMs)}   (starts the warm gate)`);
    console.log(`  bwrap alone (namespaces, no proxy)    ${fmt(bwrapAlone.p50)}`);
    console.log(`warm gate, one wrap request on its socket, ${asks.length} requests: p50 ${fmt(ask.p50)}  p99 ${fmt(ask.p99)}`);
  } finally {
    await api.close();
    rmSync(w.base, { recursive: true, force: true });
    rmSync(pki.dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench:egress failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
