/**
 * What Airlock thinks of one command line: the guard's decision and findings, plus (filled in
 * by the target-environment resolver) the environment it would hit and how a person confirms.
 * The CLI, the hooks and the gates call this, not the guard engine directly.
 */

import type { CheckResult } from './findings';
import { type CheckOptions, checkCommand } from './guard/engine';

export interface AssessOptions extends CheckOptions {
  /** The environment the command would inherit (default: this process's). */
  env?: Record<string, string | undefined>;
  /** The user's home directory (default: HOME or USERPROFILE of `env`); null when there is none. */
  home?: string | null;
  /** Workspace root, for env files and names shown to people (default: cwd). */
  workspaceRoot?: string;
}

export async function assessCommand(line: string, options: AssessOptions = {}): Promise<CheckResult> {
  const result = await checkCommand(line, options);
  if (!result.findings.length) return result;
  // Loaded only when something is guarded: a benign command never pays for the config parsers.
  const { applyEnvironment } = await import('./environment/apply.js');
  const env = options.env ?? process.env;
  return applyEnvironment(result, {
    env,
    home: options.home !== undefined ? options.home : (env.HOME ?? env.USERPROFILE ?? null),
    workspaceRoot: options.workspaceRoot,
    line,
    policy: options.policy?.environments,
    protectedBranches: options.policy ? [...options.policy.protectedBranches] : undefined,
    typedConfirmation: options.policy?.typedConfirmation,
    personOnly: options.policy?.forbidAgentApproval,
  });
}
