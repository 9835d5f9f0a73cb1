import type { ActivityEvent } from '../events';

export type ExportFormat = 'json' | 'csv' | 'markdown';

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { json: 'json', csv: 'csv', markdown: 'md' };

/** Columns of the CSV and Markdown exports, in order; `details` and `evidence` are flattened. */
const COLUMNS: Array<[keyof ActivityEvent, string]> = [
  ['time', 'Time'],
  ['kind', 'Kind'],
  ['actor', 'Actor'],
  ['session', 'Session'],
  ['decision', 'Decision'],
  ['decidedBy', 'Decided by'],
  ['environment', 'Environment'],
  ['severity', 'Severity'],
  ['rule', 'Rule'],
  ['command', 'Command'],
  ['file', 'File'],
  ['cwd', 'Working folder'],
  ['exitCode', 'Exit code'],
  ['durationMs', 'Duration (ms)'],
  ['reason', 'Reason'],
  ['evidence', 'Evidence'],
  ['id', 'Id'],
];

function cell(event: ActivityEvent, key: keyof ActivityEvent): string {
  const value = event[key];
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join('; ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** RFC 4180: quote fields holding a comma, quote or line break; double inner quotes. */
function csvField(text: string): string {
  // A leading = + - @ would make a spreadsheet run the cell as a formula (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, '\\`').replace(/\r?\n/g, '<br>');
}

/** Events are already redacted (they come from the log); exports add nothing that is not in it. */
export function exportEvents(events: ActivityEvent[], format: ExportFormat, meta: { workspace?: string; verified?: string } = {}): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ exportedAt: new Date().toISOString(), ...meta, count: events.length, events }, null, 2)}\n`;
    case 'csv':
      return [COLUMNS.map(([, title]) => csvField(title)).join(','), ...events.map((e) => COLUMNS.map(([key]) => csvField(cell(e, key))).join(','))]
        .map((row) => `${row}\r\n`)
        .join('');
    case 'markdown': {
      const header = [
        '# Airlock activity log',
        '',
        ...(meta.workspace ? [`- Workspace: \`${meta.workspace}\``] : []),
        `- Exported: ${new Date().toISOString()}`,
        ...(meta.verified ? [`- Chain: ${meta.verified}`] : []),
        `- Events: ${events.length}`,
        '',
      ];
      const table = [
        `| ${COLUMNS.map(([, title]) => title).join(' | ')} |`,
        `| ${COLUMNS.map(() => '---').join(' | ')} |`,
        ...events.map((e) => `| ${COLUMNS.map(([key]) => markdownCell(cell(e, key))).join(' | ')} |`),
      ];
      return `${[...header, ...table].join('\n')}\n`;
    }
  }
}
