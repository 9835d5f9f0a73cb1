import * as vscode from 'vscode';
import { readGateOptions } from '../../core/protection/read-gate';
import type { ActivityApi } from '../activity/activity-api';
import type { Feature } from '../feature';
import { guardedAgents, type Layer } from '../protection/protection-model';
import { BLOCK_READS, blockAgentReads, COPY_CHECKLIST, copyChecklist, IGNORE_FINDING, ignoreFinding, TokenCodeActions } from './token-actions';
import { TokenDiagnostics } from './token-diagnostics';
import { TokenHoverProvider } from './token-hovers';
import { TokenScanService } from './token-scan-service';
import { tokenSettings } from './token-settings';
import { tokenStatus } from './token-status';
import { TokenStore, type WorkspaceFinding } from './token-store';
import { TokenTreeProvider, type TokenTreeSnapshot } from './token-tree';

/** What the Protection feature exposes that the scan needs: its layers and when they change. */
interface ProtectionApi {
  layers(): Layer[];
  onDidChange?: vscode.Event<void>;
}

/** `api.tokens`: what the editor tests (and other features) see of the scanner. */
export interface TokensApi {
  findings(): WorkspaceFinding[];
  scanWorkspace(): Promise<number>;
  scanFile(uri: vscode.Uri): Promise<WorkspaceFinding[]>;
  isScanning(): boolean;
  treeSnapshot(): TokenTreeSnapshot[];
  statusBarText(): string;
  rotationChecklist(finding: WorkspaceFinding): Promise<string>;
}

/** Resolves the finding a command was invoked for: a tree node, a quick fix argument, or the cursor. */
function findingFrom(store: TokenStore, arg: unknown): WorkspaceFinding | undefined {
  const node = arg as { finding?: WorkspaceFinding; findings?: WorkspaceFinding[]; fingerprint?: string } | undefined;
  if (node?.fingerprint) return node as WorkspaceFinding;
  if (node?.finding) return node.finding;
  if (node?.findings?.length) return node.findings[0];
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const findings = store.forFile(editor.document.uri);
  const line = editor.selection.active.line + 1;
  return findings.find((f) => f.line <= line && line <= f.endLine) ?? findings[0];
}

export const tokensFeature: Feature = {
  id: 'tokens',
  activate(context, api) {
    const store = new TokenStore();
    const diagnostics = new TokenDiagnostics(store);
    // The read gate blocks only agents whose hook answers reads AND is verified now (Protection view "on").
    const protection = () => api.protection as ProtectionApi | undefined;
    const readGate = () => readGateOptions(guardedAgents(protection()?.layers() ?? []));
    const service = new TokenScanService(store, context.workspaceState, readGate);
    const tree = new TokenTreeProvider(store);
    const view = vscode.window.createTreeView('airlock.tokens', { treeDataProvider: tree, showCollapseAll: true });
    const status = vscode.window.createStatusBarItem('airlock.tokens.count', vscode.StatusBarAlignment.Left, 39);
    status.name = 'Airlock exposed tokens';
    // `<view id>.focus` is the command VS Code creates for every view.
    status.command = 'airlock.tokens.focus';

    const paint = () => {
      const model = tokenStatus(store.all());
      status.text = model.text;
      status.tooltip = model.tooltip;
      status.backgroundColor = model.readable > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      status.show();
      view.badge = model.badge;
    };
    paint();

    const activity = () => api.activity as ActivityApi | undefined;
    service.onNewFinding = (f) => {
      // Logged through the activity service (redacted, hash-chained); a failure never blocks the scan.
      void activity()
        ?.record({
          kind: 'token',
          actor: 'unknown',
          file: f.uri.fsPath,
          rule: f.type,
          severity: f.severity,
          reason: `${f.title} (${f.preview}) at line ${f.line}: ${f.scope}`,
          details: {
            provider: f.provider,
            preview: f.preview,
            line: f.line,
            tracked: f.tracked,
            agentReadable: f.agentReadable,
            blockedBy: f.blockedBy,
            fingerprint: f.fingerprint,
          },
        })
        .catch(() => undefined);
    };

    const run = (action: (f: WorkspaceFinding) => Promise<unknown>) => async (arg: unknown) => {
      const finding = findingFrom(store, arg);
      if (!finding) {
        void vscode.window.showInformationMessage('Airlock: put the cursor on an exposed token, or pick one in the Exposed Tokens view.');
        return;
      }
      const done = await action(finding);
      // The action changed what is accepted or who can read the file: rescan it with fresh exposure.
      if (done !== false) {
        service.invalidate();
        await service.scanOne(finding.uri);
      }
    };

    // Protect, Remove or a self-test changed who the read gate stops: rescan with the new exposure.
    let gateKey = JSON.stringify(readGate());
    const onProtection = protection()?.onDidChange?.(() => {
      const next = JSON.stringify(readGate());
      if (next === gateKey) return;
      gateKey = next;
      service.invalidate();
      void service.scanWorkspace();
    });
    if (onProtection) context.subscriptions.push(onProtection);

    context.subscriptions.push(
      store,
      diagnostics,
      service,
      tree,
      view,
      status,
      store.onDidChange(paint),
      // airlock.tokens.scanning: Cancel Token Scan is in the palette only while a scan runs.
      service.onDidStartScan(() => {
        view.message = 'Scanning the workspace for exposed tokens… (click the status bar item to cancel)';
        void vscode.commands.executeCommand('setContext', 'airlock.tokens.scanning', true);
      }),
      service.onDidFinishScan(() => {
        view.message = undefined;
        void vscode.commands.executeCommand('setContext', 'airlock.tokens.scanning', false);
      }),
      vscode.languages.registerHoverProvider({ scheme: 'file' }, new TokenHoverProvider(store)),
      vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new TokenCodeActions(store), { providedCodeActionKinds: TokenCodeActions.kinds }),
      vscode.commands.registerCommand('airlock.scanWorkspace', async () => {
        const count = await service.scanWorkspace();
        const readable = store.all().filter((f) => f.agentReadable !== false).length;
        void vscode.window.setStatusBarMessage(`$(key) Airlock: ${count} exposed token${count === 1 ? '' : 's'}, ${readable} readable by agents`, 5000);
        return count;
      }),
      vscode.commands.registerCommand('airlock.tokens.cancelScan', () => service.cancelScan()),
      vscode.commands.registerCommand(BLOCK_READS, run(blockAgentReads)),
      vscode.commands.registerCommand(IGNORE_FINDING, run(ignoreFinding)),
      vscode.commands.registerCommand(COPY_CHECKLIST, run(copyChecklist)),
    );

    const tokensApi: TokensApi = {
      findings: () => store.all(),
      scanWorkspace: () => service.scanWorkspace(),
      scanFile: (uri) => service.scanOne(uri),
      isScanning: () => service.isScanning,
      treeSnapshot: () => tree.snapshot(),
      statusBarText: () => status.text,
      rotationChecklist: (f) => copyChecklist(f),
    };
    api.tokens = tokensApi;

    // In the background: activation never waits for a scan.
    if (tokenSettings().scanOnStartup) setTimeout(() => void service.scanWorkspace(), 500);
  },
};
