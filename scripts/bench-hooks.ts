// npm run bench:hooks — whole-process time of what the editor installs (the launcher in global
// storage, as refreshLauncher writes it) against cc-safety-net's hook on the same payload, for
// each kind of hook event an agent sends most: reads, searches, and everyday commands that name
// a guarded tool. Runs alternate (ours, peer, peer, ours, ...) so neither side always gets the
// warmer machine. Prints median and p99 per kind, the ratio of medians, and the load average.
// Figures only: no pass/fail.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_PROTECTED_FILES } from '../src/core/tokens/protected-files';
import { refreshLauncher } from '../src/extension/protection/launcher-install';

const root = resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
if (!existsSync(join(root, 'dist/launcher/airlock')) || !existsSync(join(root, 'dist/airlock.js'))) {
  spawnSync(process.execPath, [join(root, 'esbuild.mjs'), '--production'], { cwd: root, stdio: 'ignore' });
}

// A project as an agent sees it, and the launcher installed as the extension installs it.
const base = mkdtempSync(join(tmpdir(), 'airlock-bench-hooks-'));
const home = join(base, 'home');
const project = join(base, 'project');
mkdirSync(home);
mkdirSync(join(project, 'src'), { recursive: true });
writeFileSync(join(project, 'src', 'index.ts'), readFileSync(join(root, 'src/cli/main.ts')));
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', scripts: { build: 'tsc -p .', test: 'vitest run' } }, null, 2));
const { paths } = refreshLauncher(join(root, 'dist'), join(base, 'storage'), DEFAULT_PROTECTED_FILES, process.env);
const peerHook = join(root, 'node_modules/cc-safety-net/dist/bin/hook.js');
const env = { PATH: process.env.PATH, HOME: home, LANG: 'C' };

const claude = (tool: string, input: Record<string, unknown>) =>
  JSON.stringify({
    session_id: 'bench',
    transcript_path: join(base, 't.jsonl'),
    cwd: project,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: tool,
    tool_input: input,
  });
const file = join(project, 'src', 'index.ts');
const kinds: Array<{ name: string; agent: 'claude' | 'cursor'; payload: string }> = [
  { name: 'Claude Read src/index.ts', agent: 'claude', payload: claude('Read', { file_path: file }) },
  { name: 'Claude Grep in src', agent: 'claude', payload: claude('Grep', { pattern: 'runCli', path: 'src' }) },
  { name: 'Claude Glob **/*.ts', agent: 'claude', payload: claude('Glob', { pattern: '**/*.ts' }) },
  {
    name: 'Cursor beforeReadFile',
    agent: 'cursor',
    payload: JSON.stringify({
      conversation_id: 'bench',
      hook_event_name: 'beforeReadFile',
      file_path: file,
      content: readFileSync(file, 'utf8'),
      workspace_roots: [project],
    }),
  },
  ...['git status', 'git push origin feature/x', 'npm run build', 'terraform plan', 'kubectl get pods', 'docker compose up -d', "psql -c 'select 1'"].map(
    (command) => ({ name: `Claude Bash: ${command}`, agent: 'claude' as const, payload: claude('Bash', { command }) }),
  ),
];

function time(command: string, args: string[], input: string): number {
  const start = process.hrtime.bigint();
  const out = spawnSync(command, args, { input, encoding: 'utf8', env, cwd: project, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (out.status !== 0 && out.status !== 2) throw new Error(`${command} ${args.join(' ')} exited ${out.status}: ${out.stderr}`);
  return ms;
}
const ours = (kind: (typeof kinds)[number]) => time(paths.launcher, ['hook', kind.agent], kind.payload);
const peer = (kind: (typeof kinds)[number]) =>
  time(process.execPath, kind.agent === 'cursor' ? [peerHook, 'hook', '--cursor'] : [peerHook, '--claude-code'], kind.payload);

// The read index takes files unchanged for 2 s; the first read of the file goes through Node,
// which scans it and indexes it, as on any machine after the first read (or a workspace scan).
const old = new Date(Date.now() - 60_000);
utimesSync(file, old, old);
spawnSync('sleep', ['2.2']);
// The first call that needs the engine starts the warm process (a cold CLI answers it): printed apart.
const firstEngineCall = ours(kinds.find((k) => k.name.includes('git push'))!);
for (const kind of kinds) {
  ours(kind);
  peer(kind);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
};
const f = (n: number) => n.toFixed(1).padStart(7);
console.log(
  `Machine: ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (before)`,
);
console.log(`${RUNS} alternating runs per kind; whole process, payload on stdin; ms\n`);
console.log(`${'payload'.padEnd(38)} ${'airlock p50'.padStart(11)} ${'p99'.padStart(7)}   ${'peer p50'.padStart(8)} ${'p99'.padStart(7)}   ratio`);
const nodeBare: number[] = [];
for (const kind of kinds) {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      a.push(ours(kind));
      b.push(peer(kind));
    } else {
      b.push(peer(kind));
      a.push(ours(kind));
    }
  }
  console.log(
    `${kind.name.padEnd(38)} ${f(pct(a, 0.5)).padStart(11)} ${f(pct(a, 0.99))}   ${f(pct(b, 0.5)).padStart(8)} ${f(pct(b, 0.99))}   ${(pct(a, 0.5) / pct(b, 0.5)).toFixed(2)}`,
  );
}
for (let i = 0; i < RUNS; i++) nodeBare.push(time(process.execPath, ['-e', '0'], ''));
console.log(
  `\n${'first call needing the engine (one run)'.padEnd(38)} ${f(firstEngineCall).padStart(11)}   (a cold CLI answers it and starts the warm process)`,
);
console.log(`${'node -e 0 (for reference)'.padEnd(38)} ${f(pct(nodeBare, 0.5)).padStart(11)} ${f(pct(nodeBare, 0.99))}`);
// Bounded work: a 4 MB command line is answered (ask) past the size bound, not analysed for seconds.
const big = claude('Bash', { command: `git push ${'x'.repeat(4 * 1024 * 1024)}` });
const bigStart = process.hrtime.bigint();
const bigOut = spawnSync(paths.launcher, ['hook', 'claude'], { input: big, encoding: 'utf8', env, cwd: project, maxBuffer: 64 << 20 });
console.log(
  `${'4 MB command line (one run)'.padEnd(38)} ${f(Number(process.hrtime.bigint() - bigStart) / 1e6).padStart(11)}   answer: ${/"permissionDecision":"(\w+)"/.exec(bigOut.stdout)?.[1] ?? 'none'}`,
);
console.log(
  `\nLoad average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
// Stop the warm process this bench started (it would otherwise exit after 10 idle minutes).
try {
  process.kill(Number(readFileSync(join(paths.binDir, 'warm', 'pid'), 'utf8')), 'SIGTERM');
} catch {
  /* not running */
}
