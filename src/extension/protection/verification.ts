import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hookCommand } from '../../core/protection/hook-config';
import { type SelfTestResult, selfTest } from '../../core/protection/self-test';
import type { HookTarget } from './hook-targets';

/**
 * The self-test result of each installed hook file, tied to the file's bytes: a file changed
 * since (by a person, an agent or an update) is no longer "verified" until Protect tests it again.
 */
export interface VerifiedRecord extends SelfTestResult {
  sha: string;
}

export interface VerificationMemory {
  get(path: string): VerifiedRecord | undefined;
  set(path: string, value: VerifiedRecord | undefined): Promise<void> | void;
}

function sha(path: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return undefined;
  }
}

/** Runs the agent's self-test through the command the installed file names, and remembers it. */
export async function verifyTarget(
  target: HookTarget,
  launcher: string,
  memory: VerificationMemory,
  env: NodeJS.ProcessEnv = process.env,
): Promise<VerifiedRecord> {
  const run = target.format.executable ? { file: target.path } : { command: hookCommand(launcher, target.agent) };
  const result = await selfTest(target.agent, run, env);
  const record = { ...result, sha: sha(target.path) ?? '' };
  await memory.set(target.path, record);
  return record;
}

/** The remembered result, only while the file still has the bytes it was tested with. */
export function currentVerification(target: HookTarget, memory: VerificationMemory): SelfTestResult | undefined {
  const record = memory.get(target.path);
  if (!record) return undefined;
  return record.sha !== '' && record.sha === sha(target.path) ? { ok: record.ok, time: record.time, detail: record.detail } : undefined;
}
