import { isAbsolute, relative } from 'node:path';
import type { ActivityEvent } from '../../core/events';

/**
 * Which workspace folder an event belongs to, in a multi-root window: the innermost folder
 * holding its cwd (or its file, when absolute); the first folder otherwise. Returns an index
 * into `roots`. No vscode import: unit-tested.
 */
export function ownerIndex(event: Pick<ActivityEvent, 'cwd' | 'file'>, roots: ReadonlyArray<string | undefined>): number {
  const path = event.cwd ?? (event.file && isAbsolute(event.file) ? event.file : undefined);
  let best = 0;
  let bestLength = -1;
  if (path) {
    roots.forEach((root, index) => {
      if (root !== undefined && root.length > bestLength && isInside(path, root)) {
        best = index;
        bestLength = root.length;
      }
    });
  }
  return best;
}

export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
