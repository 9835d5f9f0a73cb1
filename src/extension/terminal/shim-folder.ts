import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pack } from '../../core/guard/rule';

/**
 * The terminal gate's shim folder: one tiny POSIX sh script per guarded tool, first on PATH in
 * integrated terminals. A shim finds the real binary further down PATH, lets benign calls
 * through in the shell itself (the launcher's keyword fast path: no Node start for
 * `git status`), and otherwise asks `airlock gate`, which asks the person. On allow it `exec`s
 * the real binary, so argv, stdio, exit code and signals are the tool's own.
 * No vscode import: unit tests and the benchmark generate the same folder.
 */
export const SHIM_LIBRARY = '.airlock-shim.sh';

/** Never shimmed: shells, interpreters and wrappers (the engine unwraps them from the line, and
 * shimming them would slow every script), and names the shell resolves itself. */
const NOT_SHIMMED = new Set([
  'sh',
  'bash',
  'zsh',
  'dash',
  'ksh',
  'fish',
  'csh',
  'tcsh',
  'pwsh',
  'powershell',
  'cmd',
  'env',
  'sudo',
  'doas',
  'xargs',
  'parallel',
  'nice',
  'nohup',
  'timeout',
  'time',
  'stdbuf',
  'ionice',
  'watch',
  'command',
  'builtin',
  'exec',
  'eval',
  'source',
  '.',
  'cd',
  'export',
  'node',
  'nodejs',
  'python',
  'python3',
  'ruby',
  'perl',
  'php',
  'deno',
  'bun',
  'npx',
  'bunx',
  'pnpm',
  'yarn',
  'npm',
  'cat',
  'echo',
  'printf',
  'ls',
  'test',
  '[',
]);

export function shimTools(packs: readonly Pack[]): string[] {
  const tools = new Set<string>();
  for (const pack of packs)
    for (const rule of pack.rules)
      for (const tool of rule.tools) {
        if (tool !== '*' && /^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(tool) && !NOT_SHIMMED.has(tool.toLowerCase())) tools.add(tool);
      }
  return [...tools].sort();
}

function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The shared part every shim sources. `prefilter` is sh source defining
 * `airlock_needs_check LINE` (exit 0 when the full check is needed); without it every call
 * goes to the full check, which is correct but costs a Node start.
 */
export function shimLibrary(launcher: string, prefilter: string | undefined, fixed?: Record<string, string>): string {
  // The editor's HOME/XDG_*/AIRLOCK_* at terminal creation: the gate finds Airlock's policy, log
  // and editor by these, whatever the command line sets for itself (core/protection/fixed-locations.ts).
  const fixedArgs = fixed
    ? Object.entries(fixed)
        .map(([name, value]) => ` --fixed ${quote(`${name}=${value}`)}`)
        .join('')
    : '';
  return `# Airlock terminal gate: sourced by every shim in this folder. Generated on each editor start.
# Parameter expansion, not dirname/basename: each external process would cost a millisecond.
airlock_shim_dir=\${0%/*}
airlock_tool=\${0##*/}
airlock_real=
airlock_ifs=$IFS
set -f
IFS=:
for airlock_d in $PATH; do
  [ -n "$airlock_d" ] || airlock_d=.
  # Skip this folder and any other Airlock shim folder (a nested terminal of another window).
  [ "$airlock_d" = "$airlock_shim_dir" ] && continue
  [ -f "$airlock_d/${SHIM_LIBRARY}" ] && continue
  if [ -f "$airlock_d/$airlock_tool" ] && [ -x "$airlock_d/$airlock_tool" ]; then airlock_real=$airlock_d/$airlock_tool; break; fi
done
IFS=$airlock_ifs
set +f
if [ -z "$airlock_real" ]; then
  echo "airlock: '$airlock_tool' is not installed (not found on PATH after Airlock's shim folder $airlock_shim_dir); nothing was run." >&2
  exit 127
fi
${
  prefilter
    ? `${prefilter}
if ! airlock_needs_check "$airlock_tool $*"; then exec "$airlock_real" "$@"; fi`
    : '# No fast path in this build: every call gets the full check.'
}
airlock_launcher=${quote(launcher)}
if [ ! -x "$airlock_launcher" ]; then
  echo "airlock: blocked '$airlock_tool': Airlock's checker ($airlock_launcher) is missing; reopen the editor or run 'Airlock: Show Protection Status'." >&2
  exit 126
fi
"$airlock_launcher" gate --tool "$airlock_tool" --cwd "$PWD"${fixedArgs} -- "$@"
airlock_status=$?
if [ "$airlock_status" -eq 0 ]; then exec "$airlock_real" "$@"; fi
[ "$airlock_status" -eq 126 ] || echo "airlock: blocked '$airlock_tool': the check failed (exit $airlock_status)." >&2
exit 126
`;
}

export function shimScript(): string {
  return `#!/bin/sh
# Airlock terminal gate shim. The tool is this file's name; the logic is in ${SHIM_LIBRARY}.
. "\${0%/*}/${SHIM_LIBRARY}"
`;
}

function writeIfChanged(path: string, text: string, mode: number): void {
  try {
    if (readFileSync(path, 'utf8') === text) return;
  } catch {
    /* new file */
  }
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode });
  chmodSync(temp, mode);
  renameSync(temp, path);
}

/** Writes (or refreshes) the folder; removes shims for tools no longer guarded. */
export function writeShimFolder(dir: string, tools: string[], launcher: string, prefilter: string | undefined, fixed?: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  writeIfChanged(join(dir, SHIM_LIBRARY), shimLibrary(launcher, prefilter, fixed), 0o644);
  const script = shimScript();
  for (const tool of tools) writeIfChanged(join(dir, tool), script, 0o755);
  const keep = new Set([...tools, SHIM_LIBRARY]);
  for (const name of readdirSync(dir)) {
    if (!keep.has(name) && !name.endsWith('.tmp')) {
      try {
        unlinkSync(join(dir, name));
      } catch {
        /* in use */
      }
    }
  }
}
