/**
 * The one call the activity log makes after a line is durable: put the event in the export
 * queue (a local file write, no network) and let whoever ships in this process know. Cheap and
 * silent: it never throws, never waits, and does nothing when no export is configured.
 */
import type { ActivityEvent } from '../events';
import { canExport } from './flusher';
import { enqueue } from './queue';
import { loadExportSettings } from './settings';

/** Called once events are queued: the editor schedules its flusher; the CLI starts a detached worker on exit. */
export type ShipRequest = (logDir: string) => void;

let onQueued: ShipRequest | undefined;
let managedPathForTests: string | undefined;

/** Set by the process that ships: the extension (in-process flusher) or the CLI (a detached worker). */
export function setShipRequest(request: ShipRequest | undefined): void {
  onQueued = request;
}

/**
 * For tests only: read the managed policy from another path. A function call, not a variable
 * or flag: nothing on a command line reaches it.
 */
export function setManagedPolicyPathForTests(path: string | undefined): void {
  managedPathForTests = path;
}

export function afterAppend(logDir: string, appended: { seq: number; hash: string; event: ActivityEvent }): void {
  try {
    const settings = loadExportSettings(process.env, managedPathForTests);
    if (!canExport(settings)) return;
    const result = enqueue(logDir, { seq: appended.seq, hash: appended.hash, event: appended.event });
    if (result !== 'failed') onQueued?.(logDir);
  } catch {
    /* export must never disturb logging or the answer */
  }
}
