import type { CheckResult } from '../../core/findings';
import type { AlertRequest, ConfirmRequest, ConfirmResponse, GateKind, ReportRequest } from '../../core/ipc/protocol';
import { couldExpandTo, type LineCommand, lineCommands, sameCommand } from '../../core/shell/command-match';
import { loadShellParser } from '../../core/shell/parser';
import type { Requester } from '../../core/types';
import { BadRequest } from '../ipc/ipc-server';
import { parseAlertRequest } from './alert-request';
import type { ConfirmationQueue } from './confirmation-queue';
import { type ConfirmationView, confirmationView } from './confirmation-text';

/**
 * What the IPC routes do with a request: check its shape, assess it again here (the modal is
 * built from the editor's own reading of the command, not from what the caller claims), and
 * queue it for the person. Whatever the assessment says, the answer comes from the person:
 * there is no path through this service that returns allow without them.
 */
export type Assess = (command: string, cwd: string, requester: Requester) => Promise<CheckResult>;

const KINDS: GateKind[] = ['command', 'read', 'tool'];
const REQUESTERS: Requester[] = ['cursor', 'claude', 'copilot', 'codex', 'gemini', 'windsurf', 'kiro', 'opencode', 'cline', 'terminal', 'cli', 'unknown'];
/** Hooks default to these timeouts; a caller may not hold a modal longer than ten minutes. */
const MAX_TIMEOUT_MS = 10 * 60_000;

/** A question a gate asked recently: lets the watcher tell a gated command from a protection gap. */
interface Seen {
  line: string;
  at: number;
  requester: Requester;
  allowed: boolean;
  /** An agent's allowed command that its terminal has not run yet: the shim there need not ask again. */
  pendingRun: boolean;
  /** The simple commands the line runs, as words (undefined when it could not be reduced). */
  commands?: LineCommand[];
  /** Indexes into `commands` already handed over to a shim: one allow, one run each. */
  handedOver: Set<number>;
}

const SEEN_FOR_MS = 10 * 60_000;
/** How long an agent's allowed command may take to reach its terminal's shim. */
const HANDOVER_MS = 2 * 60_000;

/**
 * Whitespace only: quotes are meaning (`rm -rf 'a b'` is not `rm -rf a b`). Lines are compared
 * whole; parts of lines are compared as commands (see `core/shell/command-match`), never as substrings.
 */
