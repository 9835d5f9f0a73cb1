import * as vscode from 'vscode';
import type { Feature } from '../feature';
import { ConfirmDialog } from '../gates/confirm-dialog';
import { assessForGate } from '../gates/engine';
import { fileWorkspaceRoots } from '../workspace-roots';
import { SAMPLE_COMMAND, sampleConfirmationView } from './sample-confirmation';

// VS Code names a contributed walkthrough "<publisher>.<name>#<walkthrough id>".
const WALKTHROUGH = 'airlock-dev.airlock#gettingStarted';

/**
 * The first-run walkthrough's commands: open it, and show the confirmation an agent's destructive
 * command would meet, on the real engine's analysis of this workspace but without running anything.
 */
export const walkthroughFeature: Feature = {
  id: 'walkthrough',
  activate(context) {
    context.subscriptions.push(
      vscode.commands.registerCommand('airlock.walkthrough.open', () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false)),
      vscode.commands.registerCommand('airlock.walkthrough.sampleConfirmation', async () => {
        const cwd = fileWorkspaceRoots()[0] ?? context.globalStorageUri.fsPath;
        const check = await assessForGate(SAMPLE_COMMAND, cwd, 'claude');
        const answer = await new ConfirmDialog().ask(sampleConfirmationView(check, cwd), 0);
        void vscode.window.showInformationMessage(
          answer === 'allow'
            ? 'Sample: you allowed it once. For a real request the command would now run one time, and the Activity view would record your answer.'
            : 'Sample: you blocked it. For a real request nothing would run, the agent would be told why, and the Activity view would record your answer.',
        );
      }),
    );
  },
};
