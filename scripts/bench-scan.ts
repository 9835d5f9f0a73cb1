// npm run bench:scan — throughput of Airlock's token scan against secretlint (recommended
// preset) on the same files of this project's node_modules, alternating runs, plus recall and
// false alarms on the planted/negative fixture. Figures only: no pass/fail.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { HINT, HINT_WORDS } from '../src/core/tokens/assignments';
import { detectInText } from '../src/core/tokens/detect';
import { readTextBounded } from '../src/core/tokens/files';
import { KeywordScanner } from '../src/core/tokens/keyword-scan';
import { allRules } from '../src/core/tokens/rules/index';
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
  } finally {
    closeSync(fd);
  }
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

const treeArg = process.argv.indexOf('--files-from');
const all: string[] = [];
if (treeArg > 0) collect(process.argv[treeArg + 1]!, all);
else collect(join(root, 'node_modules'), all);
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

/** Lines of secretlint's findings in one file (with the rule of each, when `rules` is given). */
type Lint = (file: string, content: string, rules?: string[]) => Promise<number[]>;

async function loadSecretlint(): Promise<Lint> {
  const { lintSource } = await import('@secretlint/core');
  const { creator } = await import('@secretlint/secretlint-rule-preset-recommend');
  return async (file, content, rules) => {
    // A fresh config per call, as secretlint's own CLI builds one per run: reusing one object
    // across thousands of calls makes every later call slower (state accumulates in it).
    const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] };
    const result = await lintSource({
      source: { content, filePath: file, ext: extname(file), contentType: 'text' },
      options: { config: config as never, maskSecrets: true },
    });
    rules?.push(...result.messages.map((m) => m.ruleId.replace('@secretlint/secretlint-rule-', '')));
    return result.messages.map((m) => m.loc.start.line);
  };
}

/** secretlint's findings as `file:line rule`, relative to the tree given with --files-from. */
const secretlintFound: string[] = [];

async function secretlint(lint: Lint): Promise<number> {
  let findings = 0;
  const base = treeArg > 0 ? process.argv[treeArg + 1]! : root;
  for (const file of files) {
    const rules: string[] = [];
    const lines = await lint(file, await readFile(file, 'utf8'), rules);
    findings += lines.length;
    for (const [i, line] of lines.entries()) secretlintFound.push(`${relative(base, file)}:${line} ${rules[i]}`);
  }
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
  console.log(
    `  ${'airlock'.padEnd(12)} ${`${hits.length}/${expected.length} (${fmt((100 * hits.length) / expected.length, 1)}%)`.padStart(16)} ${String(negatives.findings.length).padStart(14)}`,
  );
  console.log(
    `  ${'secretlint'.padEnd(12)} ${`${slHits}/${expected.length} (${fmt((100 * slHits) / expected.length, 1)}%)`.padStart(16)} ${String(slFalse).padStart(14)}`,
  );
}

/** One timed pass in a fresh process, so neither tool inherits the other's heap or JIT state. */
function pass(tool: 'airlock' | 'secretlint', filesFrom?: string, max = maxFiles): { ms: number; findings: number; found: string[] } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', __filename, '--worker', tool, ...(filesFrom ? ['--files-from', filesFrom] : [])], {
    cwd: root,
    env: { ...process.env, BENCH_MAX_FILES: String(max) },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.toString().trim().split('\n').pop()!);
}

async function worker(tool: string): Promise<void> {
  const result = tool === 'airlock' ? await time(airlock) : await time(async () => secretlint(await loadSecretlint()));
  console.log(JSON.stringify({ ...result, found: secretlintFound }));
}

/** A copy of part of node_modules (packages in name order up to `mb`), made once and reused. */
function treeCopy(name: string, mb: number, maxPackageMb = Infinity): { dir: string; bytes: number; count: number } {
  const dir = join(tmpdir(), `airlock-bench-${name}-${mb}mb`);
  if (!existsSync(join(dir, '.complete'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    let total = 0;
    // Native binaries (the biome and esbuild executables) are not what a token scan is about.
    for (const entry of readdirSync(join(root, 'node_modules')).sort()) {
      if (total >= mb * 1e6) break;
      if (entry === '.bin' || entry === '@biomejs' || entry === '@esbuild' || entry.startsWith('.')) continue;
      const size = Number(
        execFileSync('du', ['-sb', join(root, 'node_modules', entry)])
          .toString()
          .split('\t')[0],
      );
      if (size > maxPackageMb * 1e6 || total + size > mb * 1e6 * 1.2) continue;
      cpSync(join(root, 'node_modules', entry), join(dir, entry), { recursive: true, dereference: false, verbatimSymlinks: true });
      total += size;
    }
    writeFileSync(join(dir, '.complete'), '');
  }
  const list: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) list.push(p);
    }
  };
  walk(dir);
  return { dir, bytes: list.reduce((n, f) => n + statSync(f).size, 0), count: list.length };
}

/**
 * CPU seconds used by this process's finished children (Linux: cutime + cstime of /proc/self/stat),
 * or undefined elsewhere. On a shared machine wall time swings with the load; CPU time much less.
 */