export function normaliseLine(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

/** The commands of a line, once the shell parser is loaded; undefined when it cannot be read. */
async function commandsOf(line: string, cwd: string): Promise<LineCommand[] | undefined> {
  try {
    await loadShellParser();
    return lineCommands(line, cwd);
  } catch {
    return undefined;
  }
}

export class GateService {
  private readonly seen: Seen[] = [];

  constructor(
    private readonly queue: ConfirmationQueue,
    private readonly assess: Assess,
    private readonly recordReport: (report: ReportRequest) => Promise<void>,
    /** Warns the person of an edit of Airlock's files no hook could stop (the hook logged it already). */
    private readonly notify: (alert: AlertRequest) => void = () => {},
  ) {}

  /** Answers at once: the warning does not wait for the person, and nothing here approves anything. */
  async alert(body: unknown): Promise<{ ok: true }> {
    this.notify(parseAlertRequest(body));
    return { ok: true };
  }

  async confirm(body: unknown): Promise<ConfirmResponse> {
    const request = parseConfirmRequest(body);
    const line = normaliseLine(request.command ?? request.file ?? '');
    const commands = request.kind === 'command' && request.command ? await commandsOf(request.command, request.cwd) : undefined;
    const handedOver = request.requester === 'terminal' && commands?.length === 1 ? this.takeHandover(commands[0]!.argv, request.cwd) : undefined;
    if (handedOver) {
      // Copilot's hook asked and the person allowed this exact command moments ago; now its
      // terminal runs it and the shim asks again. One allow, one run: the allowance is used up.
      const answer: ConfirmResponse = { decision: 'allow', decidedBy: 'person', message: `Allowed by the person moments ago when ${handedOver} asked.` };
      await this.recordReport({
        requester: 'terminal',
        kind: request.kind,
        command: request.command,
        cwd: request.cwd,
        decision: 'allow',
        decidedBy: 'policy',
        reason: answer.message,
      });
      return answer;
    }
    const view = await this.viewFor(request);
    const entry: Seen = {
      line,
      at: Date.now(),
      requester: request.requester,
      allowed: false,
      pendingRun: false,
      ...(commands ? { commands } : {}),
      handedOver: new Set(),
    };
    this.remember(entry);
    const answer = await this.queue.enqueue(request, view);
    entry.allowed = answer.decision === 'allow';
    entry.pendingRun = entry.allowed && request.requester !== 'terminal' && request.kind !== 'read';
    return answer;
  }

  /**
   * True when a gate asked about this command line since `since` (ms epoch), or is asking now:
   * the same line, or each of `flagged` (the line's guarded commands, as typed) is a command a
   * gate was shown, once the typed `$DIR` is allowed to stand for what the shell expanded it to.
   */
  sawRecently(commandLine: string, since: number, flagged?: LineCommand[]): boolean {
    const line = normaliseLine(commandLine);
    const recent = this.seen.filter((s) => s.at >= since - 5000 && s.line !== '');
    if (recent.some((s) => s.line === line)) return true;
    const typed = flagged ?? lineCommands(commandLine, '/');
    if (!typed?.length) return false;
    return typed.every((t) => recent.some((s) => s.commands?.some((c) => couldExpandTo(t, c.argv))));
  }

  private remember(entry: Seen): void {
    const cutoff = Date.now() - SEEN_FOR_MS;
    while (this.seen[0] && this.seen[0].at < cutoff) this.seen.shift();
    this.seen.push(entry);
  }

  /** The agent's allowance for exactly this command (same words, same directory), used up as it is taken. */
  private takeHandover(argv: string[], cwd: string): Requester | undefined {
    for (const entry of this.seen) {
      if (!entry.pendingRun || Date.now() - entry.at >= HANDOVER_MS || !entry.commands) continue;
      const at = entry.commands.findIndex((c, i) => !entry.handedOver.has(i) && sameCommand(c, argv, cwd));
      if (at < 0) continue;
      entry.handedOver.add(at);
      if (entry.handedOver.size === entry.commands.length) entry.pendingRun = false;
      return entry.requester;
    }
    return undefined;
  }

  async report(body: unknown): Promise<{ ok: true }> {
    const report = parseReport(body);
    await this.recordReport(report);
    return { ok: true };
  }

  private async viewFor(request: ConfirmRequest): Promise<ConfirmationView> {
    let check: CheckResult | undefined;
    if (request.kind === 'command' && request.command) {
      try {
        check = await this.assess(request.command, request.cwd, request.requester);
      } catch {
        check = undefined;
      }
    }
    const caller = request.check;
    if (caller && caller.findings.length > 0 && (!check || check.findings.length === 0)) check = caller;
    else if (check && caller?.target && (check.environment === null || check.environment === 'unknown') && caller.target.environment !== 'unknown') {
      // The caller resolved the target with its own environment variables; the editor could not.
      check = { ...check, environment: caller.environment, target: caller.target, confirmation: caller.confirmation ?? check.confirmation };
    }
    if (!check || check.findings.length === 0) check = callerCheck(request, check);
    return confirmationView({ ...request, check });
  }
}

/** The caller's own reason as a finding, when the editor's engine found nothing to show. */
function callerCheck(request: ConfirmRequest, base?: CheckResult): CheckResult {
  const secrets = request.kind === 'read' || /secret|credential|token|\.env|printenv/i.test(request.reason ?? '');
  return {
    decision: 'ask',
    environment: base?.environment ?? null,
    target: base?.target,
    confirmation: base?.confirmation,
    notes: base?.notes,
    findings: [
      {
        rule: request.kind === 'read' ? 'gates.secret-read' : secrets ? 'gates.secret-print' : 'gates.caller',
        severity: 'high',
        decision: 'ask',
        reason:
          request.reason ?? (request.kind === 'read' ? 'This file holds credentials or matches a protected pattern.' : 'The caller asked for confirmation.'),
        segment: request.command ?? request.file ?? '',
        resource: request.kind === 'read' ? request.file : undefined,
      },
    ],
  };
}

function text(value: unknown, name: string, max: number, optional = true): string | undefined {
  if (value === undefined || value === null) {
    if (optional) return undefined;
    throw new BadRequest(`${name} is required`);
  }
  if (typeof value !== 'string') throw new BadRequest(`${name} must be a string`);
  if (value.length > max) throw new BadRequest(`${name} is longer than ${max} characters`);
  return value;
}

export function parseConfirmRequest(body: unknown): ConfirmRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new BadRequest('body must be a JSON object');
  const b = body as Record<string, unknown>;
  const kind = b.kind as GateKind;
  if (!KINDS.includes(kind)) throw new BadRequest(`kind must be one of ${KINDS.join(', ')}`);
  const requester = REQUESTERS.includes(b.requester as Requester) ? (b.requester as Requester) : 'unknown';
  const timeoutMs = typeof b.timeoutMs === 'number' && Number.isFinite(b.timeoutMs) ? Math.min(Math.max(b.timeoutMs, 0), MAX_TIMEOUT_MS) : 30_000;
  const request: ConfirmRequest = {
    kind,
    requester,
    command: text(b.command, 'command', 200_000),
    file: text(b.file, 'file', 4096),
    cwd: text(b.cwd, 'cwd', 4096, false)!,
    reason: text(b.reason, 'reason', 2000),
    session: text(b.session, 'session', 200),
    check: parseCheck(b.check),
    timeoutMs,
  };
  if (kind === 'read' && !request.file) throw new BadRequest('file is required for a read');
  if (kind !== 'read' && !request.command) throw new BadRequest('command is required');
  return request;
}

