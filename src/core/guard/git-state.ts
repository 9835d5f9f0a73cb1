/**
 * Whether git could bring a file back: reads the repository's index (`.git/index`, format
 * versions 2–4) the way `git status` does, without running git. A file is recoverable when the
 * index holds exactly its content (same size and modification time as recorded, or, when those
 * differ, the same blob hash); otherwise its current content exists nowhere else.
 *
 * Bounded: an index over 32 MB, a file over 8 MB whose stat differs, or a folder with more than
 * 5,000 tracked files gives `unknown`, which rules treat as not recoverable.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, type Stats, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { resolveFrom } from './files';

export type FileRecovery =
  /** Nothing there (or a symlink, an empty file): deleting it loses nothing. */
  | { kind: 'nothing-to-lose'; why: 'missing' | 'empty' | 'symlink' | 'directory' }
  /** Tracked, and the index has exactly this content. */
  | { kind: 'tracked-clean'; repository: string }
  /** Tracked, with changes git has not recorded. */
  | { kind: 'tracked-modified'; repository: string }
  /** In a repository, but git has never recorded it (untracked or ignored). */
  | { kind: 'untracked'; repository: string }
  /** In no repository. */
  | { kind: 'outside-repository' }
  /** Cannot tell (unreadable index, too large): treated as not recoverable. */
  | { kind: 'unknown'; why: string };

interface IndexEntry {
  mtimeS: number;
  mtimeNs: number;
  size: number;
  sha: string;
}

const MAX_INDEX_BYTES = 32 * 1024 * 1024;
const MAX_HASH_BYTES = 8 * 1024 * 1024;
const MAX_FOLDER_ENTRIES = 5000;
/** A glob naming more files than this is not checked file by file: `unknown`. */
const MAX_GLOB_MATCHES = 256;
const GLOB = /[*?[]/;
interface ReadIndex {
  entries: Map<string, IndexEntry>;
  /** When the index was written: a file changed in that same second may still match its stat ("racily clean"). */
  mtimeMs: number;
}
const indexCache = new Map<string, { mtimeMs: number; size: number; index: ReadIndex | undefined }>();

/** The repository holding `path`: its work tree and git directory (a `.git` file points at the latter). */
export function findRepository(path: string): { root: string; gitDir: string } | undefined {
  for (let dir = path, hops = 0; hops < 64; dir = dirname(dir), hops++) {
    const dotGit = join(dir, '.git');
    try {
      const stat = statSync(dotGit);
      if (stat.isDirectory()) return { root: dir, gitDir: dotGit };
      const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'));
      if (pointer) return { root: dir, gitDir: isAbsolute(pointer[1]!) ? pointer[1]! : join(dir, pointer[1]!) };
    } catch {
      // not here: look further up
    }
    if (dirname(dir) === dir) return undefined;
  }
  return undefined;
}

/** Parses `.git/index` (DIRC, versions 2, 3 and 4); undefined when it is not one git writes. */
export function parseIndex(data: Buffer): Map<string, IndexEntry> | undefined {
  if (data.length < 12 || data.toString('latin1', 0, 4) !== 'DIRC') return undefined;
  const version = data.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = data.readUInt32BE(8);
  const hashBytes = 20; // SHA-1 names; readIndex turns SHA-256 repositories away first

  const entries = new Map<string, IndexEntry>();
  let offset = 12;
  let previous = '';
  for (let n = 0; n < count; n++) {
    const start = offset;
    if (offset + 62 > data.length) return undefined;
    const mtimeS = data.readUInt32BE(offset + 8);
    const mtimeNs = data.readUInt32BE(offset + 12);
    const size = data.readUInt32BE(offset + 36);
    const sha = data.toString('hex', offset + 40, offset + 40 + hashBytes);
    const flags = data.readUInt16BE(offset + 40 + hashBytes);
    offset += 40 + hashBytes + 2;
    if (version >= 3 && flags & 0x4000) offset += 2;
    let name: string;
    if (version === 4) {
      let strip = 0;
      let byte: number;
      let shift = 0;
      // git's offset varint: 7 bits a byte, each continuation adds one.
      byte = data[offset++]!;
      strip = byte & 0x7f;
      while (byte & 0x80) {
        byte = data[offset++]!;
        strip = ((strip + 1) << 7) | (byte & 0x7f);
        if (++shift > 5) return undefined;
      }
      const end = data.indexOf(0, offset);
      if (end < 0) return undefined;
      name = previous.slice(0, previous.length - strip) + data.toString('utf8', offset, end);
      offset = end + 1;
    } else {
      const end = data.indexOf(0, offset);
      if (end < 0) return undefined;
      name = data.toString('utf8', offset, end);
      // Entries are padded with 1–8 NULs to a multiple of 8 bytes.
      offset = start + Math.ceil((end - start + 1) / 8) * 8;
    }
    previous = name;
    // Stage 0 only: conflicted entries (stages 1–3) mean the file is mid-merge, not recorded.
    if (((flags >> 12) & 0x3) === 0) entries.set(name, { mtimeS, mtimeNs, size, sha });
  }
  return entries;
}

/** The repository's config; a worktree's git directory has none of its own, only `commondir`. */
function readConfig(gitDir: string): string {
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
  const common = read(join(gitDir, 'commondir'))?.trim();
  return read(join(gitDir, 'config')) ?? (common ? read(join(gitDir, common, 'config')) : undefined) ?? '';
}

function readIndex(gitDir: string): ReadIndex | undefined | 'unreadable' {
  const path = join(gitDir, 'index');
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch {
    return undefined;
  } // a new repository: nothing tracked yet
  if (stat.size > MAX_INDEX_BYTES) return 'unreadable';
  const cached = indexCache.get(path);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.index ?? 'unreadable';
  let index: ReadIndex | undefined;
  try {
    const sha256 = /objectformat\s*=\s*sha256/i.test(readConfig(gitDir));
    const entries = sha256 ? undefined : parseIndex(readFileSync(path));
    index = entries && { entries, mtimeMs: stat.mtimeMs };
  } catch {
    index = undefined;
  }
  if (indexCache.size > 16) indexCache.clear();
  indexCache.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, index });
  return index ?? 'unreadable';
}

