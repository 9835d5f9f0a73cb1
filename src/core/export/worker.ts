/**
 * Runs the flusher for one log until its queue is empty, waiting out the back-off between
 * attempts, for at most `maxRunMs` (the next logged event starts a new worker). This is what
 * `airlock export flush` runs, detached, when a hook queued events and no editor ships them.
 */
import { canExport, type FlushResult, flushQueue } from './flusher';
import { createShipper, type Shipper } from './otlp';
import { readState } from './queue';
import { loadExportSettings } from './settings';
import { workspaceOfLogDir } from './workspace';

export async function drainQueue(
  logDir: string,
  options: { env?: NodeJS.ProcessEnv; maxRunMs?: number; shipper?: Shipper; managedPath?: string } = {},
): Promise<FlushResult | { off: true }> {
  const env = options.env ?? process.env;
  const settings = loadExportSettings(env, options.managedPath);
  if (!canExport(settings) && !options.shipper) return { off: true };
  const shipper = options.shipper ?? createShipper(settings!);
  const workspace = workspaceOfLogDir(logDir, env);
  const deadline = Date.now() + (options.maxRunMs ?? 10 * 60_000);
  const once = options.maxRunMs === 0;
  let result: FlushResult = { shipped: 0, pending: 0 };
  try {
    for (;;) {
      result = await flushQueue(logDir, shipper, { workspace, force: true });
      if (once) return result;
      if (result.skipped === 'busy' || (!result.error && result.pending === 0)) return result;
      const wait = Math.max(200, (readState(logDir).nextAttemptAt ?? Date.now() + 1000) - Date.now());
      if (Date.now() + wait > deadline) return result;
      await new Promise((r) => setTimeout(r, wait));
    }
  } finally {
    if (!options.shipper) await shipper.close();
  }
}
