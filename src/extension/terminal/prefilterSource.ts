import { readFileSync } from 'node:fs';

/**
 * The shims' fast path: the launcher's own keyword prefilter (`prefilter.sh`, generated from the
 * rules' keywords at build time), wrapped as `airlock_needs_check LINE`. Undefined when the build
 * has none: every shimmed call then gets the full check.
 */
export function shellPrefilter(prefilterFile: string): string | undefined {
  let source: string;
  try { source = readFileSync(prefilterFile, 'utf8'); } catch { return undefined; }
  if (!source.includes('airlock_needs_full_check()')) return undefined;
  return `${source.trim()}\nairlock_needs_check() { airlock_needs_full_check "$1"; }`;
}
