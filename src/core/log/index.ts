/** The activity log: append-only, hash-chained JSONL per workspace. See activity-log.ts and line.ts. */
export { ActivityLog, DEFAULT_MAX_FILE_BYTES, type ActivityLogOptions, type AppendedEvent, type ReadCursor, type ReadResult, type StoredEvent } from './activity-log';
export { completeEvent, newEventId, isRecoveryEvent, type NewActivityEvent } from './event-factory';
export { defaultLogDir, indexPath, logDirFor, registerLogDir, registeredLogDir, stateDir } from './location';
export { redactEvent } from './redact-event';
export { verifyLog, verifyLogAsync, type ChainAnchor, type VerifyIssue, type VerifyIssueKind, type VerifyReport } from './verify';
export { appendToWorkspaceLog, openWorkspaceLog } from './workspace-log';
export { LockTimeoutError } from './lock';
export { exportEvents, EXPORT_EXTENSIONS, type ExportFormat } from './export';
export * from './describe';
