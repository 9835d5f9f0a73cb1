import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A fresh temporary folder holding `files` (relative path → content). Files starting with `#!`
 * are made executable, so fake CLIs work.
 */
export function makeWorkspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'airlock-ui-workspace-'));
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    if (content.startsWith('#!')) chmodSync(target, 0o755);
  }
  return root;
}
