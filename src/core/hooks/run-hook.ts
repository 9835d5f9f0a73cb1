import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { egressHookAnswer, readEgressHookConfig } from '../egress/hook-wrap';
import type { ActivityEvent } from '../events';
import type { CheckResult } from '../findings';
import type { AlertRequest, ConfirmRequest, ReportRequest } from '../ipc/protocol';
import { alertEditor, askEditor } from '../ipc-client';
import { AGENTS, agentModule } from '../protection/agents';
import { DEFAULT_PROTECTED_FILES } from '../tokens/protected-files';
import { formatAnswer, malformedAnswer } from './answer';
import { askOnce, callKey } from './call-once';
import { agentDisplayName, decideHook, HOOK_MARGIN_MS, type HookDeps, STOP_AND_ASK } from './decide';
import { observedAnswer, observeEdit } from './observed-edit';
import { MalformedPayload, parsePayload } from './payload';
import type { ProtectedFiles } from './secret-access';
import type { HookAgent, HookCall, HookOutput, HookVerdict } from './types';

/** Each agent's hook timeout when the installed entry does not pass `--timeout`. */
export const DEFAULT_TIMEOUT_S = Object.fromEntries(Object.entries(AGENTS).map(([id, mod]) => [id, mod.defaultTimeoutS])) as Record<HookAgent, number>;

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
  /** Tells the editor of an edit of Airlock's files it could not stop; the signed IPC when not given. */
  alert?: (request: AlertRequest, paths: string[]) => Promise<boolean>;
  /** Folder for the markers that make two hook files report one edit once (tests). */
  observeOnceDir?: string;
  /**
   * Decide once when the same call comes through two hook files: true uses the private runtime
   * folder; a string names the folder (tests). Off when not given.
   */
  once?: boolean | string;
  /** Reads the workspace log: a duplicate reuses a person's allow only when it is logged. */
  loggedAllow?: (request: ConfirmRequest, since: number) => Promise<boolean>;
}

/** Cloud and CI agents have no person at the agent: their "ask" is a deny. */
function isHeadless(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === 'true' || env.COPILOT_AGENT_CLOUD === '1' || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false');
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
    try {
      text = await options.readStdin();
    } catch {
      return malformedAnswer(agent, 'the hook input could not be read');
    }
    try {
      call = parsePayload(agent, text, options.cwd);
    } catch (error) {
      return malformedAnswer(agent, error instanceof MalformedPayload ? error.message : 'the hook input could not be understood');
    }
    call.headless = isHeadless(options.env);
    const parsed = call;
    if (parsed.kind === 'edited') return observedAnswer(parsed, await observedEditOf(parsed, text, options));
    const ask: HookDeps['askEditor'] = options.ask ?? ((request, paths) => askEditor(request, paths, options.env));
    const verdict = await decideHook(parsed, {
      assess: options.assess,
      askEditor: options.once
        ? askOnce(callKey(parsed.callId, text), ask, {
            dir: typeof options.once === 'string' ? options.once : undefined,
            env: options.env,
            canAbstain: abstains(agent, parsed),
            loggedAllow: options.loggedAllow ?? (async () => false),
          })
        : ask,
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
    const answer = formatAnswer(agent, parsed, { ...verdict, userMessage: redact(verdict.userMessage), agentMessage: redact(verdict.agentMessage) });
    // Egress gate (src/core/egress/hook-wrap.ts): where the agent lets a hook rewrite its input, the shell command runs inside `airlock run`.
    return egressHookAnswer(agent, text, parsed, verdict, answer, readEgressHookConfig(require.main?.filename), options.env.HOME);
  })().catch((): HookOutput => malformedAnswer(agent, 'Airlock hit an internal error while checking this call'));

  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<HookOutput>((resolve) => {
    timer = setTimeout(() => {
      // After the fact there is nothing to deny: the event's own empty answer.
      if (call?.kind === 'edited') return resolve(observedAnswer(call, undefined));
      const verdict: HookVerdict = {
        decision: call && agentModule(agent).canAsk(call) ? 'ask' : 'deny',
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

/** An observe-only edit: logged and told to the editor when it changed Airlock's own files. */
function observedEditOf(call: HookCall, payload: string, options: RunHookOptions) {
  const requester = agentModule(call.agent).requester;
  const loggedAllow = options.loggedAllow;
  return observeEdit(call, {
    env: options.env,
    payload,
    record: options.record,
    redact: options.redact,
    alert: options.alert ?? ((request, paths) => alertEditor(request, paths, options.env)),
    personAllowed: loggedAllow ? (file, since) => loggedAllow({ kind: 'tool', requester, file, cwd: call.cwd, timeoutMs: 0 }, since) : undefined,
    onceDir: options.observeOnceDir,
  });
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
    } catch {
      /* unreadable config: the defaults still apply */
    }
  }
  return { globs: DEFAULT_PROTECTED_FILES, holdsSecret };
}

async function reportAllowed(call: HookCall, options: RunHookOptions): Promise<boolean> {
  if (!options.report) return false;
  try {
    return await options.report(
      {
        requester: agentModule(call.agent).requester,
        kind: call.kind === 'read' ? 'read' : call.kind === 'tool' || call.kind === 'write' ? 'tool' : 'command',
        command: call.command ?? call.toolName,
        file: call.file,
        cwd: call.cwd,
        decision: 'allow',
        decidedBy: 'rules',
        session: call.session,
      },
      [call.cwd, ...call.roots],
    );
  } catch {
    return false;
  }
}

async function logVerdict(call: HookCall, verdict: HookVerdict, options: RunHookOptions): Promise<void> {
  if (!options.record) return;
  const redact = options.redact ?? ((t: string) => t);
  const actor = agentModule(call.agent).requester;
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
      details: {
        hook: call.agent,
        event: call.event,
        ...(call.callId ? { toolUseId: call.callId } : {}),
        ...(call.promptId ? { promptId: call.promptId } : {}),
      },
    });
  } catch {
    // The answer still goes out: a log failure must not leave the agent without one.
  }
}

/** Only agents whose silent answer means "no opinion" (not "allow") may reuse a logged allow by abstaining. */
function abstains(agent: HookAgent, _call: HookCall): boolean {
  return agentModule(agent).silentMeansNoOpinion === true;
}
