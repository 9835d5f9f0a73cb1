/**
 * The Protection view's team lines: that a managed policy applies (and that user and repository
 * policy may only tighten it), and where events are exported, with "export failing since …"
 * while the collector cannot be reached. No vscode import: the wording is unit-tested.
 */
import { type TeamStatus, teamStatus } from '../../core/export/status';
import type { Layer } from '../protection/protection-model';

function host(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

export function teamLayersFrom(status: TeamStatus, now: Date = new Date()): Layer[] {
  const layers: Layer[] = [];
  if (status.managed) {
    layers.push({
      id: 'managed-policy',
      label: 'Policy',
      state: 'on',
      detail: `Managed by your organization (${status.managed.path}): your settings and the repository's may only make it stricter. Run \`airlock policy show\` for each value and its source.`,
    });
  }
  const e = status.export;
  if (e) {
    const where = `${host(e.endpoint)}${e.locked ? ' (set by the managed policy)' : ''}`;
    if (e.failingSince) {
      const since = new Date(e.failingSince);
      const minutes = Math.max(0, Math.round((now.getTime() - since.getTime()) / 60_000));
      layers.push({
        id: 'export',
        label: 'Team export',
        state: 'warning',
        detail: `Export failing since ${since.toISOString().replace('T', ' ').slice(0, 16)} UTC (${minutes} min): ${e.lastError ?? 'the collector did not answer'}. ${e.pending} event(s) wait on disk and will be sent when ${where} answers; none are lost.`,
        fix: { title: 'Show export status', command: 'airlock.export.status' },
      });
    } else {
      layers.push({
        id: 'export',
        label: 'Team export',
        state: 'on',
        detail: `Every logged event is sent to ${where}${e.pending ? `; ${e.pending} waiting` : ''}.`,
      });
    }
  }
  return layers;
}

export function teamLayers(root: string | undefined): Layer[] {
  return teamLayersFrom(teamStatus(root));
}