const ENVIRONMENTS = ['production', 'staging', 'development', 'unknown'];

/** The caller's check, kept only when its shape is right; its strings are shown, never trusted to approve. */
function parseCheck(value: unknown): CheckResult | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const c = value as Partial<CheckResult>;
  if (!Array.isArray(c.findings) || (c.environment !== null && !ENVIRONMENTS.includes(c.environment as string))) return undefined;
  const findings = c.findings.filter((f) => f && typeof f.reason === 'string' && typeof f.segment === 'string' && typeof f.rule === 'string').slice(0, 20);
  const t = c.target;
  const target =
    t && typeof t === 'object' && ENVIRONMENTS.includes(t.environment) && Array.isArray(t.evidence) && Array.isArray(t.sharedWith)
      ? {
          name: typeof t.name === 'string' ? t.name : null,
          resource: typeof t.resource === 'string' ? t.resource : null,
          environment: t.environment,
          evidence: t.evidence.filter((e) => e && typeof e.source === 'string' && typeof e.value === 'string').slice(0, 10),
          sharedWith: t.sharedWith.filter((e) => ENVIRONMENTS.includes(e)),
        }
      : undefined;
  return {
    decision: 'ask',
    environment: (c.environment ?? null) as CheckResult['environment'],
    findings,
    target,
    confirmation: c.confirmation === 'typed' || c.confirmation === 'button' ? c.confirmation : undefined,
  };
}

function parseReport(body: unknown): ReportRequest {
  const request = parseConfirmRequest({ ...(body as object), timeoutMs: 0 });
  const b = body as Record<string, unknown>;
  const decision = b.decision === 'allow' || b.decision === 'ask' || b.decision === 'deny' ? b.decision : 'deny';
  const decidedBy = b.decidedBy === 'rules' || b.decidedBy === 'policy' ? b.decidedBy : 'no-editor';
  return {
    requester: request.requester,
    kind: request.kind,
    command: request.command,
    file: request.file,
    cwd: request.cwd,
    decision,
    decidedBy,
    reason: request.reason,
    session: request.session,
  };
}
