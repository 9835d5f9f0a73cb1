import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * A lock file shared by every process that appends to one log: the extension and the
 * `airlock hook` processes that answer while no editor is reachable.
 *
 * Why a lock and not O_APPEND alone: O_APPEND keeps two lines from interleaving, but each
 * writer must first read the last line's hash to chain to it; two writers reading the same tail
 * would both chain to it and fork the log. So read-tail + write + fsync happen under this lock.
 *
 * The lock is a file created with O_EXCL (atomic on every local file system), holding the pid,
 * host and time of its owner. A lock whose owner died (a crash between create and unlink) is
 * stale: it is taken over when its pid is gone on this host, or when it is older than
 * `staleMs` whatever it says (an append holds it for milliseconds).
 */
export interface LockOptions {
  /** Give up after this long (the caller decides what a failed append means). */
  timeoutMs?: number;
  staleMs?: number;
}

export class LockTimeoutError extends Error {
  constructor(path: string, timeoutMs: number) {
    super(`could not lock the activity log within ${timeoutMs} ms (${path} is held by another process)`);
    this.name = 'LockTimeoutError';
  }
}

export async function withFileLock<T>(path: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const token = await acquire(path, options.timeoutMs ?? 5000, options.staleMs ?? 10_000);
  try {
    return await work();
  } finally {
    release(path, token);
  }
}

/** Removes the lock only if it is still ours: a holder that was too slow and got taken over must not free the new owner's lock. */
function release(path: string, token: string): void {
  try {
    if (readFileSync(path, 'utf8') === token) unlinkSync(path);
  } catch {
    /* already gone */
  }
}

/** One attempt: the lock's token when taken, undefined when another live holder has it. */
function tryLock(path: string, staleMs: number): string | undefined {
  const token = create(path);
  if (token) return token;
  if (!isStale(path, staleMs)) return undefined;
  try {
    unlinkSync(path);
  } catch {
    /* someone else removed it first */
  }
  return create(path);
}

async function acquire(path: string, timeoutMs: number, staleMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let wait = 1;
  for (;;) {
    const token = tryLock(path, staleMs);
    if (token) return token;
    if (Date.now() >= deadline) throw new LockTimeoutError(path, timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, 25);
  }
}

function create(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
  const token = `${process.pid} ${hostname()} ${Date.now()} ${randomBytes(6).toString('hex')}\n`;
  try {
    writeSync(fd, token);
  } finally {
    closeSync(fd);
  }
  return token;
}

function isStale(path: string, staleMs: number): boolean {
  let age: number;
  let owner: string;
  try {
    age = Date.now() - statSync(path).mtimeMs;
    owner = readFileSync(path, 'utf8');
  } catch {
    return false; // released meanwhile: the next create will tell
  }
  if (age > staleMs) return true;
  const [pid, host] = owner.split(' ');
  // A lock written a moment ago may not have its content yet: give it time.
  if (!pid || host !== hostname() || age < 100) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
