import { homedir } from 'node:os';
import { join } from 'node:path';
import type { HookFile } from '../../core/protection/hookConfig';

/** One hook file Airlock can protect, in a workspace or in the user's home. */
export interface HookTarget {
  file: HookFile;
  scope: 'workspace' | 'user';
  path: string;
  /** Shown in pickers and the status view. */
  label: string;
}

export function workspaceTargets(root: string): HookTarget[] {
  return [
    { file: 'cursor', scope: 'workspace', path: join(root, '.cursor', 'hooks.json'), label: 'Cursor (.cursor/hooks.json)' },
    { file: 'claude', scope: 'workspace', path: join(root, '.claude', 'settings.json'), label: 'Claude Code (.claude/settings.json)' },
    { file: 'vscode', scope: 'workspace', path: join(root, '.github', 'hooks', 'airlock.json'), label: 'VS Code agent hooks (.github/hooks/airlock.json)' },
  ];
}

export function userTargets(home: string = homedir()): HookTarget[] {
  return [
    { file: 'cursor', scope: 'user', path: join(home, '.cursor', 'hooks.json'), label: 'Cursor, every project (~/.cursor/hooks.json)' },
    { file: 'claude', scope: 'user', path: join(home, '.claude', 'settings.json'), label: 'Claude Code, every project (~/.claude/settings.json)' },
  ];
}