/** True when the file on disk has the content the index records. */
function matchesIndex(full: string, stat: Stats, entry: IndexEntry, index: ReadIndex): boolean | undefined {
  if (stat.size !== entry.size) return false;
  const sameStat = Math.floor(stat.mtimeMs / 1000) === entry.mtimeS && (entry.mtimeNs === 0 || Math.abs((stat.mtimeMs % 1000) * 1e6 - entry.mtimeNs) < 1e6);
  if (sameStat && Math.floor(stat.mtimeMs / 1000) < Math.floor(index.mtimeMs / 1000)) return true;
  if (stat.size > MAX_HASH_BYTES) return undefined;
  let content: Buffer;
  try {
    content = readFileSync(full);
  } catch {
    return undefined;
  }
  const hash = createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
  return hash === entry.sha;
}

function gitPath(root: string, full: string): string {
  return relative(root, full).split(sep).join('/');
}

/** How much a state loses, for picking the worst of a glob's matches. */
const LOSS: Record<FileRecovery['kind'], number> = {
  'nothing-to-lose': 0,
  'tracked-clean': 0,
  'tracked-modified': 2,
  untracked: 2,
  'outside-repository': 2,
  unknown: 1,
};

/**
 * Whether git could bring `path` (relative to `cwd`) back if it were deleted or overwritten now.
 * A glob in the last part (`*.txt`) is expanded the way the shell would, and the worst match counts.
 */
export function fileRecovery(path: string, cwd: string): FileRecovery {
  const full = resolveFrom(cwd, path);
  const base = full.slice(full.lastIndexOf('/') + 1);
  if (GLOB.test(base)) {
    const dir = dirname(full);
    if (GLOB.test(dir)) return { kind: 'unknown', why: 'the pattern spans folders' };
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => minimatch(n, base));
    } catch {
      return { kind: 'nothing-to-lose', why: 'missing' };
    }
    if (names.length > MAX_GLOB_MATCHES) return { kind: 'unknown', why: `the pattern names more than ${MAX_GLOB_MATCHES} files` };
    let worst: FileRecovery = { kind: 'nothing-to-lose', why: 'missing' };
    for (const name of names) {
      const state = fileRecovery(join(dir, name), '/');
      if (LOSS[state.kind] > LOSS[worst.kind]) worst = state;
      if (LOSS[worst.kind] === 2) break;
    }
    return worst;
  }
  let stat: Stats;
  try {
    stat = lstatSync(full);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR'
      ? { kind: 'nothing-to-lose', why: 'missing' }
      : { kind: 'unknown', why: 'it cannot be read' };
  }
  if (stat.isSymbolicLink()) return { kind: 'nothing-to-lose', why: 'symlink' };
  if (stat.isDirectory()) return { kind: 'nothing-to-lose', why: 'directory' };
  if (stat.isFile() && stat.size === 0) return { kind: 'nothing-to-lose', why: 'empty' };
  const repository = findRepository(dirname(full));
  if (!repository) return { kind: 'outside-repository' };
  const index = readIndex(repository.gitDir);
  if (index === 'unreadable') return { kind: 'unknown', why: 'the git index cannot be read' };
  const entry = index?.entries.get(gitPath(repository.root, full));
  if (!index || !entry) return { kind: 'untracked', repository: repository.root };
  const same = matchesIndex(full, stat, entry, index);
  if (same === undefined) return { kind: 'unknown', why: 'the file is too large to compare with the index' };
  return { kind: same ? 'tracked-clean' : 'tracked-modified', repository: repository.root };
}

/**
 * Tracked files under `path` (a folder, or a single file) whose content differs from the index:
 * what `git checkout/restore PATH` would throw away. `unknown` when it cannot tell.
 */
export function modifiedTracked(path: string, cwd: string): string[] | 'unknown' {
  const full = resolveFrom(cwd, path);
  const repository = findRepository(full) ?? findRepository(dirname(full));
  if (!repository) return [];
  const index = readIndex(repository.gitDir);
  if (index === 'unreadable') return 'unknown';
  if (!index) return [];
  const prefix = gitPath(repository.root, full);
  const modified: string[] = [];
  let seen = 0;
  for (const [name, entry] of index.entries) {
    if (prefix !== '' && name !== prefix && !name.startsWith(`${prefix}/`)) continue;
    if (++seen > MAX_FOLDER_ENTRIES) return 'unknown';
    const file = join(repository.root, name);
    let stat: Stats;
    try {
      stat = lstatSync(file);
    } catch {
      continue;
    } // deleted in the work tree: checkout brings it back, nothing lost
    const same = stat.isSymbolicLink() ? true : matchesIndex(file, stat, entry, index);
    if (same === undefined) return 'unknown';
    if (!same) modified.push(name);
  }
  return modified;
}
