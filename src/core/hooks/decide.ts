import type { CheckResult } from '../findings';
import type { ConfirmRequest, ConfirmResponse } from '../ipc/protocol';
import type { EditorAnswer } from '../ipc-client';
import { analyseMcpArguments } from '../mcp/arguments';
import { agentModule } from '../protection/agents';
import { wireCheck } from '../terminal/shim-gate';
import type { Environment } from '../types';
import { globReachesProtected, isSecretRead, type ProtectedFiles, secretPrintReason } from './secret-access';
import { selfProtectionFinding } from './self-protection-adapter';
import type { HookAgent, HookCall, HookVerdict } from './types';

/** What deciding a hook call needs from the outside, injected so tests run without an editor. */
export interface HookDeps {
  assess: (command: string, cwd: string) => Promise<CheckResult>;
  askEditor: (request: ConfirmRequest, paths: string[]) => Promise<EditorAnswer<ConfirmResponse>>;
  protectedFiles: ProtectedFiles;
  /** The agent's hook timeout: the answer must come before it. */
  timeoutMs: number;
}

/** Kept back from the agent's timeout for process exit and the agent reading our answer. */
export const HOOK_MARGIN_MS = 1500;
/** Words in an MCP tool's name that mean it destroys something. */
const DESTRUCTIVE_TOOL = /(delete|destroy|drop|remove|purge|wipe|reset|truncate|terminate|revoke|erase|prune|flush|rollback|force.?push)/i;

export const STOP_AND_ASK =
  'Stop here and ask the person how to proceed; do not try to reach the same result another way (another command, tool, script or API call).';

/** What is at stake in a call that a person must settle (or that the rules deny outright). */
export interface Gated {
  reason: string;
  environment: Environment | null;
  kind: ConfirmRequest['kind'];
  summary: string;
  /** The rules deny it outright (rm -rf /, mkfs on a disk): no one is asked. */
  denied?: boolean;
  check?: CheckResult;
}

/** Settles one hook call: allow at once when nothing is at stake, otherwise a person decides. */
export async function decideHook(call: HookCall, deps: HookDeps): Promise<HookVerdict> {
  const gated = await whatIsAtStake(call, deps);
  if (!gated) return { decision: 'allow', decidedBy: 'rules', userMessage: '', agentMessage: '' };
  if (gated.denied) {
    return {
      ...ruleOf(gated),
      decision: 'deny',
      decidedBy: 'policy',
      environment: gated.environment,
      userMessage: `Airlock blocked ${gated.summary}: ${gated.reason}.`,
      agentMessage: `Airlock blocked this outright: ${gated.reason}. ${STOP_AND_ASK}`,
    };
  }
  const budget = deps.timeoutMs - HOOK_MARGIN_MS;
  const answer = await deps.askEditor(
    {
      kind: gated.kind,
      requester: agentModule(call.agent).requester,
      command: gated.kind === 'read' ? undefined : gated.summary,
      file: call.kind === 'read' || call.kind === 'write' ? call.file : undefined,
      cwd: call.cwd,
      reason: gated.reason,
      session: call.session,
      check: gated.check ? wireCheck(gated.check) : undefined,
      timeoutMs: Math.max(1000, budget),
    },
    [call.cwd, ...call.roots],
  );

  if (!('unreachable' in answer)) {
    // Allowed without a person (a duplicate of a call a person already allowed through another
    // hook, or the editor's own policy): Airlock abstains and the agent's own permission flow applies.
    if (answer.decision === 'allow' && answer.decidedBy === 'rules') return { decision: 'allow', decidedBy: 'rules', userMessage: '', agentMessage: '' };
    if (answer.decision === 'allow') {
      return {
        ...ruleOf(gated),
        decision: 'allow',
        decidedBy: 'person',
        environment: gated.environment,
        userMessage: 'Allowed once by a person in the editor (Airlock).',
        agentMessage: 'A person allowed this once in the editor.',
      };
    }
    const why = answer.decidedBy === 'timeout' ? 'nobody confirmed it in the editor in time' : 'the person blocked it in the editor';
    return {
      ...ruleOf(gated),
      decision: 'deny',
      decidedBy: answer.decidedBy === 'timeout' ? 'timeout' : 'person',
      environment: gated.environment,
      userMessage: `Airlock blocked ${gated.summary}: ${why}.`,
      agentMessage: `Airlock blocked this: ${why}. ${gated.reason}. ${STOP_AND_ASK}`,
    };
  }
  return noEditorVerdict(call, gated, answer.unreachable);
}

/**
 * No person can be asked through Airlock. An agent whose own prompt reaches a person (Claude
 * Code unless bypassed, Copilot CLI outside the cloud) gets ask; every other agent gets deny
 * with a reason the model can act on.
 */
function noEditorVerdict(call: HookCall, gated: Gated, unreachable: string): HookVerdict {
  const env = gated.environment ? ` Target environment: ${gated.environment.toUpperCase()}.` : '';
  const mod = agentModule(call.agent);
  // An agent's own prompt may settle it, unless policy reserves this target for a person in the
  // editor (forbidAgentApproval): then no prompt of the agent may.
  if (mod.canAsk(call) && !gated.check?.personOnly) {
    return {
      ...ruleOf(gated),
      decision: 'ask',
      decidedBy: 'no-editor',
      environment: gated.environment,
      userMessage: `Airlock: ${gated.reason}.${env} (No editor with Airlock could be asked: ${unreachable}.)`,
      agentMessage: `Airlock needs a person to confirm this: ${gated.reason}.${env}`,
    };
  }
  const bypass =
    call.agent !== 'claude'
      ? ''
      : gated.check?.personOnly
        ? " Policy reserves this environment for a person in the editor: Claude Code's own prompt may not approve it."
        : ' Claude Code runs with bypassPermissions, so no prompt would reach a person.';
  return {
    ...ruleOf(gated),
    decision: 'deny',
    decidedBy: 'no-editor',
    environment: gated.environment,
    userMessage: `Airlock blocked ${gated.summary} (${gated.reason}).${env} No editor with Airlock could ask you: ${unreachable}.${bypass} Open this folder in the editor with Airlock to confirm such actions.`,
    agentMessage: `Airlock blocked this: ${gated.reason}.${env} A person must confirm it and none could be asked (no editor with Airlock has this folder open).${bypass} Tell the person to open this folder in VS Code or Cursor with Airlock, then retry; ${STOP_AND_ASK}`,
  };
}

