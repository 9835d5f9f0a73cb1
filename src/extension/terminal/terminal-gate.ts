import { delimiter, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { packs } from '../../core/guard/packs/index';
import { userPolicyPath } from '../../core/policy/load';
import { fixedLocations } from '../../core/protection/fixed-locations';
import { shellPrefilter } from './prefilter-source';
import { shimTools, writeShimFolder } from './shim-folder';

/**
 * Puts the shim folder first on PATH in integrated terminals through the extension's
 * environment variable collection. `applyAtShellIntegration` makes VS Code's shell integration
 * script apply the prepend again after the user's rc files, so an rc file that rewrites PATH
 * does not push the shims back. AIRLOCK_WINDOW tells `airlock gate` which window to ask.
 */
export interface TerminalGateState {
  supported: boolean;
  enabled: boolean;
  tools: string[];
  folder: string;
}

export function applyTerminalGate(context: vscode.ExtensionContext, launcher: string, windowFile: string | undefined): TerminalGateState {
  const folder = join(context.globalStorageUri.fsPath, 'shims');
  const supported = process.platform !== 'win32';
  const enabled = supported && vscode.workspace.getConfiguration('airlock.gates').get<boolean>('terminalShims', true);
  const collection = context.environmentVariableCollection;
  const tools = shimTools(packs);
  if (!enabled) {
    collection.clear();
    return { supported, enabled, tools, folder };
  }
  // Where Airlock's files are is fixed now, by the editor: a command's own HOME=/XDG_*=/AIRLOCK_*= cannot move them.
  const fixed = fixedLocations(process.env);
  writeShimFolder(folder, tools, launcher, shellPrefilter(join(dirname(launcher), 'prefilter.sh'), userPolicyPath(fixed)), fixed);
  collection.description = new vscode.MarkdownString('Airlock: destructive commands in this terminal wait for your confirmation.');
  collection.persistent = false;
  collection.prepend('PATH', folder + delimiter, { applyAtProcessCreation: true, applyAtShellIntegration: true });
  if (windowFile) collection.replace('AIRLOCK_WINDOW', windowFile, { applyAtProcessCreation: true, applyAtShellIntegration: true });
  return { supported, enabled, tools, folder };
}
