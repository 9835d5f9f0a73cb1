import * as vscode from 'vscode';
import { setShipRequest } from '../../core/export/after-append';
import { canExport, flushQueue } from '../../core/export/flusher';
import { createShipper, type Shipper } from '../../core/export/otlp';
import { readState, touchEditorHeartbeat } from '../../core/export/queue';
import { loadExportSettings } from '../../core/export/settings';
import { teamStatus } from '../../core/export/status';
import { workspaceOfLogDir } from '../../core/export/workspace';
import { logDirFor } from '../../core/log/location';
import type { Feature } from '../feature';
import { fileWorkspaceRoots as workspaceRoots } from '../workspace-roots';

/**
 * Ships the export queue from the editor: soon after the activity log queues an event, and every
 * 10 s for the workspaces' logs (with a heartbeat that tells hooks not to start a worker) (events hooks queued while no worker ran). Flushing runs off the
 * answer path; the back-off lives in the queue's state, shared with detached workers.
 */
export const exportFeature: Feature = {
  id: 'export',
  activate(context, api) {
    const dirs = new Set<string>();
    let shipper: { key: string; value: Shipper } | undefined;
    let running = false;
    let timer: NodeJS.Timeout | undefined;
    let lastFailing: string | undefined;

    const flush = async () => {
      if (running) return;
      running = true;
      try {
        const settings = loadExportSettings(process.env);
        if (!canExport(settings)) return;
        const key = JSON.stringify(settings);
        if (shipper?.key !== key) {
          await shipper?.value.close();
          shipper = { key, value: createShipper(settings) };
        }
        for (const root of workspaceRoots()) dirs.add(logDirFor(root));
        for (const dir of dirs) {
          touchEditorHeartbeat(dir);
          await flushQueue(dir, shipper.value, { workspace: workspaceOfLogDir(dir) });
        }
        const failing = [...dirs].map((d) => readState(d).failingSince).find(Boolean);
        if (failing !== lastFailing) {
          lastFailing = failing;
          (api.protection as { refresh?: () => void } | undefined)?.refresh?.();
        }
      } catch {
        /* the queue keeps everything; the next tick retries */
      } finally {
        running = false;
      }
    };
    const soon = () => {
      if (!timer)
        timer = setTimeout(() => {
          timer = undefined;
          void flush();
        }, 250);
    };
    setShipRequest((dir) => {
      dirs.add(dir);
      soon();
    });
    const interval = setInterval(() => void flush(), 10_000);
    context.subscriptions.push(
      {
        dispose: () => {
          clearInterval(interval);
          if (timer) clearTimeout(timer);
          setShipRequest(undefined);
          void shipper?.value.close();
        },
      },
      vscode.commands.registerCommand('airlock.export.status', async () => {
        const status = teamStatus(workspaceRoots()[0]);
        const e = status.export;
        const text = !e
          ? 'Airlock export is off: set "export": { "endpoint": … } in your user policy, or ask your administrator.'
          : e.failingSince
            ? `Airlock export to ${e.endpoint} failing since ${e.failingSince}: ${e.lastError ?? ''}. ${e.pending} event(s) wait on disk.`
            : `Airlock exports every logged event to ${e.endpoint}${e.locked ? ' (managed)' : ''}. ${e.pending} waiting.`;
        const choice = await vscode.window.showInformationMessage(text, ...(e ? ['Retry now'] : []));
        if (choice === 'Retry now') {
          for (const root of workspaceRoots()) dirs.add(logDirFor(root));
          const settings = loadExportSettings(process.env);
          if (canExport(settings)) for (const dir of dirs) await flushQueue(dir, createShipper(settings), { force: true, workspace: workspaceOfLogDir(dir) });
          (api.protection as { refresh?: () => void } | undefined)?.refresh?.();
        }
      }),
    );
    soon();
    api.export = { flush };
  },
};
