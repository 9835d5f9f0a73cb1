import type { CheckResult } from '../../core/guard/types';
import type { Requester } from '../../core/types';

/**
 * The guard engine as the gates use it: one place that knows its entry point, so the modal
 * and the hooks read a command the same way.
 */
export async function assessForGate(command: string, cwd: string, _requester: Requester): Promise<CheckResult> {
  void command; void cwd;
  throw new Error('the command guard is not available in this build');
}

export function describeTargetForGate(_check: CheckResult): string | undefined {
  return undefined;
}
