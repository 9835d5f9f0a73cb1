import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { EGRESS_CONFIG_FILE } from '../../core/egress/hook-wrap';
import type { Feature } from '../feature';
import { launcherPaths } from '../protection/launcher-install';
import { sandboxAvailability } from './sandbox-layer';

/** The integrated terminal profile; its title is what `terminal.integrated.defaultProfile.*` names. */
export const PROFILE_ID = 'airlock.sandboxed';
export const PROFILE_TITLE = 'Airlock (sandboxed)';

type WrapSetting = 'auto' | 'on' | 'off';

/** The sandbox runtime as the extension finds it, for the installed CLI that has no node_modules. */
function runtimeEntry(): string | undefined {
  try {
    return require.resolve('@anthropic-ai/sandbox-runtime');
  } catch {
    return undefined;
  }
}

/**
 * The egress sandbox in the editor: the "Airlock (sandboxed)" terminal profile (your shell
 * inside `airlock run`, for people and terminal-driven agents), the switch the agent hooks read
 * to wrap commands (`egress.json` beside the installed CLI, from
 * `airlock.egress.wrapAgentCommands`), and the fix when the sandbox cannot start.
 */
export const sandboxFeature: Feature = {
  id: 'sandbox',
  activate(context, api) {
    const paths = launcherPaths(context.globalStorageUri.fsPath);
    const wrapSetting = (): WrapSetting => vscode.workspace.getConfiguration('airlock.egress').get<WrapSetting>('wrapAgentCommands', 'auto');
    const wrap = (): boolean => {
      const setting = wrapSetting();
      return setting === 'on' || (setting === 'auto' && sandboxAvailability().available);
    };
    // Written only by the editor, into launcher storage that sandboxed commands cannot write.
    const writeEgressConfig = () => {
      try {
        mkdirSync(dirname(paths.cli), { recursive: true });
        writeFileSync(join(dirname(paths.cli), EGRESS_CONFIG_FILE), `${JSON.stringify({ wrap: wrap(), runtime: runtimeEntry() })}\n`, { mode: 0o600 });
      } catch {
        /* the hooks then keep to the text gate (no file means no wrapping) */
      }
    };
    writeEgressConfig();

    /** `airlock run` with no command: the person's own shell, sandboxed. */
    const profileOptions = (): vscode.TerminalOptions => {
      if (existsSync(paths.launcher)) return { name: PROFILE_TITLE, shellPath: paths.launcher, shellArgs: ['run'] };
      // No launcher installed yet (not protected): the bundled CLI on the editor's own runtime.
      return {
        name: PROFILE_TITLE,
        shellPath: process.execPath,
        shellArgs: [context.asAbsolutePath(join('dist', 'airlock.js')), 'run'],
        env: { ELECTRON_RUN_AS_NODE: '1' },
      };
    };

    context.subscriptions.push(
      vscode.window.registerTerminalProfileProvider(PROFILE_ID, {
        provideTerminalProfile: () => new vscode.TerminalProfile(profileOptions()),
      }),
      vscode.commands.registerCommand('airlock.sandbox.openTerminal', () => {
        const terminal = vscode.window.createTerminal(profileOptions());
        terminal.show();
        return terminal;
      }),
      vscode.commands.registerCommand('airlock.sandbox.makeDefaultTerminal', async () => {
        const os = process.platform === 'darwin' ? 'osx' : process.platform === 'win32' ? 'windows' : 'linux';
        await vscode.workspace.getConfiguration('terminal.integrated').update(`defaultProfile.${os}`, PROFILE_TITLE, vscode.ConfigurationTarget.Workspace);
      }),
      vscode.commands.registerCommand('airlock.sandbox.showFix', async () => {
        const availability = sandboxAvailability(true);
        writeEgressConfig();
        await vscode.commands.executeCommand('airlock.showProtectionStatus').then(undefined, () => undefined);
        if (availability.available) {
          void vscode.window.showInformationMessage(
            'The egress sandbox can start now: new "Airlock (sandboxed)" terminals and wrapped agent commands are judged.',
          );
          return;
        }
        const choice = await vscode.window.showErrorMessage(
          `Airlock's egress sandbox cannot start: ${availability.problem}.`,
          {
            modal: true,
            detail: `Fix: ${availability.fix}.\n\nUntil then, provider API requests are judged by the command text only, and agent commands are not wrapped.`,
          },
          'Copy the fix',
        );
        if (choice === 'Copy the fix') await vscode.env.clipboard.writeText(availability.fix.replace(/^[^:]*:\s*/, '').replace(/\s*\(.*$/, ''));
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('airlock.egress')) writeEgressConfig();
      }),
    );
    api.sandbox = { availability: () => sandboxAvailability(), wrapsAgentCommands: wrap, profileTitle: PROFILE_TITLE };
  },
};
