import type { ActivityEvent } from '../events';
import { ActivityLog } from './activity-log';
import { completeEvent, type NewActivityEvent } from './event-factory';
import { defaultLogDir, registeredLogDir, registerLogDir } from './location';
import { redactEvent } from './redact-event';

/**
 * Opens the log of the workspace containing `path`, for processes without the extension
 * (`airlock hook` answering while no editor is reachable, the CLI). A root that has no log yet
 * gets the default folder, recorded in the index so the extension continues the same chain.
 */
export async function openWorkspaceLog(path: string, env: NodeJS.ProcessEnv = process.env): Promise<ActivityLog> {
  const registered = registeredLogDir(path, env);
  if (registered) return new ActivityLog(registered.logDir, { maxFileBytes: registered.maxFileBytes });
  return new ActivityLog(await registerLogDir(path, defaultLogDir(path, env), env));
}

/** Redacts, completes and durably appends one event to the log of the workspace containing `path`. */
export async function appendToWorkspaceLog(path: string, event: NewActivityEvent, env: NodeJS.ProcessEnv = process.env): Promise<ActivityEvent> {
  const log = await openWorkspaceLog(path, env);
  const complete = redactEvent(completeEvent(event));
  await log.append(complete);
  return complete;
}
