/** The activity log: append-only, hash-chained JSONL per workspace. See activity-log.ts and line.ts. */
export {
  ActivityLog,
  type ActivityLogOptions,
  type AppendedEvent,
  DEFAULT_MAX_FILE_BYTES,
  type ReadCursor,
  type ReadResult,
  type StoredEvent,
} from './activity-log';
export * from './describe';
export { completeEvent, isRecoveryEvent, type NewActivityEvent, newEventId } from './event-factory';
export { EXPORT_EXTENSIONS, type ExportFormat, exportEvents } from './export';
export { defaultLogDir, indexPath, logDirFor, registeredLogDir, registerLogDir, stateDir } from './location';
export { LockTimeoutError } from './lock';
export { redactEvent } from './redact-event';
export { type ChainAnchor, type VerifyIssue, type VerifyIssueKind, type VerifyReport, verifyLog, verifyLogAsync } from './verify';
export { appendToWorkspaceLog, openWorkspaceLog } from './workspace-log';