function childrenCpu(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    // After the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/** `airlock scan` as a user runs it (the CLI bundle), whole process; the reader chosen by env. */
function cliScan(dir: string, env: Record<string, string>): { ms: number; cpu?: number; findings: number; json: string; lines: string[] } {
  const cpuBefore = childrenCpu();
  const start = process.hrtime.bigint();
  const out = spawnSync(process.execPath, [join(root, 'dist/airlock.js'), 'scan', '--no-default-excludes', '--json', dir], {
    env: { ...process.env, ...env },
    maxBuffer: 256 << 20,
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuAfter = childrenCpu();
  const findings = (JSON.parse(out.stdout) as { findings: Array<{ file: string; line: number; type: string }> }).findings;
  const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
  return { ms, cpu, findings: findings.length, json: JSON.stringify(findings), lines: findings.map((f) => `${f.file}:${f.line} ${f.type}`) };
}

const load = () => loadavg()[0]!.toFixed(2);

async function trees(): Promise<void> {
  if (!existsSync(join(root, 'dist/airlock.js'))) spawnSync(process.execPath, [join(root, 'esbuild.mjs'), '--production'], { cwd: root, stdio: 'ignore' });
  const big = treeCopy('node_modules', Number(process.env.BENCH_TREE_MB ?? 240));
  const runs = Number(process.env.BENCH_TREE_RUNS ?? 3);
  console.log(
    `Tree: a copy of node_modules at ${big.dir}: ${fmt(big.count)} files, ${fmt(big.bytes / 1e6, 1)} MB (\`airlock scan --no-default-excludes\`, whole process, warm page cache)`,
  );
  const kinds: Array<[string, Record<string, string>]> = [
    ['plain reader (promise per file)', { AIRLOCK_SCAN_READER: 'plain', AIRLOCK_SCAN_WORKERS: '0' }],
    ['fast reader, one thread', { AIRLOCK_SCAN_WORKERS: '0' }],
    ['fast reader + worker threads', {}],
  ];
  cliScan(big.dir, {}); // warm the page cache
  const times = new Map<string, number[]>(kinds.map(([k]) => [k, []]));
  const cpus = new Map<string, number[]>(kinds.map(([k]) => [k, []]));
  const loads = new Map<string, string[]>(kinds.map(([k]) => [k, []]));
  const outputs = new Map<string, string>();
  for (let i = 0; i < runs; i++) {
    for (const [name, env] of i % 2 === 0 ? kinds : [...kinds].reverse()) {
      loads.get(name)!.push(load());
      const r = cliScan(big.dir, env);
      times.get(name)!.push(r.ms);
      if (r.cpu !== undefined) cpus.get(name)!.push(r.cpu);
      outputs.set(name, `${r.findings}:${r.json}`);
    }
  }
  console.log(
    `  ${'airlock'.padEnd(34)} ${'median ms'.padStart(10)} ${'MB/s'.padStart(8)} ${'best ms'.padStart(8)} ${'MB/s'.padStart(6)} ${'CPU s'.padStart(6)} ${'findings'.padStart(9)}  load (1 min) at each run`,
  );
  for (const [name] of kinds) {
    const ms = times.get(name)!;
    const cpu = cpus.get(name)!;
    console.log(
      `  ${name.padEnd(34)} ${fmt(median(ms)).padStart(10)} ${fmt(big.bytes / 1e6 / (median(ms) / 1000), 1).padStart(8)} ${fmt(Math.min(...ms)).padStart(8)} ${fmt(big.bytes / 1e6 / (Math.min(...ms) / 1000), 1).padStart(6)} ${(cpu.length > 0 ? fmt(median(cpu), 2) : 'n/a').padStart(6)} ${outputs.get(name)!.split(':')[0]!.padStart(9)}  ${loads.get(name)!.join(', ')}`,
    );
  }
  console.log(`  same findings from all three: ${new Set(outputs.values()).size === 1 ? 'yes' : 'NO'}`);
  // The keyword pass alone, in this process: the alternation regex it replaced vs Aho-Corasick.
  const keywords = [...new Set(allRules.flatMap((r) => r.keywords))].sort((a, b) => b.length - a.length);
  const regex = new RegExp(keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const raw = files.slice(0, 2000).map((f) => readFileSync(f));
  const texts = raw.map((b) => b.toString('utf8').toLowerCase());
  const textBytes = texts.reduce((n, t) => n + t.length, 0);
  const ac = new KeywordScanner(keywords);
  const acBytes = new KeywordScanner([...keywords, 'secret', 'kind'], HINT_WORDS);
  const viaRegex = () => {
    for (const t of texts) {
      regex.lastIndex = 0;
      for (let m = regex.exec(t); m; m = regex.exec(t)) regex.lastIndex = m.index + 1;
    }
  };
  const viaAc = () => {
    for (const t of texts) ac.find(t);
  };
  // Per file, what the scan ran before (decode, lowercase, Aho-Corasick, the assignment finder's
  // hint regex) and what it runs now: one pass over the bytes, case folded in the table, with the
  // hint words' sites.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const viaText = () => {
    for (const b of raw) {
      const lower = decoder.decode(b).toLowerCase();
      acBytes.find(lower);
      HINT.lastIndex = 0;
      while (HINT.exec(lower));
    }
  };
  const viaBytes = () => {
    for (const b of raw) acBytes.scanBytes(b);
  };
  const passes: Array<[string, () => void]> = [
    ['alternation regex (lowercased text)', viaRegex],
    ['Aho-Corasick (lowercased text)', viaAc],
    ['before, per file: decode + lowercase + Aho-Corasick + hint regex', viaText],
    ['now, per file: one pass over the bytes', viaBytes],
  ];
  for (const [, fn] of passes) fn(); // warm up (JIT)
  const spent = passes.map(() => 0n);
  for (let i = 0; i < 5; i++)
    passes.forEach(([, fn], k) => {
      const t0 = process.hrtime.bigint();
      fn();
      spent[k]! += process.hrtime.bigint() - t0;
    });
  const mbps = (ns: bigint) => fmt(textBytes / 1e6 / (Number(ns) / 1e9), 0);
  console.log(`  keyword pass alone over ${fmt(textBytes / 1e6, 1)} MB (mean of 5, warm, load ${load()}):`);
  passes.forEach(([name], k) => {
    console.log(`    ${name.padEnd(66)} ${mbps(spent[k]! / 5n).padStart(5)} MB/s`);
  });

  // Both scanners on one smaller copy (secretlint reads about half a megabyte a second).
  const small = treeCopy('node_modules-small', Number(process.env.BENCH_SMALL_MB ?? 8), 1.5);
  const a: number[] = [];
  const sl: number[] = [];
  let af = 0;
  let sf = 0;
  let aLines: string[] = [];
  let sLines: string[] = [];
  for (let i = 0; i < 2; i++) {
    const ra = cliScan(small.dir, {});
    a.push(ra.ms);
    af = ra.findings;
    aLines = ra.lines;
    const rs = pass('secretlint', small.dir, Number.MAX_SAFE_INTEGER);
    sl.push(rs.ms);
    sf = rs.findings;
    sLines = rs.found;
  }
  console.log(
    `\nBoth scanners on ${small.dir}: ${fmt(small.count)} files, ${fmt(small.bytes / 1e6, 1)} MB (airlock: the CLI, whole process; secretlint: recommended preset, in-process over its text files)`,
  );
  console.log(`  airlock ${fmt(median(a))} ms (${af} findings), secretlint ${fmt(median(sl))} ms (${sf} findings): ${fmt(median(sl) / median(a), 1)}x`);
  // Each finding, so a reader can judge them: docs/tokens.md says what these are.
  const width = Math.max(40, ...sLines.map((l) => l.length), ...aLines.map((l) => l.length));
  console.log(`  ${'secretlint found'.padEnd(width)}  airlock found`);
  for (let i = 0; i < Math.max(sLines.length, aLines.length); i++) console.log(`  ${(sLines[i] ?? '').padEnd(width)}  ${aLines[i] ?? ''}`);
  console.log('');
}

async function main(): Promise<void> {
  console.log(
    `Machine: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (process.env.BENCH_TREE !== '0') await trees();
  console.log(
    `Files: ${fmt(files.length)} text files of node_modules (of ${fmt(all.length)}, each <= 1 MiB), ${fmt(totalBytes / 1e6, 1)} MB; ${rounds} alternating rounds, each pass in a fresh process`,
  );
  const a: number[] = [];
  const s: number[] = [];
  let aFindings = 0;
  let sFindings = 0;
  for (let i = 0; i < rounds; i++) {
    const ra = pass('airlock');
    a.push(ra.ms);
    aFindings = ra.findings;
    const rs = pass('secretlint');
    s.push(rs.ms);
    sFindings = rs.findings;
    console.log(`  round ${i + 1}: airlock ${fmt(ra.ms)} ms, secretlint ${fmt(rs.ms)} ms`);
  }
  const row = (name: string, ms: number, findings: number) =>
    `  ${name.padEnd(12)} ${fmt(ms).padStart(10)} ${fmt(files.length / (ms / 1000)).padStart(10)} ${fmt(totalBytes / 1e6 / (ms / 1000), 2).padStart(8)} ${String(findings).padStart(9)}`;
  console.log('');
  console.log(`  ${'tool'.padEnd(12)} ${'median ms'.padStart(10)} ${'files/s'.padStart(10)} ${'MB/s'.padStart(8)} ${'findings'.padStart(9)}`);
  console.log(row('airlock', median(a), aFindings));
  console.log(row('secretlint', median(s), sFindings));
  console.log(`  ratio of medians (secretlint / airlock): ${fmt(median(s) / median(a), 2)}x`);
  await recall();
  await printTokenRecall();
  console.log(
    `\nLoad average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

const workerAt = process.argv.indexOf('--worker');
(workerAt > 0 ? worker(process.argv[workerAt + 1]!) : main()).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
