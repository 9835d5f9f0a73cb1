/**
 * A scan worker thread: reads and checks the files the main thread sends, in batches, and sends
 * back what it found. Started by WorkspaceScanner with `workerData.airlockScanWorker`; the CLI
 * bundle starts this module when it finds itself loaded that way (src/cli/main.ts).
 */
import { isUtf8 } from 'node:buffer';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { detectInText, prefilterBytes } from './detect';
import { readBytesSync } from './read-sync';
import type { TokenFinding } from './types';

export interface ScanBatch {
  id: number;
  files: Array<[path: string, rel: string]>;
  maxBytes: number;
  /** Send back the paths of files found clean (for the read index). */
  clean: boolean;
}
export interface ScanResult {
  rel: string;
  path: string;
  bytes?: number;
  skipped?: string;
  findings?: TokenFinding[];
}
/** A batch's answer, summed: only findings, skips and (when asked) clean paths travel back. */
export interface ScanBatchResult {
  id: number;
  scanned: number;
  bytes: number;
  findings: TokenFinding[];
  skipped: Array<[rel: string, reason: string]>;
  clean: string[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads and checks one file; shared by the worker and the in-thread fast path. The keyword pass
 * runs on the bytes: a file none of the detectors' words occur in is never decoded, and the
 * others are not lowercased or searched for keywords again.
 */
export function scanOne(path: string, rel: string, maxBytes: number, scratch: { buffer?: Buffer }): ScanResult {
  const read = readBytesSync(path, maxBytes, scratch);
  if (!read.ok) return { rel, path, skipped: read.reason };
  const { bytes } = read;
  const pre = prefilterBytes(bytes);
  if (pre?.nothing && isUtf8(bytes)) return { rel, path, bytes: bytes.length, findings: [] };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { rel, path, skipped: 'not valid UTF-8' };
  }
  return { rel, path, bytes: bytes.length, findings: detectInText(text, { fileName: rel || path, prefiltered: pre?.scan }) };
}

export function scanBatch(batch: ScanBatch, scratch: { buffer?: Buffer }): ScanBatchResult {
  const answer: ScanBatchResult = { id: batch.id, scanned: 0, bytes: 0, findings: [], skipped: [], clean: [] };
  for (const [path, rel] of batch.files) {
    const result = scanOne(path, rel, batch.maxBytes, scratch);
    if (result.skipped !== undefined) {
      answer.skipped.push([rel || path, result.skipped]);
      continue;
    }
    answer.scanned++;
    answer.bytes += result.bytes ?? 0;
    if (result.findings?.length) answer.findings.push(...result.findings);
    else if (batch.clean) answer.clean.push(path);
  }
  return answer;
}

export function runScanWorker(): void {
  const port = parentPort;
  if (!port) return;
  const scratch: { buffer?: Buffer } = {};
  port.on('message', (batch: ScanBatch) => port.postMessage(scanBatch(batch, scratch)));
}

export function isScanWorker(): boolean {
  return !isMainThread && (workerData as { airlockScanWorker?: boolean } | undefined)?.airlockScanWorker === true;
}

if (isScanWorker()) runScanWorker();
