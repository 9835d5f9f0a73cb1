import type { ActivityEvent } from '../events';
import type { CheckResult } from '../findings';
import type { ConfirmRequest, ConfirmResponse } from '../ipc/protocol';
import type { EditorAnswer } from '../ipc-client';
import { shellLine } from '../shell/quote';

/**
 * What a terminal shim asks when its shell fast path could not settle a call: the full check,
 * then the person. Exit 0 means "exec the real binary", 126 means blocked (one line on stderr
 * says why). Nothing here runs the tool: the shim does, with argv and stdio untouched.
 */
export const EXIT_ALLOW = 0;
export const EXIT_BLOCKED = 126;

export interface ShimGateDeps {
  assess: (line: string, cwd: string) => Promise<CheckResult>;
  askEditor: (request: ConfirmRequest, paths: string[]) => Promise<EditorAnswer<ConfirmResponse>>;
  /** How long a person has to answer in the editor. */
  timeoutMs: number;
  /**
   * Writes a decision the shim settles itself (the rules deny, or no editor answers) to the
   * workspace log before the shim answers; the editor logs the ones a person settles.
   */
  record?: (event: Omit<ActivityEvent, 'id' | 'time'>) => Promise<void>;
}

/** A check result as sent over IPC: findings without the parsed command objects. */
export function wireCheck(check: CheckResult): CheckResult {
  return { ...check, findings: check.findings.map(({ command: _command, ...finding }) => finding) };
}

export async function gateShimCall(tool: string, args: string[], cwd: string, deps: ShimGateDeps): Promise<{ exitCode: number; message?: string }> {
  const line = shellLine([tool, ...args]);
  let check: CheckResult;
  try {
    check = await deps.assess(line, cwd);
  } catch {
    check = { decision: 'ask', environment: 'unknown', findings: [] };
  }
  if (check.decision === 'allow') return { exitCode: EXIT_ALLOW };
  const reason = check.findings[0]?.reason?.replace(/\.$/, '') ?? 'Airlock could not analyse this command';
  const environment = check.target?.environment ?? check.environment;
  const where = environment ? ` (${environment.toUpperCase()})` : '';
  const finding = check.findings[0];
  // Nothing decided is lost: a refusal is on disk before the shim says so. A log that cannot be
  // written never turns a refusal into a run.
  const logRefusal = async (decidedBy: 'rules' | 'no-editor') => {
    try {
      await deps.record?.({
        kind: 'decision',
        actor: 'terminal',
        command: line,
        cwd,
        decision: 'deny',
        decidedBy,
        reason,
        environment,
        ...(finding ? { rule: finding.rule, severity: finding.severity } : {}),
        ...(check.target ? { evidence: check.target.evidence.map((e) => `${e.source}: ${e.value}`) } : {}),
      });
    } catch {
      /* still blocked */
    }
  };
  if (check.decision === 'deny') {
    await logRefusal('rules');
    return { exitCode: EXIT_BLOCKED, message: `airlock: blocked ${tool}${where}: ${reason}. Airlock never lets this run.` };
  }
  const answer = await deps.askEditor(
    { kind: 'command', requester: 'terminal', command: line, cwd, reason, check: wireCheck(check), timeoutMs: deps.timeoutMs },
    [cwd],
  );
  if ('unreachable' in answer) {
    await logRefusal('no-editor');
    return {
      exitCode: EXIT_BLOCKED,
      message: `airlock: blocked ${tool}${where}: ${reason}. No editor could ask you to confirm (${answer.unreachable}); nothing was run.`,
    };
  }
  if (answer.decision === 'allow') return { exitCode: EXIT_ALLOW };
  const why = answer.decidedBy === 'timeout' ? 'nobody confirmed it in the editor in time' : 'blocked in the editor';
  return { exitCode: EXIT_BLOCKED, message: `airlock: ${tool}${where} was not run: ${why}. ${reason}.` };
}
