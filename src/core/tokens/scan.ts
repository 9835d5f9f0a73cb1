import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Minimatch } from 'minimatch';
import { detectInText } from './detect';
import { loadExposure, toPosixRelative, type ExposureIndex, type ExposureOptions } from './exposure';
import { DEFAULT_MAX_FILE_BYTES, describeError, readTextBounded } from './files';
import { loadAirlockIgnore, type AcceptedFindings } from './ignore-file';
import { keyStoreFinding } from './key-files';
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
  /** Files read at once. */
  concurrency?: number;
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

  constructor(readonly root: string, private readonly options: ScanOptions = {}) {
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
    const skip = (rel: string, reason: string) => { summary.skipped++; this.options.onSkip?.(rel, reason); };
    const rootInfo = await stat(this.root).catch((e: unknown) => e as Error);
    if (rootInfo instanceof Error) { skip('.', describeError(rootInfo)); return summary; }
    if (rootInfo.isFile()) {
      await this.scanInto(this.root, '', summary, skip);
      return this.finish(summary);
    }
    const stack: string[] = [this.root];
    while (stack.length > 0) {
      if (this.options.signal?.aborted) { summary.cancelled = true; break; }
      const dir = stack.pop()!;
      let handle;
      try {
        handle = await opendir(dir);
      } catch (error) {
        skip(toPosixRelative(this.root, dir) || '.', describeError(error));
        continue;
      }
      try {
        for await (const entry of handle) {
          if (this.options.signal?.aborted) { summary.cancelled = true; break; }
          const path = join(dir, entry.name);
          const rel = toPosixRelative(this.root, path);
          if (entry.isDirectory()) {
            if (this.isExcluded(rel, true)) continue;
            stack.push(path);
            continue;
          }
          if (entry.isSymbolicLink()) {
            const target = await stat(path).catch((e: unknown) => e as Error);
            if (target instanceof Error) { skip(rel, `broken symlink (${describeError(target)})`); continue; }
            if (target.isDirectory()) { skip(rel, 'symlink to a directory (not followed)'); continue; }
          } else if (!entry.isFile()) {
            skip(rel, 'not a regular file');
            continue;
          }
          if (this.isExcluded(rel)) continue;
          if (this.accepted!.ignoresFile(rel)) { skip(rel, 'accepted in .airlockignore'); continue; }
          const task = this.scanInto(path, rel, summary, skip).finally(() => inflight.delete(task));
          inflight.add(task);
          if (inflight.size >= concurrency) await Promise.race(inflight);
        }
      } catch (error) {
        // A directory that vanished mid-listing: keep what we have.
        skip(toPosixRelative(this.root, dir) || '.', describeError(error));
      }
    }
    await Promise.all(inflight);
    return this.finish(summary);
  }

  /** Scans one file of the workspace (incremental scans); excluded or accepted files give nothing. */
  async scanFile(absolutePath: string): Promise<{ findings: TokenFinding[]; skipped?: string }> {
    if (!this.accepted) await this.refresh();
    const rel = toPosixRelative(this.root, absolutePath);
    if (rel.startsWith('..')) return { findings: [], skipped: 'outside the workspace' };
    if (this.isExcluded(rel) || this.accepted!.ignoresFile(rel)) return { findings: [], skipped: 'excluded' };
    const summary: ScanSummary = { findings: [], filesScanned: 0, bytesScanned: 0, skipped: 0, cancelled: false };
    let skipped: string | undefined;
    await this.scanInto(absolutePath, rel, summary, (_r, reason) => { skipped = reason; });
    await this.finish(summary);
    return { findings: summary.findings, skipped };
  }

  private async scanInto(path: string, rel: string, summary: ScanSummary, skip: (rel: string, reason: string) => void): Promise<void> {
    const keyStore = keyStoreFinding(rel || path); // binary: found by its name, before the read skips it
    if (keyStore && !this.accepted!.ignoresFingerprint(keyStore.fingerprint)) summary.findings.push(keyStore);
    const read = await readTextBounded(path, this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    if (!read.ok) { skip(rel || path, read.reason); return; }
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
