import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HookOutput } from '../hooks/types';
import { agentModule, type HookAgent } from './agents';

/**
 * Proves an installed hook fires: sends the agent's own documented payload through the exact
 * command the hook file names and reads the answer as the agent would. A benign command must
 * pass and `rm -rf /` (which the rules deny outright, so no person is asked) must be blocked,
 * each in the agent's own answer shape.
 */
export interface SelfTestResult {
  ok: boolean;
  /** ISO time of the test. */
  time: string;
  /** "benign passed, destructive blocked", or what failed. */
  detail: string;
}

export const SELF_TEST_BENIGN = 'git status';
export const SELF_TEST_DESTRUCTIVE = 'rm -rf /';
const RUN_TIMEOUT_MS = 20_000;

/** Runs `command` as the agent would: through the shell, or the hook file itself when it is the executable. */
export function runHookCommand(
  run: { command: string } | { file: string },
  payload: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  timeoutMs = RUN_TIMEOUT_MS,
): Promise<HookOutput> {
  return new Promise((resolve) => {
    const child =
      'file' in run
        ? spawn(run.file, [], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] })
        : spawn(run.command, { cwd, env, shell: true, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout?.on('data', (c) => {
      stdout += c;
    });
    child.stderr?.on('data', (c) => {
      stderr += c;
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ stdout, stderr: `${stderr}${e.message}`, exitCode: 127 });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr: signal ? `${stderr}killed after ${timeoutMs} ms` : stderr, exitCode: code ?? 128 });
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(payload);
  });
}

export async function selfTest(
  agent: HookAgent,
  run: { command: string } | { file: string },
  env: NodeJS.ProcessEnv = process.env,
  now: () => Date = () => new Date(),
): Promise<SelfTestResult> {
  const mod = agentModule(agent);
  const cwd = mkdtempSync(join(tmpdir(), 'airlock-selftest-'));
  try {
    const benign = await runHookCommand(run, mod.selfTest.payload(SELF_TEST_BENIGN, cwd), env, cwd);
    const b = mod.selfTest.read(benign);
    if (b !== 'allow') return { ok: false, time: now().toISOString(), detail: `a benign "${SELF_TEST_BENIGN}" was not let through: ${describe(b, benign)}` };
    const destructive = await runHookCommand(run, mod.selfTest.payload(SELF_TEST_DESTRUCTIVE, cwd), env, cwd);
    const d = mod.selfTest.read(destructive);
    if (d !== 'deny') return { ok: false, time: now().toISOString(), detail: `"${SELF_TEST_DESTRUCTIVE}" was not blocked: ${describe(d, destructive)}` };
    return { ok: true, time: now().toISOString(), detail: `${mod.name}: benign passed, destructive blocked` };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

function describe(read: ReturnType<ReturnType<typeof agentModule>['selfTest']['read']>, out: HookOutput): string {
  const what = typeof read === 'string' ? `the answer was ${read}` : read.wrong;
  const err = out.stderr.trim().split('\n').slice(-1)[0];
  return err ? `${what} (${err.slice(0, 200)})` : what;
}
