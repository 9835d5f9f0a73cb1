/**
 * In a CLI process (a hook, the shim gate): events the log queued for export are shipped by a
 * detached `airlock export flush` started as the process exits, after the answer is written, and
 * only when no flusher (the editor's or an earlier worker) holds the queue. The hook never waits
 * on the network and never on the worker.
 */
import { spawn } from 'node:child_process';
import { setShipRequest } from '../core/export/after-append';
import { flusherActive } from '../core/export/queue';

export function installExportWorker(script: string = process.argv[1] ?? ''): void {
  const pending = new Set<string>();
  setShipRequest((logDir) => pending.add(logDir));
  process.once('beforeExit', () => {
    for (const logDir of pending) {
      if (flusherActive(logDir)) continue;
      try {
        const child = spawn(process.execPath, [...process.execArgv, script, 'export', 'flush', '--wait', '--log-dir', logDir], {
          detached: true,
          stdio: 'ignore',
          windowsHide: true,
        });
        child.on('error', () => undefined);
        child.unref();
      } catch {
        /* the next event or the editor ships it: the queue keeps it */
      }
    }
    pending.clear();
  });
}
