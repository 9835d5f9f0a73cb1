import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ActivityEvent } from '../events';
import type { CheckResult } from '../guard/types';
import { askEditor } from '../ipc-client';
import type { ReportRequest } from '../ipc/protocol';
import { formatAnswer, malformedAnswer } from './answer';
import { agentDisplayName, decideHook, HOOK_MARGIN_MS, STOP_AND_ASK, type HookDeps } from './decide';
import { MalformedPayload, parsePayload } from './payload';
import { DEFAULT_PROTECTED_FILES } from '../tokens/protected-files';
import type { ProtectedFiles } from './secretAccess';
import type { HookAgent, HookCall, HookOutput, HookVerdict } from './types';

/** Each agent's hook timeout when the installed entry does not pass `--timeout`. */
export const DEFAULT_TIMEOUT_S: Record<HookAgent, number> = { cursor: 30, claude: 60, vscode: 30 };

export interface RunHookOptions {
  agent: HookAgent;
  readStdin: () => Promise<string>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  assess: (command: string, cwd: string) => Promise<CheckResult>;
  /** Appends to the activity log (multi-process safe); used when no editor could log it for us. */
  record?: (event: ActivityEvent) => Promise<void>;
  /** Redacts free text before it is logged. */
  redact?: (text: string) => string;
  holdsSecret?: ProtectedFiles['holdsSecret'];
  /** Tells the editor what the rules allowed, for its log; false when no editor took it. */
  report?: (report: ReportRequest, paths: string[]) => Promise<boolean>;
  /** Overrides for tests. */
  ask?: HookDeps['askEditor'];
}

/**
 * One hook call from stdin to answer. Always answers, in the agent's format, before the agent's
 * timeout: a watchdog answers first if reading, analysing or asking takes too long. Never throws.
 */
export async function runHook(options: RunHookOptions): Promise<HookOutput> {
  const { agent } = options;
  const watchdogMs = Math.max(500, options.timeoutMs - HOOK_MARGIN_MS / 2);
  let call: HookCall | undefined;
  const work = (async (): Promise<HookOutput> => {
    let text: string;
    try { text = await options.readStdin(); } catch { return malformedAnswer(agent, 'the hook input could not be read'); }
    try {
      call = parsePayload(agent, text, options.cwd);
    } catch (error) {
      return malformedAnswer(agent, error instanceof MalformedPayload ? error.message : 'the hook input could not be understood');
    }
    const parsed = call;
    const verdict = await decideHook(parsed, {
      assess: options.assess,
      askEditor: options.ask ?? ((request, paths) => askEditor(request, paths, options.env)),
      protectedFiles: loadProtectedFiles(options.env, options.holdsSecret),
      timeoutMs: options.timeoutMs,
    });
    if (verdict.decidedBy === 'no-editor' || verdict.decidedBy === 'policy') await logVerdict(parsed, verdict, options);
    // Every file an agent reads is recorded: the editor logs it (its sidebar updates at once);
    // without an editor the hook appends it itself. Benign shell calls are not: most never reach
    // Node (the launcher settles them), and logging only some would mislead.
    else if (verdict.decidedBy === 'rules' && parsed.kind === 'read' && !(await reportAllowed(parsed, options))) await logVerdict(parsed, verdict, options);
    // The messages quote the command line; the agent's transcript is outside Airlock.
    const redact = options.redact ?? ((t: string) => t);
    return formatAnswer(agent, parsed, { ...verdict, userMessage: redact(verdict.userMessage), agentMessage: redact(verdict.agentMessage) });
  })().catch((): HookOutput => malformedAnswer(agent, 'Airlock hit an internal error while checking this call'));

  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<HookOutput>((resolve) => {
    timer = setTimeout(() => {
      const verdict: HookVerdict = {
        decision: agent === 'claude' && call?.permissionMode !== 'bypassPermissions' ? 'ask' : 'deny',
        decidedBy: 'timeout',
        userMessage: `Airlock could not settle this ${agentDisplayName(agent)} call before the hook's time limit, so it was not let through.`,
        agentMessage: `Airlock could not check this in time, so it was blocked. ${STOP_AND_ASK}`,
      };
      resolve(formatAnswer(agent, call, verdict));
    }, watchdogMs);
  });
  try {
    return await Promise.race([work, watchdog]);
  } finally {
    clearTimeout(timer);
  }
}

/** The protected globs: the user's list the extension writes beside the launcher, else the defaults. */
export function loadProtectedFiles(env: NodeJS.ProcessEnv, holdsSecret?: ProtectedFiles['holdsSecret']): ProtectedFiles {
  const path = env.AIRLOCK_GATES_CONFIG;
  if (path) {
    try {
      const config = JSON.parse(readFileSync(path, 'utf8')) as { protectedFiles?: unknown };
      if (Array.isArray(config.protectedFiles)) {
        const extra = config.protectedFiles.filter((g): g is string => typeof g === 'string' && g.length > 0);
        // The extension writes the user's setting here; an empty list would leave the gate blind.
        return { globs: extra.length > 0 ? extra : DEFAULT_PROTECTED_FILES, holdsSecret };
      }
    } catch { /* unreadable config: the defaults still apply */ }
  }
  return { globs: DEFAULT_PROTECTED_FILES, holdsSecret };
}

async function reportAllowed(call: HookCall, options: RunHookOptions): Promise<boolean> {
  if (!options.report) return false;
  try {
    return await options.report({
      requester: call.agent === 'vscode' ? 'copilot' : call.agent,
      kind: call.kind === 'read' ? 'read' : call.kind === 'tool' ? 'tool' : 'command',
      command: call.command ?? call.toolName,
      file: call.file,
      cwd: call.cwd,
      decision: 'allow',
      decidedBy: 'rules',
      session: call.session,
    }, [call.cwd, ...call.roots]);
  } catch {
    return false;
  }
}

async function logVerdict(call: HookCall, verdict: HookVerdict, options: RunHookOptions): Promise<void> {
  if (!options.record) return;
  const redact = options.redact ?? ((t: string) => t);
  const actor = call.agent === 'vscode' ? 'copilot' : call.agent;
  try {
    await options.record({
      id: randomBytes(9).toString('base64url'),
      time: new Date().toISOString(),
      kind: call.kind === 'read' ? 'file-read' : 'decision',
      actor,
      session: call.session,
      command: call.command !== undefined ? redact(call.command) : call.toolName,
      file: call.file,
      cwd: call.cwd,
      decision: verdict.decision,
      decidedBy: verdict.decidedBy === 'person' ? 'person' : verdict.decidedBy,
      reason: redact(verdict.agentMessage),
      environment: verdict.environment ?? null,
      rule: verdict.rule,
      severity: verdict.severity,
      evidence: verdict.evidence?.map(redact),
      // The agent's own ids, so the exported record joins the agent's telemetry (OTel tool_use_id, prompt.id).
      details: { hook: call.agent, event: call.event, ...(call.toolUseId ? { toolUseId: call.toolUseId } : {}), ...(call.promptId ? { promptId: call.promptId } : {}) },
    });
  } catch {
    // The answer still goes out: a log failure must not leave the agent without one.
  }
}
