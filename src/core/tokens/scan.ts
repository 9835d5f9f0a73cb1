import { type Dirent, readdirSync, type Stats, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Minimatch } from 'minimatch';
import { noteCleanRead } from '../hooks/read-index';
import { detectInText } from './detect';
import { type ExposureIndex, type ExposureOptions, loadExposure, toPosixRelative } from './exposure';
import { DEFAULT_MAX_FILE_BYTES, describeError, readTextBounded } from './files';
import { type AcceptedFindings, loadAirlockIgnore } from './ignore-file';
import { keyStoreFinding } from './key-files';
import { type ScanBatch, type ScanBatchResult, type ScanResult, scanOne } from './scan-worker';
import { embeddedScanWorker } from './scan-worker-source';
import type { TokenFinding } from './types';

/** Skipped unless `--no-default-excludes`: dependencies and git's own store. */
export const DEFAULT_EXCLUDES: readonly string[] = ['**/node_modules/**', '**/.git/**'];

export interface ScanOptions extends ExposureOptions {
  /** Only files matching one of these globs (relative to the root). */
  include?: readonly string[];
  exclude?: readonly string[];
  /** Apply DEFAULT_EXCLUDES (default true). */
  defaultExcludes?: boolean;
  maxFileBytes?: number;
  /** Files read at once (the plain reader only). */
  concurrency?: number;
  /**
   * How files are read. `fast` (default): one open, read and close per file, synchronously, no
   * promise per file; with `workers` and `workerEntry`, files are read and checked in worker
   * threads. `plain`: the bounded promise reader, `concurrency` at a time (the reference a test
   * compares the fast one with).
   */
  reader?: 'fast' | 'plain';
  /**
   * The launcher's read index (src/core/hooks/read-index.ts): files found clean are added, so
   * an agent's later read of them is answered without starting Node.
   */
  readIndex?: string;
  /** Worker threads for the fast reader (0: read in this thread). */
  workers?: number;
  /** The script a worker runs (this module's scanWorker, or a bundle that starts it), with Node flags. */
  workerEntry?: { script: string; execArgv?: string[]; eval?: boolean };
  signal?: AbortSignal;
  /** Called for every file or directory not scanned, with why. */
  onSkip?: (relativePath: string, reason: string) => void;
  onProgress?: (filesScanned: number) => void;
}

export interface ScanSummary {
  findings: TokenFinding[];
  filesScanned: number;
  bytesScanned: number;
  skipped: number;
  cancelled: boolean;
  /** Worker threads that read files for this scan (0 or absent: all read in this thread). */
  workers?: number;
}

function globs(patterns: readonly string[]): Minimatch[] {
  return patterns.map((p) => new Minimatch(p, { dot: true, matchBase: !p.includes('/') }));
}

/**
 * Scans one workspace root: every file including dotfiles and git-ignored ones (agents read
 * those too), never following symlinked directories (no loops), reading each file through a
 * bounded read, at most `concurrency` at a time. Findings carry root-relative posix paths.
 */
export class WorkspaceScanner {
  private readonly excludes: Minimatch[];
  private readonly includes: Minimatch[];
  private accepted?: AcceptedFindings;
  private exposure?: ExposureIndex;

  constructor(
    readonly root: string,
    private readonly options: ScanOptions = {},
  ) {
    const defaults = options.defaultExcludes === false ? [] : DEFAULT_EXCLUDES;
    this.excludes = globs([...defaults, ...(options.exclude ?? [])]);
    this.includes = globs(options.include ?? []);
  }

  /** Re-reads .airlockignore, .cursorignore, Claude settings and git's index. */
  async refresh(): Promise<void> {
    [this.accepted, this.exposure] = await Promise.all([loadAirlockIgnore(this.root), loadExposure(this.root, this.options)]);
  }

  isExcluded(relativePath: string, isDirectory = false): boolean {
    const probe = isDirectory ? `${relativePath}/.airlock-probe` : relativePath;
    if (this.excludes.some((g) => g.match(probe) || (isDirectory && g.match(relativePath)))) return true;
    if (!isDirectory && this.includes.length > 0 && !this.includes.some((g) => g.match(relativePath))) return true;
    return false;
  }

