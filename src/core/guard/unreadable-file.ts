import { closeSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { MAX_READ_BYTES, resolveFrom } from './files';

/**
 * Why Airlock could not read `path` (a script, a request body, a SQL file), worded to follow the
 * path in a reason: "data/x.py does not exist". Called only after a read failed, so the answer
 * explains the failure a person will see in the prompt; it never opens anything that could block.
 */
export function whyUnreadable(path: string, cwd: string): string {
  let stat: Stats;
  try {
    stat = statSync(resolveFrom(cwd, path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'does not exist (yet)';
    if (code === 'EACCES' || code === 'EPERM') return 'cannot be opened (permission denied)';
    return `cannot be read (${code ?? 'unknown error'})`;
  }
  if (stat.isDirectory()) return 'is a folder, not a file';
  if (stat.isFIFO()) return 'is a FIFO (named pipe), whose contents only exist when it is read';
  if (stat.isSocket()) return 'is a socket, not a file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'is a device, not a file';
  if (!stat.isFile()) return 'is not a regular file';
  if (stat.size > MAX_READ_BYTES) return `is too large to read (${stat.size} bytes, limit ${MAX_READ_BYTES})`;
  try {
    closeSync(openSync(resolveFrom(cwd, path), 'r'));
  } catch {
    return 'cannot be opened (permission denied)';
  }
  return 'could not be read as text (binary data?)';
}

/** Magic numbers of compiled programs: ELF, Mach-O (both byte orders, 32/64-bit, fat), PE. */
const PROGRAM_MAGIC = [
  [0x7f, 0x45, 0x4c, 0x46],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
  [0x4d, 0x5a],
];

/**
 * True when `path` is a regular file holding a compiled program (not a script): run by its path,
 * it is a tool like any other and is judged by its name. Reads four bytes; never blocks on a FIFO.
 */
export function isCompiledProgram(path: string, cwd: string): boolean {
  try {
    const full = resolveFrom(cwd, path);
    if (!statSync(full).isFile()) return false;
    const head = Buffer.alloc(4);
    const fd = openSync(full, 'r');
    let read = 0;
    try {
      read = readSync(fd, head, 0, 4, 0);
    } finally {
      closeSync(fd);
    }
    return PROGRAM_MAGIC.some((magic) => magic.length <= read && magic.every((b, i) => head[i] === b));
  } catch {
    return false;
  }
}
