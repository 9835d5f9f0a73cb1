// `npm run bench:egress`: what the egress gate costs, measured in one run beside the direct path.
//   1. Added latency per benign request: the same Python client GETs a fake provider API (TLS, on
//      loopback) directly, then from inside `airlock run` where the request is decrypted, judged
//      and re-encrypted, and to a non-provider name there (an opaque tunnel, never decrypted).
//   2. Start-up: `airlock run -- true` against plain `true`, and against the engine's own `srt true`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makePki, makeWorkspace, requireSandbox, root, startFakeApi } from '../test/unit/egress/harness';

const REQUESTS = 200;
const STARTS = 15;

/** Runs a process without blocking this one: the fake API answers from this event loop. */
function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => { stderr += c; });
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
    writeFileSync(join(w.ws, 'client.py'), [
      'import json, ssl, sys, time, urllib.request',
      'url, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]',
      'times = []',
      'for i in range(n):',
      '    t = time.perf_counter()',
      '    urllib.request.urlopen(url).read()',
      '    times.append((time.perf_counter() - t) * 1000)',
      'open(out, "w").write(json.dumps(times))',
    ].join('\n'));
    const direct = await run('python3', ['client.py', `https://127.0.0.1:${api.port}/health`, String(REQUESTS), 'out/direct.json'], w.ws, { ...w.env, SSL_CERT_FILE: pki.ca });
    if (direct.code !== 0) throw new Error(`direct client failed: ${direct.stderr}`);
    const preload = pathToFileURL(join(root, 'test', 'unit', 'egress', 'fixtures', 'resolve-hosts.mjs')).href;
    const inside = await run(process.execPath, ['--import', preload, cli, 'run', '-c',
      `python3 client.py "https://backboard.railway.app:$PORT/health" ${REQUESTS} out/gate.json && python3 client.py "https://example.org:$PORT/health" ${REQUESTS} out/opaque.json`,
    ], w.ws, w.env);
    if (inside.code !== 0) throw new Error(`sandboxed client failed: ${inside.stderr}`);
    const read = (name: string) => JSON.parse(spawnSync('cat', [join(w.ws, 'out', name)], { encoding: 'utf8' }).stdout) as number[];
    const d = quantiles(read('direct.json'));
    const g = quantiles(read('gate.json'));
    const o = quantiles(read('opaque.json'));
    console.log(`benign GET, ${REQUESTS} requests each, new TLS connection per request (python urllib):`);
    console.log(`  direct (no sandbox)              p50 ${fmt(d.p50)}  p99 ${fmt(d.p99)}`);
    console.log(`  provider host through the gate   p50 ${fmt(g.p50)}  p99 ${fmt(g.p99)}   added: p50 +${fmt(g.p50 - d.p50)}, p99 +${fmt(g.p99 - d.p99)}   (goal: ≤ 5 ms p50)`);
    console.log(`  other host, opaque tunnel        p50 ${fmt(o.p50)}  p99 ${fmt(o.p99)}   added: p50 +${fmt(o.p50 - d.p50)}, p99 +${fmt(o.p99 - d.p99)}`);

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
    const srt = time(process.execPath, [join(root, 'node_modules', '@anthropic-ai', 'sandbox-runtime', 'dist', 'cli.js'), 'true'], w.env);
    const ours = time(process.execPath, [cli, 'run', '--', 'true'], w.env);
    const node = time(process.execPath, ['-e', '0'], w.env);
    console.log(`start-up, ${STARTS} runs each (median):`);
    console.log(`  true                          ${fmt(plain.p50)}`);
    console.log(`  node -e 0                     ${fmt(node.p50)}`);
    console.log(`  srt true (the engine's CLI)   ${fmt(srt.p50)}`);
    console.log(`  airlock run -- true           ${fmt(ours.p50)}   added over true: +${fmt(ours.p50 - plain.p50)} (goal: ≤ 40 ms); over srt: +${fmt(ours.p50 - srt.p50)}`);
  } finally {
    await api.close();
    rmSync(w.base, { recursive: true, force: true });
    rmSync(pki.dir, { recursive: true, force: true });
  }
}

main().catch((error) => { console.error(`bench:egress failed: ${error instanceof Error ? error.message : error}`); process.exit(1); });