/**
 * The engine's first finding and the target's evidence, so the log names the rule that stopped
 * the call (the Activity view offers Trust This Rule from it). Secret reads and prints carry no
 * engine rule: no policy switch turns them off.
 */
function ruleOf(gated: Gated): Pick<HookVerdict, 'rule' | 'severity' | 'evidence'> {
  const first = gated.check?.findings[0];
  if (!first) return {};
  const evidence = gated.check?.target?.evidence.map((e) => `${e.source}: ${e.value}`);
  return { rule: first.rule, severity: first.severity, evidence: evidence?.length ? evidence : undefined };
}

/** One function per kind of call, so a new analysis is a line in the kind it belongs to. */
export async function whatIsAtStake(call: HookCall, deps: HookDeps): Promise<Gated | undefined> {
  switch (call.kind) {
    case 'command':
      return commandAtStake(call, deps);
    case 'read':
      return readAtStake(call, deps);
    case 'write':
      return writeAtStake(call);
    case 'tool':
      return toolAtStake(call, deps);
    default:
      return undefined;
  }
}

async function commandAtStake(call: HookCall, deps: HookDeps): Promise<Gated | undefined> {
  const line = call.command ?? '';
  let check: CheckResult | undefined;
  try {
    check = await deps.assess(line, call.cwd);
  } catch {
    // The engine failing is no reason to let a command through unseen.
    return { reason: 'Airlock could not analyse this command', environment: 'unknown', kind: 'command', summary: line };
  }
  if (check.decision !== 'allow') {
    const first = check.findings[0];
    const environment = check.target?.environment ?? check.environment;
    return {
      reason: first ? first.reason.replace(/\.$/, '') : 'this command is destructive',
      environment,
      kind: 'command',
      summary: line,
      denied: check.decision === 'deny',
      check,
    };
  }
  const secret = await secretPrintReason(line, call.cwd, call.roots, deps.protectedFiles);
  if (secret) return { reason: `this command would show secrets: ${secret}`, environment: null, kind: 'command', summary: line };
  return undefined;
}

async function readAtStake(call: HookCall, deps: HookDeps): Promise<Gated | undefined> {
  const input = (call.toolInput ?? {}) as Record<string, unknown>;
  const globs = [input.glob, input.includePattern, input.include, input.file_pattern].filter((g): g is string => typeof g === 'string');
  const file = call.file ?? '';
  const hit = globs.some((g) => globReachesProtected(g, deps.protectedFiles.globs)) || (await isSecretRead(file, call.roots, deps.protectedFiles));
  if (!hit) return undefined;
  return { reason: `${file} holds credentials or matches a protected file pattern`, environment: null, kind: 'read', summary: `reading ${file}` };
}

/** Writes, edits, moves and deletes: only Airlock's own files and the agents' hook files are gated. */
function writeAtStake(call: HookCall): Gated | undefined {
  for (const file of call.files ?? (call.file ? [call.file] : [])) {
    const finding = selfProtectionFinding(file, call.cwd);
    if (finding) return { reason: finding.reason, environment: 'unknown', kind: 'tool', summary: `${call.toolName ?? 'writing'} ${file}` };
  }
  return undefined;
}

async function toolAtStake(call: HookCall, deps: HookDeps): Promise<Gated | undefined> {
  const name = call.toolName ?? '';
  const inner = innerCommand(call.toolInput);
  if (inner !== undefined) {
    const nested = await commandAtStake({ ...call, kind: 'command', command: inner }, deps);
    if (nested) return { ...nested, kind: 'tool', summary: `${name}: ${inner}` };
  }
  // Every MCP argument through the SQL, GraphQL/HTTP and shell analysers (src/core/mcp).
  const mcp = await analyseMcpArguments(name, call.toolInput, (line) => deps.assess(line, call.cwd));
  if (mcp) {
    const first = mcp.check.findings[0];
    return {
      reason: first ? first.reason.replace(/\.$/, '') : 'an argument of this tool is destructive',
      environment: 'unknown',
      kind: 'tool',
      summary: `${name}: ${mcp.summary}`,
      denied: mcp.check.decision === 'deny',
      check: mcp.check,
    };
  }
  if (DESTRUCTIVE_TOOL.test(name)) {
    return {
      reason: `the tool ${name} looks destructive (its name says it deletes or resets something)`,
      environment: 'unknown',
      kind: 'tool',
      summary: `${name} ${clip(JSON.stringify(call.toolInput ?? {}), 300)}`,
    };
  }
  return undefined;
}

function innerCommand(input: unknown): string | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const i = input as Record<string, unknown>;
  for (const key of ['command', 'cmd', 'script', 'commandLine']) if (typeof i[key] === 'string') return i[key] as string;
  return undefined;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function agentDisplayName(agent: HookAgent): string {
  return agentModule(agent).name;
}
