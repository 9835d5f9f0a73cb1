/**
 * `airlock log --verify --against FILE`: compares the local log with a copy the collector kept.
 * Every exported record names its line (`airlock.log.seq`) and that line's chain hash
 * (`airlock.log.hash`); a local line with another hash was rewritten after it was exported, and a
 * line the collector has but the laptop does not was cut. The copy may be OTLP JSON (the
 * collector's file exporter: one ExportLogsServiceRequest per line), a JSON array, or JSON Lines of
 * records whose attributes are a map, as log backends export them.
 */
import { readFileSync, statSync } from 'node:fs';
import { readLogLines } from './log-lines';

export interface ExportedLine {
  seq: number;
  hash: string;
  eventId?: string;
}

export interface AgainstReport {
  ok: boolean;
  exported: number;
  matched: number;
  /** Lines whose local hash differs from the exported one: rewritten after export. */
  rewritten: Array<{ seq: number; local: string; exported: string }>;
  /** Lines the collector has that the local log does not: cut or lost. */
  missingLocally: number[];
  /** Local lines after the last exported one: not exported yet (the queue may still hold them). */
  notYetExported: number;
  /** Local lines at or before the last exported one the copy lacks (export off then, or the copy is partial). */
  notInCopy: number;
  unreadable: number;
}

const MAX_COPY_BYTES = 512 * 1024 * 1024;

function attributesOf(record: Record<string, unknown>): Record<string, unknown> | undefined {
  const a = record.attributes;
  if (Array.isArray(a)) {
    const out: Record<string, unknown> = {};
    for (const kv of a as Array<{ key?: unknown; value?: Record<string, unknown> }>) {
      if (typeof kv?.key !== 'string') continue;
      const v = kv.value ?? {};
      out[kv.key] = v.stringValue ?? v.intValue ?? v.doubleValue ?? v.boolValue;
    }
    return out;
  }
  if (a && typeof a === 'object') return a as Record<string, unknown>;
  return undefined;
}

/** Walks any JSON value for records carrying Airlock's line attributes (bounded depth). */
function collect(value: unknown, out: ExportedLine[], depth = 0): void {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  const attrs = attributesOf(record) ?? record;
  const seq = Number(attrs['airlock.log.seq']);
  const hash = attrs['airlock.log.hash'];
  if (Number.isSafeInteger(seq) && typeof hash === 'string' && /^[0-9a-f]{16,128}$/i.test(hash)) {
    out.push({ seq, hash: hash.toLowerCase(), eventId: typeof attrs['airlock.event.id'] === 'string' ? (attrs['airlock.event.id'] as string) : undefined });
    return;
  }
  for (const v of Object.values(record)) collect(v, out, depth + 1);
}

export function readExportedCopy(path: string): { lines: ExportedLine[]; unreadable: number } {
  if (statSync(path).size > MAX_COPY_BYTES) throw new Error('the exported copy is larger than 512 MB');
  const text = readFileSync(path, 'utf8');
  const lines: ExportedLine[] = [];
  let unreadable = 0;
  try {
    collect(JSON.parse(text), lines);
  } catch {
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        collect(JSON.parse(line), lines);
      } catch {
        unreadable++;
      }
    }
  }
  return { lines, unreadable };
}

export function compareWithExport(logDir: string, copyPath: string): AgainstReport {
  const { lines: exported, unreadable } = readExportedCopy(copyPath);
  const local = new Map(readLogLines(logDir).map((l) => [l.seq, l.hash.toLowerCase()]));
  const seen = new Map<number, string>();
  for (const e of exported) seen.set(e.seq, e.hash); // a record shipped twice (at-least-once) counts once
  const rewritten: AgainstReport['rewritten'] = [];
  const missingLocally: number[] = [];
  let matched = 0;
  for (const [seq, hash] of [...seen].sort((a, b) => a[0] - b[0])) {
    const mine = local.get(seq);
    if (mine === undefined) missingLocally.push(seq);
    else if (mine !== hash) rewritten.push({ seq, local: mine, exported: hash });
    else matched++;
  }
  const lastExported = seen.size ? Math.max(...seen.keys()) : 0;
  let notYetExported = 0;
  let notInCopy = 0;
  for (const seq of local.keys()) {
    if (seq > lastExported) notYetExported++;
    else if (!seen.has(seq)) notInCopy++;
  }
  return {
    ok: rewritten.length === 0 && missingLocally.length === 0,
    exported: seen.size,
    matched,
    rewritten,
    missingLocally,
    notYetExported,
    notInCopy,
    unreadable,
  };
}

export function formatAgainst(report: AgainstReport, copyPath: string): string {
  const out: string[] = [];
  if (report.ok) out.push(`Matches the exported copy: ${report.matched} of ${report.exported} exported lines have the same hash locally (${copyPath}).`);
  else out.push(`Local log DIFFERS from the exported copy (${copyPath}):`);
  for (const r of report.rewritten.slice(0, 20))
    out.push(`  line ${r.seq} was rewritten after export: local hash ${r.local.slice(0, 16)}, exported ${r.exported.slice(0, 16)}`);
  if (report.rewritten.length > 20) out.push(`  … and ${report.rewritten.length - 20} more rewritten lines`);
  if (report.missingLocally.length)
    out.push(
      `  ${report.missingLocally.length} exported line(s) are not in the local log (cut or lost): ${report.missingLocally.slice(0, 12).join(', ')}${report.missingLocally.length > 12 ? ', …' : ''}`,
    );
  if (report.notYetExported) out.push(`  ${report.notYetExported} local line(s) after the last exported one (not exported yet)`);
  if (report.notInCopy) out.push(`  ${report.notInCopy} local line(s) the copy lacks (export was off, or the copy is partial)`);
  if (report.unreadable) out.push(`  ${report.unreadable} line(s) of the copy could not be read`);
  return `${out.join('\n')}\n`;
}
