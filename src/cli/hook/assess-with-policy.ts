import { assessCommand } from '../../core/assess';
import type { CheckResult } from '../../core/findings';
import { loadPolicy } from '../../core/policy/load';

/**
 * Assesses a command with the policy that applies where it runs. A policy that cannot be read
 * leaves the engine's defaults, which are never looser: the hook and the shim gate still answer.
 */
export function assessWithPolicy(line: string, cwd: string, env: NodeJS.ProcessEnv): Promise<CheckResult> {
  let policy: ReturnType<typeof loadPolicy> | undefined;
  try {
    policy = loadPolicy({ cwd, env });
  } catch {
    policy = undefined;
  }
  return assessCommand(line, { cwd, policy, env });
}
