/**
 * Shared by the principles tests: planted secrets, throwaway workspaces with their own HOME,
 * state and runtime folders (so no editor is reachable and no real log is touched), the CLI run
 * in-process, and the BUILT bundle + launcher spawned as agents spawn them, with a hang guard.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CliIO } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';
import { base62, crc32 } from '../../../src/core/tokens/checksum';

export const root = resolve(__dirname, '../../..');

/** A hang guard, not a timing assertion: generous because eight people share two cores. */
export const HANG_MS = 20_000;

// ---------------------------------------------------------------------------------------------
// Planted secrets: fixed, realistic values (random-looking, no FAKE/EXAMPLE markers a detector
// might dismiss), so a failure reproduces byte for byte.
const ghRandom = 'q7Lm2VxR9tKp4ZwN8bHc3JfY6sDg1A';
export const SECRETS = {
  github: `ghp_${ghRandom}${base62(crc32(ghRandom), 6)}`,
  stripe: 'sk_live_51Hq8ZtK2mPv7RwXy4LsN9cBd3GfJ6aEo',
  awsKeyId: 'AKIAQ3ZT7WLMX5R2KPNV',
  awsSecret: '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',
  railway: '6f3c9a2e-8b4d-4e71-a5c0-9d2b7e1f4c83',
  pgPassword: 'Vq7rZp2LxK9mWt4N',
  pemBody: 'MIIEowIBAAKCAQEAx9T2kLm4Vq8ZpR3nWc7YbHf5Jd1Ks6Ge0Ao2Ui9XtQwErTyU',
} as const;

export const PG_URL = `postgres://app:${SECRETS.pgPassword}@prod-db.internal:5432/app`;
export const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${SECRETS.pemBody}\nbG9uZ2VyYm9keWxpbmVzb2ZhcnNha2V5dGhhdGlzbm90cmVhbGx5YWtleWF0YWxs\n-----END RSA PRIVATE KEY-----\n`;

/** Command lines an agent might run with a secret written into them. */
export const SECRET_LINES = [
  `curl -X DELETE -H "Authorization: Bearer ${SECRETS.github}" https://api.github.com/repos/acme/app`,
  `RAILWAY_TOKEN=${SECRETS.railway} railway volume delete vol_prod`,
  `psql ${PG_URL} -c 'drop table bookings'`,
  `curl https://api.stripe.com/v1/customers/cus_1 -u ${SECRETS.stripe}: -X DELETE`,
  `AWS_ACCESS_KEY_ID=${SECRETS.awsKeyId} AWS_SECRET_ACCESS_KEY=${SECRETS.awsSecret} aws s3 rb s3://prod-backups --force`,
];

/** Every way a secret could be given away: the whole value or any 5 characters of it in a row. */
export function leaks(output: string): string[] {
  // Hash-chain digests are long hex runs made by Airlock; a UUID fragment can occur in one by chance.
  const text = output.replace(/[0-9a-f]{40,}/g, '<digest>');
  const found: string[] = [];
  for (const [name, secret] of Object.entries(SECRETS)) {
    for (let i = 0; i + 5 <= secret.length; i++) {
      const window = secret.slice(i, i + 5);
      if (text.includes(window)) {
        found.push(`${name}[${i}..${i + 5}]=${window}`);
        break;
      }
    }
  }
  return found;
}

export function assertNoLeak(output: string, where: string): void {
  assert.deepEqual(leaks(output), [], `secret material in ${where}:\n${output.slice(0, 2000)}`);
}

