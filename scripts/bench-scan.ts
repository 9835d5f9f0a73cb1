// npm run bench:scan — throughput of Airlock's token scan against secretlint (recommended
// preset) on the same files of this project's node_modules, alternating runs, plus recall and
// false alarms on the planted/negative fixture. Figures only: no pass/fail.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { detectInText } from '../src/core/tokens/detect';
import { readTextBounded } from '../src/core/tokens/files';
import { WorkspaceScanner } from '../src/core/tokens/scan';
import { printTokenRecall } from './token-recall';

const root = resolve(__dirname, '..');
const MAX_BYTES = 1024 * 1024;
const maxFiles = Number(process.env.BENCH_MAX_FILES ?? 4000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

function isText(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return !buf.subarray(0, n).includes(0);
  } finally { closeSync(fd); }
}

function collect(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, out);
    else if (entry.isFile()) {
      const size = statSync(path).size;
      if (size > 0 && size <= MAX_BYTES && isText(path)) out.push(path);
    }
  }
}

const all: string[] = [];
collect(join(root, 'node_modules'), all);
all.sort();
// An even spread over the whole tree, so every package family is represented.
const step = Math.max(1, all.length / maxFiles);
const files = all.length <= maxFiles ? all : Array.from({ length: maxFiles }, (_, i) => all[Math.floor(i * step)]!);
const totalBytes = files.reduce((sum, f) => sum + statSync(f).size, 0);

async function airlock(): Promise<number> {
  let findings = 0;
  for (const file of files) {
    const read = await readTextBounded(file, MAX_BYTES);
    if (read.ok) findings += detectInText(read.text, { fileName: file }).length;
  }
  return findings;
}

/** Lines of secretlint's findings in one file. */
type Lint = (file: string, content: string) => Promise<number[]>;

async function loadSecretlint(): Promise<Lint> {
  const { lintSource } = await import('@secretlint/core');
  const { creator } = await import('@secretlint/secretlint-rule-preset-recommend');
  return async (file, content) => {
    // A fresh config per call, as secretlint's own CLI builds one per run: reusing one object
    // across thousands of calls makes every later call slower (state accumulates in it).
    const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] };
    const result = await lintSource({ source: { content, filePath: file, ext: extname(file), contentType: 'text' }, options: { config: config as never, maskSecrets: true } });
    return result.messages.map((m) => m.loc.start.line);
  };
}

async function secretlint(lint: Lint): Promise<number> {
  let findings = 0;
  for (const file of files) findings += (await lint(file, await readFile(file, 'utf8'))).length;
  return findings;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function time(fn: () => Promise<number>): Promise<{ ms: number; findings: number }> {
  const start = process.hrtime.bigint();
  const findings = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, findings };
}

async function recall(): Promise<void> {
  const fixtures = join(root, 'test/fixtures/tokens');
  const expected = JSON.parse(readFileSync(join(fixtures, 'expected.json'), 'utf8')) as Array<{ file: string; line: number; type: string }>;
  const planted = (await new WorkspaceScanner(join(fixtures, 'planted')).scanAll()).findings;
  const hits = expected.filter((e) => planted.some((f) => `planted/${f.file}` === e.file && f.line === e.line));
  const negatives = await new WorkspaceScanner(join(fixtures, 'negatives')).scanAll();
  const lint = await loadSecretlint();
  let slHits = 0;
  for (const e of expected) {
    const path = join(fixtures, e.file);
    if ((await lint(path, await readFile(path, 'utf8'))).includes(e.line)) slHits++;
  }
  let slFalse = 0;
  for (const name of readdirSync(join(fixtures, 'negatives'))) {
    const path = join(fixtures, 'negatives', name);
    if (!statSync(path).isFile()) continue;
    slFalse += (await lint(path, await readFile(path, 'utf8'))).length;
  }
  console.log('');
  console.log(`Fixture (${relative(root, fixtures)}): ${expected.length} planted tokens, ${negatives.filesScanned} negative files`);
  console.log(`  ${'tool'.padEnd(12)} ${'recall'.padStart(16)} ${'false alarms'.padStart(14)}`);
  console.log(`  ${'airlock'.padEnd(12)} ${`${hits.length}/${expected.length} (${fmt((100 * hits.length) / expected.length, 1)}%)`.padStart(16)} ${String(negatives.findings.length).padStart(14)}`);
  console.log(`  ${'secretlint'.padEnd(12)} ${`${slHits}/${expected.length} (${fmt((100 * slHits) / expected.length, 1)}%)`.padStart(16)} ${String(slFalse).padStart(14)}`);
}

/** One timed pass in a fresh process, so neither tool inherits the other's heap or JIT state. */
function pass(tool: 'airlock' | 'secretlint'): { ms: number; findings: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', __filename, '--worker', tool], { cwd: root, env: { ...process.env, BENCH_MAX_FILES: String(maxFiles) }, maxBuffer: 1 << 20 });
  return JSON.parse(out.toString().trim().split('\n').pop()!);
}

async function worker(tool: string): Promise<void> {
  const result = tool === 'airlock' ? await time(airlock) : await time(async () => secretlint(await loadSecretlint()));
  console.log(JSON.stringify(result));
}

async function main(): Promise<void> {
  console.log(`Files: ${fmt(files.length)} text files of node_modules (of ${fmt(all.length)}, each <= 1 MiB), ${fmt(totalBytes / 1e6, 1)} MB; ${rounds} alternating rounds, each pass in a fresh process`);
  const a: number[] = [];
  const s: number[] = [];
  let aFindings = 0;
  let sFindings = 0;
  for (let i = 0; i < rounds; i++) {
    const ra = pass('airlock');
    a.push(ra.ms); aFindings = ra.findings;
    const rs = pass('secretlint');
    s.push(rs.ms); sFindings = rs.findings;
    console.log(`  round ${i + 1}: airlock ${fmt(ra.ms)} ms, secretlint ${fmt(rs.ms)} ms`);
  }
  const row = (name: string, ms: number, findings: number) => `  ${name.padEnd(12)} ${fmt(ms).padStart(10)} ${fmt(files.length / (ms / 1000)).padStart(10)} ${fmt(totalBytes / 1e6 / (ms / 1000), 2).padStart(8)} ${String(findings).padStart(9)}`;
  console.log('');
  console.log(`  ${'tool'.padEnd(12)} ${'median ms'.padStart(10)} ${'files/s'.padStart(10)} ${'MB/s'.padStart(8)} ${'findings'.padStart(9)}`);
  console.log(row('airlock', median(a), aFindings));
  console.log(row('secretlint', median(s), sFindings));
  console.log(`  ratio of medians (secretlint / airlock): ${fmt(median(s) / median(a), 2)}x`);
  await recall();
  await printTokenRecall();
}

const workerAt = process.argv.indexOf('--worker');
(workerAt > 0 ? worker(process.argv[workerAt + 1]!) : main()).catch((error) => { console.error(error instanceof Error ? error.message : error); process.exit(1); });
