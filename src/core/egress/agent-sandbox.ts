import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';

/**
 * Agents that run commands in a sandbox of their own. Airlock's sandbox cannot start inside
 * another one (nested user namespaces are refused there), so their commands are not wrapped;
 * what then applies is said in `OWN_SANDBOX_APPLIES`, and shown in the Protection view.
 */
export const OWN_SANDBOX_APPLIES =
  "its own sandbox decides which hosts commands reach, but does not judge the requests themselves; Airlock's command gate still checks every command, and the egress gate applies to commands it runs outside that sandbox";

/** Claude Code's `sandbox.enabled` in its settings (user, project, local; the later wins). */
export function claudeSandboxEnabled(cwd: string, home: string | undefined): boolean {
  let enabled = false;
  for (const file of [home && join(home, '.claude', 'settings.json'), join(cwd, '.claude', 'settings.json'), join(cwd, '.claude', 'settings.local.json')]) {
    if (!file) continue;
    try {
      const value = (parseJsonc(readFileSync(file, 'utf8')) as { sandbox?: { enabled?: unknown } } | undefined)?.sandbox?.enabled;
      if (typeof value === 'boolean') enabled = value;
    } catch {
      /* absent or unreadable: says nothing */
    }
  }
  return enabled;
}

/**
 * True when this one call runs inside the agent's own sandbox: Claude Code with its sandbox
 * on (unless the call asks to run outside it), Cursor's `sandbox: true` on a shell call.
 */
export function runsInAgentSandbox(agent: string, payload: Record<string, unknown>, cwd: string, home: string | undefined): boolean {
  if (agent === 'cursor') return payload.sandbox === true;
  if (agent === 'claude') {
    const input = payload.tool_input as Record<string, unknown> | undefined;
    if (input?.dangerouslyDisableSandbox === true) return false;
    return claudeSandboxEnabled(cwd, home);
  }
  return false;
}

/** Environment variables the sandbox runtime sets inside any sandbox it starts (Claude Code's included). */
export function insideForeignSandbox(env: NodeJS.ProcessEnv): boolean {
  return env.CLAUDE_CODE_HOST_HTTP_PROXY_PORT !== undefined && env.AIRLOCK_EGRESS_SANDBOX !== '1';
}