  async scanAll(): Promise<ScanSummary> {
    if (!this.accepted) await this.refresh();
    const summary: ScanSummary = { findings: [], filesScanned: 0, bytesScanned: 0, skipped: 0, cancelled: false };
    const concurrency = Math.max(1, this.options.concurrency ?? 8);
    const inflight = new Set<Promise<void>>();
    const skip = (rel: string, reason: string) => {
      summary.skipped++;
      this.options.onSkip?.(rel, reason);
    };
    const rootInfo = await stat(this.root).catch((e: unknown) => e as Error);
    if (rootInfo instanceof Error) {
      skip('.', describeError(rootInfo));
      return summary;
    }
    if (rootInfo.isFile()) {
      await this.scanInto(this.root, '', summary, skip);
      return this.finish(summary);
    }
    const fast =
      this.options.reader === 'plain'
        ? undefined
        : new FastReader(
            this.options,
            (result) => this.take(result, summary, skip),
            (batch) => this.takeBatch(batch, summary, skip),
          );
    try {
      await this.walk(summary, skip, fast, inflight, concurrency);
      await fast?.drain();
      if (fast) summary.workers = fast.started;
    } finally {
      fast?.close();
    }
    await Promise.all(inflight);
    return this.finish(summary);
  }

  /**
   * Lists directories synchronously (one readdir per directory; the dirent's type, no stat, except
   * for a symlink's target) and builds each relative path from its parent's. With the fast reader
   * the walk lets the event loop run every few milliseconds (workers' answers, cancellation, the
   * editor when files are read in this thread).
   */
  private async walk(
    summary: ScanSummary,
    skip: (rel: string, reason: string) => void,
    fast: FastReader | undefined,
    inflight: Set<Promise<void>>,
    concurrency: number,
  ): Promise<void> {
    const stack: Array<[dir: string, rel: string]> = [[this.root, '']];
    let lastYield = Date.now();
    while (stack.length > 0) {
      if (this.options.signal?.aborted) {
        summary.cancelled = true;
        break;
      }
      const [dir, dirRel] = stack.pop()!;
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        skip(dirRel || '.', describeError(error));
        continue;
      }
      for (const entry of entries) {
        // In-thread reads block this thread: the editor (and the workers' answers) get a turn.
        if (fast && Date.now() - lastYield > WALK_SLICE_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          lastYield = Date.now();
        }
        if (this.options.signal?.aborted) {
          summary.cancelled = true;
          break;
        }
        const path = join(dir, entry.name);
        const rel = dirRel ? `${dirRel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (this.isExcluded(rel, true)) continue;
          stack.push([path, rel]);
          continue;
        }
        if (entry.isSymbolicLink()) {
          let target: Stats;
          try {
            target = statSync(path);
          } catch (error) {
            skip(rel, `broken symlink (${describeError(error)})`);
            continue;
          }
          if (target.isDirectory()) {
            skip(rel, 'symlink to a directory (not followed)');
            continue;
          }
        } else if (!entry.isFile()) {
          skip(rel, 'not a regular file');
          continue;
        }
        if (this.isExcluded(rel)) continue;
        if (this.accepted!.ignoresFile(rel)) {
          skip(rel, 'accepted in .airlockignore');
          continue;
        }
        if (fast) {
          this.noteKeyStore(rel, summary);
          fast.add(path, rel);
          continue;
        }
        const task = this.scanInto(path, rel, summary, skip).finally(() => inflight.delete(task));
        inflight.add(task);
        if (inflight.size >= concurrency) await Promise.race(inflight);
      }
    }
  }

  /** Counts one file's result from the fast reader, as scanInto does for the plain one. */
  private take(result: ScanResult, summary: ScanSummary, skip: (rel: string, reason: string) => void): void {
    if (result.skipped !== undefined) {
      skip(result.rel || result.path, result.skipped);
      return;
    }
    summary.filesScanned++;
    summary.bytesScanned += result.bytes ?? 0;
    this.options.onProgress?.(summary.filesScanned);
    if (this.options.readIndex && result.findings?.length === 0) noteCleanRead(this.options.readIndex, result.path, undefined);
    for (const finding of result.findings ?? []) {
      if (this.accepted!.ignoresFingerprint(finding.fingerprint)) continue;
      summary.findings.push(finding);
    }
  }

  /** Counts a worker's batch: the same as `take` for each of its files. */
  private takeBatch(batch: ScanBatchResult, summary: ScanSummary, skip: (rel: string, reason: string) => void): void {
    for (const [rel, reason] of batch.skipped) skip(rel, reason);
    summary.filesScanned += batch.scanned;
    summary.bytesScanned += batch.bytes;
    if (batch.scanned > 0) this.options.onProgress?.(summary.filesScanned);
    if (this.options.readIndex) for (const path of batch.clean) noteCleanRead(this.options.readIndex, path, undefined);
    for (const finding of batch.findings) {
      if (this.accepted!.ignoresFingerprint(finding.fingerprint)) continue;
      summary.findings.push(finding);
    }
  }

  /** Scans one file of the workspace (incremental scans); excluded or accepted files give nothing. */
  async scanFile(absolutePath: string): Promise<{ findings: TokenFinding[]; skipped?: string }> {
    if (!this.accepted) await this.refresh();
    const rel = toPosixRelative(this.root, absolutePath);
    if (rel.startsWith('..')) return { findings: [], skipped: 'outside the workspace' };
    if (this.isExcluded(rel) || this.accepted!.ignoresFile(rel)) return { findings: [], skipped: 'excluded' };
    const summary: ScanSummary = { findings: [], filesScanned: 0, bytesScanned: 0, skipped: 0, cancelled: false };
    let skipped: string | undefined;
    await this.scanInto(absolutePath, rel, summary, (_r, reason) => {
      skipped = reason;
    });
    await this.finish(summary);
    return { findings: summary.findings, skipped };
  }

  /** A .p12/.pfx key store is binary: found by its name, before the read skips it (both readers). */
  private noteKeyStore(name: string, summary: ScanSummary): void {
    const keyStore = keyStoreFinding(name);
    if (keyStore && !this.accepted!.ignoresFingerprint(keyStore.fingerprint)) summary.findings.push(keyStore);
  }

  private async scanInto(path: string, rel: string, summary: ScanSummary, skip: (rel: string, reason: string) => void): Promise<void> {
    this.noteKeyStore(rel || path, summary);
    const read = await readTextBounded(path, this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    if (!read.ok) {
      skip(rel || path, read.reason);
      return;
    }
    summary.filesScanned++;
    summary.bytesScanned += read.bytes;
    this.options.onProgress?.(summary.filesScanned);
    const name = rel || path;
    for (const finding of detectInText(read.text, { fileName: name })) {
      if (this.accepted!.ignoresFingerprint(finding.fingerprint)) continue;
      summary.findings.push(finding);
    }
  }

  private async finish(summary: ScanSummary): Promise<ScanSummary> {
    const exposure = this.exposure!;
    const files = [...new Set(summary.findings.map((f) => f.file))];
    await exposure.primeGitIgnored(files);
    for (const finding of summary.findings) {
      const blockedBy = exposure.blockedBy(finding.file);
      finding.tracked = exposure.tracked(finding.file);
      finding.gitIgnored = exposure.gitIgnored(finding.file);
      finding.agentReadable = blockedBy.length === 0;
      finding.blockedBy = blockedBy;
    }
    summary.findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    return summary;
  }
}

/** Files per message to a worker: large enough that messaging is cheap, small enough to balance the tail. */
const BATCH_FILES = 48;
/** Workers cost a start-up each: only a tree past a few hundred files pays for them. */
const WORKERS_AFTER_FILES = 256;
/** How long the walk lists directories before letting the workers' answers in. */
const WALK_SLICE_MS = 8;

/**
 * The fast reader: files are read synchronously in this thread, or queued for worker threads,
 * which take batches as they finish (at most two in flight each): work follows what each worker
 * can do, whatever the files' sizes. Workers start as soon as the walk has seen enough files.
 */
class FastReader {
  private readonly maxBytes: number;
  private readonly scratch: { buffer?: Buffer } = {};
  private workers: Worker[] = [];
  /** One entry per free slot: a worker appears twice (two batches in flight each). */
  private idle: Worker[] = [];
  private readonly pending = new Map<number, Array<[string, string]>>();
  private queue: Array<[string, string]> = [];
  private walking = true;
  private nextId = 0;
  private waiting?: () => void;

  private readonly entry?: ScanOptions['workerEntry'];
  private readonly clean: boolean;
  /** Workers that answered at least one batch. */
  started = 0;
  private readonly answered = new Set<Worker>();
  private wanted: number;
  private seen = 0;

  constructor(
    options: ScanOptions,
    private readonly take: (result: ScanResult) => void,
    private readonly takeBatch: (result: ScanBatchResult) => void,
  ) {
    this.maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.entry = options.workerEntry;
    this.clean = options.readIndex !== undefined;
    this.wanted = this.entry ? Math.max(0, Math.floor(options.workers ?? 0)) : 0;
  }

  private start(): void {
    const count = this.wanted;
    this.wanted = 0;
    try {
      for (let i = 0; i < count; i++) {
        const worker = new Worker(this.entry!.script, {
          eval: this.entry!.eval === true,
          workerData: { airlockScanWorker: true },
          execArgv: this.entry!.execArgv ?? [],
        });
        worker.on('message', (message: ScanBatchResult) => this.received(worker, message));
        worker.on('error', () => this.lost());
        worker.on('exit', () => this.lost());
        this.workers.push(worker);
        this.idle.push(worker, worker);
      }
    } catch {
      this.lost();
    }
  }

  add(path: string, rel: string): void {
    if (this.wanted > 0 && ++this.seen > WORKERS_AFTER_FILES) this.start();
    if (this.workers.length === 0) {
      this.take(scanOne(path, rel, this.maxBytes, this.scratch));
      return;
    }
    this.queue.push([path, rel]);
    if (this.queue.length >= BATCH_FILES) this.pump();
  }

  /** Hands queued files to free workers; while the walk goes on, only full batches. */
  private pump(): void {
    while (this.idle.length > 0 && this.workers.length > 0 && this.queue.length >= (this.walking ? BATCH_FILES : 1)) {
      const files = this.queue.splice(0, BATCH_FILES);
      const worker = this.idle.pop()!;
      const id = this.nextId++;
      this.pending.set(id, files);
      worker.postMessage({ id, files, maxBytes: this.maxBytes, clean: this.clean } satisfies ScanBatch);
    }
  }

  private received(worker: Worker, message: ScanBatchResult): void {
    if (!this.pending.delete(message.id)) return;
    if (!this.answered.has(worker)) {
      this.answered.add(worker);
      this.started = this.answered.size;
    }
    this.takeBatch(message);
    if (this.workers.includes(worker)) this.idle.push(worker);
    this.pump();
    this.wake();
  }

  /** A worker failed or exited: every worker stops, and what they had is read in this thread. */
  private lost(): void {
    if (this.workers.length === 0 && this.pending.size === 0) return;
    const workers = this.workers;
    this.workers = [];
    this.idle = [];
    for (const worker of workers) void worker.terminate();
    const batches = [...this.pending.values(), this.queue];
    this.pending.clear();
    this.queue = [];
    for (const files of batches) for (const [path, rel] of files) this.take(scanOne(path, rel, this.maxBytes, this.scratch));
    this.wake();
  }

  private wake(): void {
    const wake = this.waiting;
    this.waiting = undefined;
    wake?.();
  }

  /** The walk is over: sends what is queued and waits for every answer. */
  async drain(): Promise<void> {
    this.walking = false;
    this.pump();
    while (this.pending.size > 0 || this.queue.length > 0) {
      if (this.workers.length === 0) {
        this.lost();
        break;
      }
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
      });
    }
  }

  close(): void {
    const workers = this.workers;
    this.workers = [];
    for (const worker of workers) {
      worker.removeAllListeners('exit');
      void worker.terminate();
    }
  }
}

/**
 * How a worker runs this scanner: the CLI bundle starts the worker module itself when loaded
 * as a worker (src/cli/main.ts); from TypeScript sources it needs tsx.
 */
export function workerEntryFor(mainFile: string | undefined): ScanOptions['workerEntry'] {
  // The CLI bundle carries the worker's own small bundle: a worker compiles 250 KB, not the whole CLI.
  if (embeddedScanWorker !== undefined) return { script: embeddedScanWorker, eval: true };
  if (!mainFile) return undefined;
  if (mainFile.endsWith('.js')) return { script: mainFile };
  // Workers do not inherit tsx's loader: register it inside the worker, then load the module.
  if (mainFile.endsWith('.ts')) return { script: `require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'scan-worker.ts'))});`, eval: true };
  return undefined;
}
