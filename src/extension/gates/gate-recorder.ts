import { randomBytes } from 'node:crypto';
import type { ActivityEvent } from '../../core/events';
import type { ConfirmRequest, ConfirmResponse, ReportRequest } from '../../core/ipc/protocol';
import { appendToWorkspaceLog } from '../../core/log';
import type { AirlockApi } from '../feature';
import type { ConfirmationView } from './confirmation-text';

type NewEvent = Omit<ActivityEvent, 'id' | 'time'> & Partial<Pick<ActivityEvent, 'id' | 'time'>>;

/** The activity service the log feature exposes on the API, when it is active. */
interface ActivityService {
  record(event: NewEvent): Promise<unknown>;
}

/**
 * Where gate decisions go: the log feature's service when it is active (it also feeds the
 * sidebar), else straight into the workspace's hash-chained log. Resolves once durable:
 * the queue answers the caller only after.
 */
export class GateRecorder {
  constructor(
    private readonly api: AirlockApi,
    private readonly workspaceRoot: () => string | undefined,
  ) {}

  async record(event: NewEvent): Promise<void> {
    const service = this.api.activity as ActivityService | undefined;
    if (service && typeof service.record === 'function') {
      await service.record(event);
      return;
    }
    const root = this.workspaceRoot() ?? event.cwd;
    if (!root) throw new Error('no workspace to log to');
    await appendToWorkspaceLog(root, { id: randomBytes(9).toString('base64url'), time: new Date().toISOString(), ...event });
  }

  confirmation(request: ConfirmRequest, view: ConfirmationView, answer: ConfirmResponse): Promise<void> {
    return this.record({
      kind: 'confirmation',
      actor: request.requester,
      session: request.session,
      command: request.command,
      file: request.file,
      cwd: request.cwd,
      decision: answer.decision,
      decidedBy: answer.decidedBy === 'person' ? 'person' : answer.decidedBy === 'timeout' ? 'timeout' : 'rules',
      reason:
        view.detail
          .split('\n')
          .find((l) => l.startsWith('Why: '))
          ?.slice(5) ?? request.reason,
      environment: view.environment,
      rule: view.rule,
      severity: view.severity,
      evidence: view.evidence.length ? view.evidence : [view.title.split('\n')[0] ?? ''],
      details: { kind: request.kind, confirmation: view.confirmation },
    });
  }

  report(report: ReportRequest): Promise<void> {
    return this.record({
      kind: report.kind === 'read' ? 'file-read' : 'decision',
      actor: report.requester,
      session: report.session,
      command: report.command,
      file: report.file,
      cwd: report.cwd,
      decision: report.decision,
      decidedBy: report.decidedBy,
      reason: report.reason,
    });
  }
}
