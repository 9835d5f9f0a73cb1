/**
 * A scan worker thread: reads and checks the files the main thread sends, in batches, and sends
 * back what it found. Started by WorkspaceScanner with `workerData.airlockScanWorker`; the CLI
 * bundle starts this module when it finds itself loaded that way (src/cli/main.ts).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { detectInText } from './detect';
import { readTextSync } from './read-sync';
import type { TokenFinding } from './types';

export interface ScanBatch {
  id: number;
  files: Array<[path: string, rel: string]>;
  maxBytes: number;
}
export interface ScanResult {
  rel: string;
  path: string;
  bytes?: number;
  skipped?: string;
  findings?: TokenFinding[];
}
export interface ScanBatchResult {
  id: number;
  results: ScanResult[];
}

/** Reads and checks one file; shared by the worker and the in-thread fast path. */
export function scanOne(path: string, rel: string, maxBytes: number, scratch: { buffer?: Buffer }): ScanResult {
  const read = readTextSync(path, maxBytes, scratch);
  if (!read.ok) return { rel, path, skipped: read.reason };
  return { rel, path, bytes: read.bytes, findings: detectInText(read.text, { fileName: rel || path }) };
}

export function runScanWorker(): void {
  const port = parentPort;
  if (!port) return;
  const scratch: { buffer?: Buffer } = {};
  port.on('message', (batch: ScanBatch) => {
    const results = batch.files.map(([path, rel]) => scanOne(path, rel, batch.maxBytes, scratch));
    port.postMessage({ id: batch.id, results } satisfies ScanBatchResult);
  });
}

export function isScanWorker(): boolean {
  return !isMainThread && (workerData as { airlockScanWorker?: boolean } | undefined)?.airlockScanWorker === true;
}

if (isScanWorker()) runScanWorker();
