import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { detectInText } from './detect';
import { keyStoreFinding } from './key-files';
import type { TokenFinding } from './types';

/** Files larger than this are skipped: secrets live in config files, not in 100 MB dumps. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

export type ReadOutcome = { ok: true; text: string; bytes: number } | { ok: false; reason: string };

/**
 * Reads at most `maxBytes` (+1 to tell "too big") from one open handle, so a file that grows
 * while being read cannot make the read unbounded. Binary and invalid-UTF-8 files are refused.
 */
export async function readTextBounded(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<ReadOutcome> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    // A FIFO or device would block open() or never end: refuse anything but a regular file,
    // and open non-blocking in case one is swapped in between the two calls.
    if (!(await stat(path)).isFile()) return { ok: false, reason: 'not a regular file' };
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, reason: 'not a regular file' };
    if (info.size > maxBytes) return { ok: false, reason: `larger than ${maxBytes} bytes (${info.size})` };
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) return { ok: false, reason: `grew past ${maxBytes} bytes while being read` };
    const bytes = buffer.subarray(0, filled);
    if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
    const text = decodeUtf8(bytes);
    if (text === undefined) return { ok: false, reason: 'not valid UTF-8' };
    return { ok: true, text, bytes: filled };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A NUL byte in the first 8 KiB: the heuristic git and most editors use. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Only the error code: a message could quote file content. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'vanished before it could be read';
    case 'EACCES':
    case 'EPERM':
      return 'not readable (permission denied)';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'symlink loop';
    case undefined:
      return 'could not be read';
    default:
      return `could not be read (${code})`;
  }
}

export interface FileScan {
  findings: TokenFinding[];
  /** Set when the file was not scanned, with why. */
  skipped?: string;
}

/** Scans one file (bounded read). `file` in each finding is the path given. */
export async function scanFileForSecrets(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<FileScan> {
  const keyStore = keyStoreFinding(path);
  if (keyStore) return { findings: [keyStore] };
  const read = await readTextBounded(path, maxBytes);
  if (!read.ok) return { findings: [], skipped: read.reason };
  return { findings: detectInText(read.text, { fileName: path }) };
}

/**
 * For the read gate: does this file hold a secret? `undefined` when it cannot tell (too big,
 * unreadable): the gate then treats the file by its name, never as clean.
 */
export async function fileHoldsSecret(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<boolean | undefined> {
  const scan = await scanFileForSecrets(path, maxBytes);
  if (scan.skipped) return scan.skipped === 'binary' ? false : undefined;
  return scan.findings.length > 0;
}