/** Frames of a stack trace or paths of Airlock's own sources: never shown to a user. */
export function assertNoTrace(output: string, where: string): void {
  assert.doesNotMatch(output, /^\s+at .+(\(|:\d+:\d+)/m, `stack frame in ${where}:\n${output.slice(0, 1500)}`);
  assert.doesNotMatch(
    output,
    /src\/(core|cli|extension)\/[\w/.-]+\.ts|dist\/airlock\.js:\d+|node:internal/,
    `source path in ${where}:\n${output.slice(0, 1500)}`,
  );
}

// ---------------------------------------------------------------------------------------------
export interface Workspace {
  base: string;
  ws: string;
  home: string;
  state: string;
  env: NodeJS.ProcessEnv;
  dispose(): void;
}

/** A workspace in its own sandbox: HOME, XDG folders, log state and IPC runtime all private. */
export function sandbox(prefix = 'airlock-principles-'): Workspace {
  const base = mkdtempSync(join(tmpdir(), prefix));
  const ws = join(base, 'ws');
  const home = join(base, 'home');
  const state = join(base, 'state');
  for (const dir of [ws, home, state, join(base, 'run'), join(base, 'config')]) mkdirSync(dir, { recursive: true });
  mkdirSync(join(ws, '.git'));
  writeFileSync(join(ws, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  const env: NodeJS.ProcessEnv = {
    HOME: home,
    XDG_CONFIG_HOME: join(base, 'config'),
    XDG_STATE_HOME: join(base, 'xdg-state'),
    AIRLOCK_STATE_DIR: state,
    AIRLOCK_RUNTIME_DIR: join(base, 'run'),
    PATH: process.env.PATH,
    TMPDIR: base,
  };
  return { base, ws, home, state, env, dispose: () => rmSync(base, { recursive: true, force: true }) };
}

/** Plants every secret where agents find them: env files, config, a key file, a script. */
export function plantSecrets(ws: string): void {
  writeFileSync(
    join(ws, '.env'),
    [
      `GITHUB_TOKEN=${SECRETS.github}`,
      `STRIPE_SECRET_KEY=${SECRETS.stripe}`,
      `AWS_ACCESS_KEY_ID=${SECRETS.awsKeyId}`,
      `AWS_SECRET_ACCESS_KEY=${SECRETS.awsSecret}`,
      `RAILWAY_TOKEN=${SECRETS.railway}`,
      `DATABASE_URL=${PG_URL}`,
      'RAILWAY_ENVIRONMENT=production',
      '',
    ].join('\n'),
  );
  writeFileSync(join(ws, '.env.staging'), `DATABASE_URL=${PG_URL}\nRAILWAY_TOKEN=${SECRETS.railway}\n`);
  writeFileSync(join(ws, 'config.json'), JSON.stringify({ stripe: { secretKey: SECRETS.stripe }, db: PG_URL }, null, 2));
  writeFileSync(join(ws, 'id_rsa'), PEM);
  mkdirSync(join(ws, 'scripts'), { recursive: true });
  writeFileSync(join(ws, 'scripts', 'deploy.sh'), `#!/bin/sh\nexport RAILWAY_TOKEN=${SECRETS.railway}\nrailway volume delete vol_prod\n`);
  mkdirSync(join(ws, '.aws'), { recursive: true });
}

/** Every file under a folder, concatenated: the log and index exactly as they are on disk. */
export function readTree(dir: string): string {
  if (!existsSync(dir)) return '';
  let out = '';
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out += readTree(path);
    else if (stat.isFile()) out += `\n=== ${path}\n${readFileSync(path, 'latin1')}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** `airlock ...` in-process, the way tests and the editor call it. */
export async function cli(args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; stdin?: string | (() => Promise<string>) }): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: typeof opts.stdin === 'function' ? opts.stdin : async () => (opts.stdin as string | undefined) ?? '',
    env: opts.env,
    cwd: opts.cwd,
  };
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<'hang'>((r) => {
    timer = setTimeout(() => r('hang'), HANG_MS);
  });
  const code = await Promise.race([runCli(args, io), guard]).finally(() => clearTimeout(timer));
  return code === 'hang' ? { code: null, stdout, stderr, timedOut: true } : { code, stdout, stderr, timedOut: false };
}

/** Spawns a built entry point with stdin, killing it at the hang guard. */
export function spawnOutcome(file: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; stdin?: string | Buffer }): Promise<Outcome> {
  return new Promise((done) => {
    const child = spawn(file, args, { cwd: opts.cwd, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, HANG_MS);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.stdin.on('error', () => {
      /* the process may answer before reading everything */
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}

// ---------------------------------------------------------------------------------------------
/**
 * The shipped artefacts built from the current sources into a private folder (dist/ is rebuilt
 * by other work at any time): dist/airlock.js, its WASM and dist/launcher/airlock. Built once
 * per source state and shared by the test files of this folder.
 */
export async function builtProduct(): Promise<{ cli: string; launcher: string }> {
  const stamp = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else stamp.update(`${path}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  walk(join(root, 'src'));
  const out = join(tmpdir(), `airlock-principles-build-${stamp.digest('hex').slice(0, 16)}`);
  const cliPath = join(out, 'dist', 'airlock.js');
  const launcherPath = join(out, 'dist', 'launcher', 'airlock');
  if (existsSync(launcherPath)) return { cli: cliPath, launcher: launcherPath };

  const work = mkdtempSync(join(tmpdir(), 'airlock-principles-building-'));
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: join(work, 'dist', 'airlock.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    logLevel: 'error',
    banner: { js: '#!/usr/bin/env node' },
    define: { AIRLOCK_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
    alias: (await import('../../../scripts/bundle-aliases.mjs')).bundleAliases,
  });
  copyFileSync(join(root, 'node_modules/web-tree-sitter/web-tree-sitter.wasm'), join(work, 'dist', 'tree-sitter.wasm'));
  copyFileSync(join(root, 'node_modules/tree-sitter-bash/tree-sitter-bash.wasm'), join(work, 'dist', 'tree-sitter-bash.wasm'));
  chmodSync(join(work, 'dist', 'airlock.js'), 0o755);
  const generate = await import('../../../src/launcher/generate.js');
  mkdirSync(join(work, 'dist', 'launcher'));
  writeFileSync(join(work, 'dist', 'launcher', 'airlock'), generate.launcherScript(generate.templatePath(root)));
  chmodSync(join(work, 'dist', 'launcher', 'airlock'), 0o755);
  try {
    renameSync(work, out);
  } catch {
    rmSync(work, { recursive: true, force: true }); /* another file built it first */
  }
  return { cli: cliPath, launcher: launcherPath };
}

// ---------------------------------------------------------------------------------------------
// Hook payloads exactly as each agent sends them (see /work/shared/notes/agent-hooks.md).
export const payload = {
  claude: (cwd: string, command: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      session_id: 's1',
      transcript_path: '/dev/null',
      cwd,
      permission_mode: 'default',
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command, description: 'run it' },
      ...extra,
    }),
  claudeRead: (cwd: string, file: string) =>
    JSON.stringify({
      session_id: 's1',
      transcript_path: '/dev/null',
      cwd,
      permission_mode: 'default',
      hook_event_name: 'PreToolUse',
      tool_name: 'Read',
      tool_input: { file_path: file },
    }),
  cursor: (cwd: string, command: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ hook_event_name: 'beforeShellExecution', conversation_id: 'c1', generation_id: 'g1', workspace_roots: [cwd], command, cwd, ...extra }),
  cursorRead: (cwd: string, file: string) =>
    JSON.stringify({ hook_event_name: 'beforeReadFile', conversation_id: 'c1', generation_id: 'g1', workspace_roots: [cwd], file_path: file, content: '' }),
  vscode: (cwd: string, command: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      timestamp: '2026-11-21T09:00:00Z',
      hook_event_name: 'PreToolUse',
      session_id: 's1',
      cwd,
      tool_name: 'run_in_terminal',
      tool_input: { command, explanation: 'x', isBackground: false },
      ...extra,
    }),
};

/** The decision in any agent's answer: '' (no output: the agent's own flow), allow, ask or deny. */
export function answerDecision(agent: 'claude' | 'cursor' | 'vscode', stdout: string): string {
  if (stdout.trim() === '') return '';
  const body = JSON.parse(stdout) as { permission?: string; hookSpecificOutput?: { permissionDecision?: string } };
  return agent === 'cursor' ? String(body.permission) : String(body.hookSpecificOutput?.permissionDecision);
}
