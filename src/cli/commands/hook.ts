import { assessCommand } from '../../core/assess';
import { loadPolicy } from '../../core/policy/load';
import { redactText } from '../../core/redact';
import { UsageError, type CliCommand } from '../io';

/**
 * `airlock hook claude`: Claude Code's PreToolUse hook. Reads the payload on stdin, checks a
 * Bash call's `tool_input.command`, and answers in Claude Code's format: nothing (exit 0) when
 * benign, so Claude's own permission flow still applies; `ask` or `deny` with the reason otherwise.
 */
export const hookCommand: CliCommand = {
  name: 'hook',
  summary: 'answer an agent\'s pre-tool hook (claude)',
  usage: 'Usage: airlock hook claude   (payload on stdin, answer on stdout)',
  async run(args, io) {
    if (args[0] !== 'claude') throw new UsageError(`unknown agent ${args[0] ?? '(none)'}`);
    const answer = (decision: 'ask' | 'deny', reason: string) => {
      io.stdout(`${JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: decision, permissionDecisionReason: redactText(reason) } })}\n`);
      return 0;
    };
    let payload: { tool_name?: unknown; tool_input?: { command?: unknown }; cwd?: unknown };
    try {
      payload = JSON.parse(await io.readStdin());
    } catch {
      return answer('deny', 'Airlock could not read the hook input, so it cannot vouch for this call.');
    }
    const command = payload?.tool_input?.command;
    if (payload?.tool_name !== 'Bash' || typeof command !== 'string') return 0;
    const cwd = typeof payload.cwd === 'string' ? payload.cwd : io.cwd;
    const result = await assessCommand(command, { cwd, policy: loadPolicy({ cwd, env: io.env }) });
    if (result.decision === 'allow') return 0;
    const reason = result.findings.map((f) => `${f.reason}${f.suggestion ? ` Safer: ${f.suggestion}` : ''}`).join(' ');
    return answer(result.decision, `Airlock: ${reason}`);
  },
};
