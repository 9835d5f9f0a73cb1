/**
 * The installed launcher carries everything it trusts inside itself. The extension writes it
 * with the CLI's path, the runtime, the protected-file globs' words and the SHA-256 of every file
 * it will hand a call to (the CLI bundle, its WASM, gates.json). Nothing written beside it can
 * redirect it: there is no side file it reads for settings, and a CLI, WASM or gates.json that no
 * longer matches its hash makes it refuse the call (fail closed) instead of running it.
 */

import { dirname } from 'node:path';
import { cliKey } from '../core/egress/sh-run';
import { protectedFileTriggers } from '../core/guard/fastpath/file-words';
import { DEFAULT_PROTECTED_FILES } from '../core/tokens/protected-files';
import { shQuote } from './prefilter-awk';
import { readGlobsEre } from './read-globs';

export const INSTALLED_BEGIN = '# >>> installed settings';
export const INSTALLED_END = '# <<< installed settings';

export interface InstalledSettings {
  cli: string;
  runtime: string;
  electron: boolean;
  /** gates.json, exported to the CLI as AIRLOCK_GATES_CONFIG. */
  gatesConfig: string;
  protectedFiles: readonly string[];
  /** The folder the launcher is installed in (its read index, spool and warm folder live there). */
  home?: string;
  /** The platform the launcher runs on (stat's flavour, case-insensitive file names). */
  platform?: NodeJS.Platform;
  /** Every file the CLI loads from beside the launcher, with its SHA-256 (hex). */
  files: ReadonlyArray<{ path: string; sha256: string }>;
}

/** The globs the CLI will apply: loadProtectedFiles falls back to the defaults for an empty list. */
export function effectiveGlobs(globs: readonly string[]): readonly string[] {
  const list = globs.filter((g) => typeof g === 'string' && g.length > 0);
  return list.length > 0 ? list : DEFAULT_PROTECTED_FILES;
}

function oneLine(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`a path with a line break cannot be used: ${JSON.stringify(value)}`);
  return value;
}

/** The settings block of an installed launcher. */
export function installedBlock(settings: InstalledSettings): string {
  const globs = effectiveGlobs(settings.protectedFiles);
  const words = protectedFileTriggers(globs);
  const reads = readGlobsEre(globs);
  const platform = settings.platform ?? process.platform;
  const paths = settings.files.map((f) => oneLine(f.path));
  return [
    INSTALLED_BEGIN,
    // Where it lives, fixed at install: no dirname/cd/pwd on every call.
    `airlock_here=${shQuote(oneLine(settings.home ?? dirname(settings.cli)))}`,
    `AIRLOCK_CLI=${shQuote(oneLine(settings.cli))}`,
    // How the warm egress gate names this CLI (src/core/egress/warm.ts cliKey): no hashing per command.
    `AIRLOCK_CLI_KEY=${cliKey(settings.cli)}`,
    `AIRLOCK_RUNTIME=${shQuote(oneLine(settings.runtime))}`,
    `AIRLOCK_RUNTIME_IS_ELECTRON=${settings.electron ? 1 : 0}`,
    `AIRLOCK_GATES_CONFIG=${shQuote(oneLine(settings.gatesConfig))}; export AIRLOCK_GATES_CONFIG`,
    // A glob with no literal word cannot be looked for in a line: then no shell call is settled here.
    `AIRLOCK_FAST_PATH=${words ? 1 : 0}`,
    // Added to the default file words (never instead of them).
    `AIRLOCK_INSTALLED_FILE_WORDS=${shQuote((words ?? []).join(' '))}`,
    // Reads are answered here only when every glob converts to a regular expression.
    `AIRLOCK_READ_FAST=${reads ? 1 : 0}`,
    `AIRLOCK_READ_GLOBS=${shQuote((reads ?? []).map((r) => (platform === 'linux' ? r : r.toLowerCase())).join('\n'))}`,
    `AIRLOCK_STAT_KIND=${platform === 'linux' ? 'gnu' : 'bsd'}`,
    // minimatch matches case-insensitively off Linux (src/core/tokens/protected-files.ts).
    `AIRLOCK_READ_NOCASE=${platform === 'linux' ? 0 : 1}`,
    `AIRLOCK_SHA256=${shQuote(settings.files.map((f, i) => `${f.sha256}  ${paths[i]}`).join('\n'))}`,
    `airlock_installed_files() { airlock_sha256 ${paths.map(shQuote).join(' ')}; }`,
    INSTALLED_END,
  ].join('\n');
}

/** The launcher text with its settings block replaced by the installed one. */
export function installedLauncher(template: string, settings: InstalledSettings): string {
  const start = template.indexOf(INSTALLED_BEGIN);
  const end = template.indexOf(INSTALLED_END);
  if (start < 0 || end < start) throw new Error('the bundled launcher has no settings block');
  return `${template.slice(0, start)}${installedBlock(settings)}${template.slice(end + INSTALLED_END.length)}`;
}
