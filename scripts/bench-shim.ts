// npm run bench:shim — what Airlock's terminal shim adds to a benign call of a guarded tool.
// Alternates the real binary and the same call through the shim (with the launcher's generated
// fast path), many times, and prints the medians side by side. Also times a call the fast path
// cannot settle (it starts the CLI), for scale. Needs `npm run build` (dist/launcher/prefilter.sh).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { shellPrefilter } from '../src/extension/terminal/prefilter-source';
import { writeShimFolder } from '../src/extension/terminal/shim-folder';

const root = resolve(__dirname, '..');
const prefilterFile = join(root, 'dist/launcher/prefilter.sh');
if (!existsSync(prefilterFile)) spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { stdio: 'inherit', cwd: root });
const prefilter = shellPrefilter(prefilterFile);
if (!prefilter) throw new Error('no fast path in dist/launcher/prefilter.sh: run npm run build');

const which = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
if (!which) throw new Error('git is not installed: the benchmark calls `git --version`');
const dir = mkdtempSync(join(tmpdir(), 'airlock-bench-shim-'));
const shims = join(dir, 'shims');
writeShimFolder(shims, ['git'], join(root, 'dist/launcher/airlock'), prefilter);
// The floor: the cheapest possible wrapper, a shell that only execs the binary.
const floorShim = join(dir, 'exec-only');
writeFileSync(floorShim, `#!/bin/sh\nexec '${which}' "$@"\n`, { mode: 0o755 });
const env = { ...process.env, PATH: `${shims}:${process.env.PATH}` };

function time(file: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(file, args, { env, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

const runs = Number(process.env.BENCH_RUNS ?? 200);
const direct: number[] = [];
const shimmed: number[] = [];
const floor: number[] = [];
for (let i = 0; i < 20; i++) {
  time(which, ['--version']);
  time(join(shims, 'git'), ['--version']);
  time(floorShim, ['--version']);
}
for (let i = 0; i < runs; i++) {
  direct.push(time(which, ['--version']));
  shimmed.push(time(join(shims, 'git'), ['--version']));
  floor.push(time(floorShim, ['--version']));
}
const slow: number[] = [];
for (let i = 0; i < 10; i++) {
  const start = process.hrtime.bigint();
  // `push` is a trigger word: the shim asks `airlock gate`, which runs the full check in Node.
  spawnSync(join(shims, 'git'), ['push', '--dry-run', 'origin', 'nothing-here'], {
    env: { ...env, AIRLOCK_RUNTIME_DIR: join(dir, 'run') },
    stdio: 'ignore',
    cwd: dir,
  });
  slow.push(Number(process.hrtime.bigint() - start) / 1e6);
}
rmSync(dir, { recursive: true, force: true });

const d = median(direct);
const s = median(shimmed);
const f = median(floor);
console.log(`bench:shim  ${runs} alternating runs of \`git --version\` (benign), medians; load average ${loadavg()[0]!.toFixed(1)}:`);
console.log(`  real binary                    ${d.toFixed(2)} ms`);
console.log(`  through Airlock shim           ${s.toFixed(2)} ms   overhead ${(s - d).toFixed(2)} ms (goal ≤ 5 ms)`);
console.log(`  through an exec-only sh script ${f.toFixed(2)} ms   overhead ${(f - d).toFixed(2)} ms (the floor for any shim)`);
console.log(`  full check (fast path cannot settle \`git push …\`, no editor): ${median(slow).toFixed(1)} ms median of ${slow.length}`);
