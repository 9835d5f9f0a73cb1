import * as vscode from 'vscode';
import { DEFAULT_EXCLUDES, DEFAULT_MAX_FILE_BYTES, DEFAULT_PROTECTED_FILES, type ScanOptions } from '../../core/tokens/index';

export interface TokenSettings {
  scanOnStartup: boolean;
  scanOptions: ScanOptions;
  debounceMs: number;
}

/** Reads the `airlock.tokens.*` settings and the read gate's globs for one folder. */
export function tokenSettings(folder?: vscode.WorkspaceFolder): TokenSettings {
  const config = vscode.workspace.getConfiguration('airlock', folder);
  const exclude = config.get<string[]>('tokens.exclude', [...DEFAULT_EXCLUDES]);
  const maxKB = config.get<number>('tokens.maxFileSizeKB', DEFAULT_MAX_FILE_BYTES / 1024);
  // The repository may add protected globs but never drop the defaults unless trusted.
  const configured = config.get<string[]>('gates.protectedFiles', [...DEFAULT_PROTECTED_FILES]);
  const protectedFiles = vscode.workspace.isTrusted ? configured : [...new Set([...DEFAULT_PROTECTED_FILES, ...configured])];
  return {
    scanOnStartup: config.get<boolean>('tokens.scanOnStartup', true),
    debounceMs: 400,
    scanOptions: {
      exclude: Array.isArray(exclude) ? exclude.filter((g) => typeof g === 'string') : [...DEFAULT_EXCLUDES],
      defaultExcludes: false,
      maxFileBytes: Math.max(1, Number(maxKB) || 2048) * 1024,
      protectedFiles,
    },
  };
}
