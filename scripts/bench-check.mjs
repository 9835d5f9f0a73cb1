// npm run bench:check — the command guard's figures, side by side with the peer cc-safety-net:
//  1. in-process time per command over the whole corpus (ours + dcg's): p50 / p99 / max (goal p99 ≤ 1 ms);
//  2. whole-process time of `airlock hook claude` (the launcher, dist/launcher/airlock) on a benign
//     payload vs cc-safety-net run as a Claude Code hook on the same payload, alternating, ratio of
//     medians (goal ≤ 0.5); a bare `node -e 0` for reference;
//  3. detection on our corpus: how many of its ask/deny cases each guard stops, and how many of its
//     allow cases each lets through.
// Run with tsx (the package script does): it imports the TypeScript engine directly.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);

const { checkCommandSync, guardTriggers } = await import('../src/core/guard/engine.ts');
const { needsFullCheck } = await import('../src/core/guard/fastpath/prefilter.ts');
const { loadShellParser } = await import('../src/core/shell/parser.ts');
const { corpusFiles, loadCorpus, CORPUS_OPTIONS } = await import('../test/unit/guard/corpus-files.ts');
const { loadDcgCorpus } = await import('../test/unit/guard/dcg-corpus.ts');

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];
const median = (values) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
const ms = (v) => `${v.toFixed(3)} ms`;

// --- 1. in-process --------------------------------------------------------------------------
await loadShellParser();
const ours = corpusFiles().flatMap((f) => loadCorpus(f).map(([expected, line]) => ({ expected, line })));
const lines = [...ours.map((c) => c.line), ...loadDcgCorpus().map((c) => c.command)];
for (const line of lines) checkCommandSync(line, CORPUS_OPTIONS); // warm-up: JIT, caches
// Each line's time is the median of 5 runs: one run per line mostly measures the machine's noise.
const times = [];
for (const line of lines) {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    checkCommandSync(line, CORPUS_OPTIONS);
    runs.push(performance.now() - start);
  }
  times.push(median(runs));
}
times.sort((a, b) => a - b);
console.log(
  `Machine: ${(await import('node:os')).cpus().length} cores, load average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`\n1. In-process check over ${lines.length} command lines (our corpus ${ours.length} + dcg's), median of 5 runs each`);
console.log(`   p50 ${ms(percentile(times, 0.5))}   p99 ${ms(percentile(times, 0.99))}   max ${ms(times[times.length - 1])}   (goal: p99 ≤ 1 ms)`);
const settled = lines.filter((line) => !needsFullCheck(line, guardTriggers())).length;
console.log(
  `   settled by the fast path without parsing: ${settled} of ${lines.length} (${((100 * settled) / lines.length).toFixed(0)}%; the corpus is mostly destructive or look-alike lines)`,
);

// --- 2. whole process -----------------------------------------------------------------------
if (!existsSync(join(root, 'dist/launcher/airlock')) || !existsSync(join(root, 'dist/airlock.js'))) {
  spawnSync(process.execPath, [join(root, 'esbuild.mjs'), '--production'], { cwd: root, stdio: 'ignore' });
}
const work = mkdtempSync(join(tmpdir(), 'airlock-bench-'));
const payload = (command) =>
  JSON.stringify({
    session_id: 'bench',
    transcript_path: join(work, 't.jsonl'),
    cwd: work,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command, description: 'bench' },
  });
const benign = payload('git status');
const guarded = payload('git push origin main');
const peerHook = join(root, 'node_modules/cc-safety-net/dist/bin/hook.js');
const peerHome = mkdtempSync(join(tmpdir(), 'ccsn-home-'));
const launcher = join(root, 'dist/launcher/airlock');

function timeProcess(command, args, input, env = {}) {
  const start = performance.now();
  const result = spawnSync(command, args, { input, encoding: 'utf8', env: { ...process.env, ...env } });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { elapsed, stdout: result.stdout };
}

const contenders = {
  'airlock hook claude (launcher, benign: fast path)': () => timeProcess('sh', [launcher, 'hook', 'claude'], benign),
  'cc-safety-net hook --claude-code (benign)': () => timeProcess(process.execPath, [peerHook, '--claude-code'], benign, { HOME: peerHome }),
  'airlock hook claude (launcher, full check in Node)': () => timeProcess('sh', [launcher, 'hook', 'claude'], guarded),
  'node -e 0': () => timeProcess(process.execPath, ['-e', '0'], ''),
};
const samples = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
for (let i = 0; i < RUNS; i++) {
  // Alternate the order each round so neither side always runs on a warmer machine.
  const order = i % 2 === 0 ? Object.keys(contenders) : Object.keys(contenders).reverse();
  for (const name of order) samples[name].push(contenders[name]().elapsed);
}
const benignAnswer = contenders['airlock hook claude (launcher, benign: fast path)']().stdout;
console.log(`\n2. Whole process, ${RUNS} alternating runs each (median / min)`);
for (const [name, values] of Object.entries(samples)) console.log(`   ${name.padEnd(52)} ${ms(median(values)).padStart(11)} / ${ms(Math.min(...values))}`);
const ratio = median(samples['airlock hook claude (launcher, benign: fast path)']) / median(samples['cc-safety-net hook --claude-code (benign)']);
console.log(`   ratio of medians, airlock / cc-safety-net on the benign payload: ${ratio.toFixed(2)}   (goal ≤ 0.5)`);
console.log(
  `   airlock's benign answer: ${benignAnswer === '' ? "exit 0, no output (defers to Claude Code's own permissions)" : JSON.stringify(benignAnswer)}`,
);

// --- 3. detection on our corpus -------------------------------------------------------------
const { checkCommand: peerCheck } = await import('cc-safety-net/api');
let oursCaught = 0;
let peerCaught = 0;
let positives = 0;
let oursPassed = 0;
let peerPassed = 0;
let negatives = 0;
const peerCwd = mkdtempSync(join(tmpdir(), 'ccsn-cwd-'));
for (const { expected, line } of ours) {
  const mine = checkCommandSync(line, CORPUS_OPTIONS).decision;
  let theirs;
  try {
    theirs = peerCheck({ command: line, cwd: peerCwd }).kind;
  } catch {
    theirs = 'deny';
  }
  if (expected === 'allow') {
    negatives++;
    if (mine === 'allow') oursPassed++;
    if (theirs === 'allow') peerPassed++;
  } else {
    positives++;
    if (mine !== 'allow') oursCaught++;
    if (theirs !== 'allow') peerCaught++;
  }
}
const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`;
console.log(`\n3. Our corpus: ${positives} destructive (ask/deny) and ${negatives} benign lines`);
console.log(
  `   stopped (destructive):      Airlock ${pct(oursCaught, positives)} (${oursCaught})   cc-safety-net ${pct(peerCaught, positives)} (${peerCaught})`,
);
console.log(
  `   let through (benign):       Airlock ${pct(oursPassed, negatives)} (${oursPassed})   cc-safety-net ${pct(peerPassed, negatives)} (${peerPassed})`,
);
