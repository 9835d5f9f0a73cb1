declare const AIRLOCK_SCAN_WORKER_SOURCE: string | undefined;

/**
 * The scan worker's own bundle (scan-worker.ts and what it imports), embedded in the CLI bundle
 * by esbuild.mjs: a worker then compiles only the scanner, and the CLI stays one file whose hash
 * the launcher pins. Undefined when running from sources.
 */
export const embeddedScanWorker: string | undefined = typeof AIRLOCK_SCAN_WORKER_SOURCE === 'string' ? AIRLOCK_SCAN_WORKER_SOURCE : undefined;
