import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { activityActions } from './activity-actions';
import type { StoredActivity } from './activity-store';
import { detailsHtml } from './details-html';

/**
 * One details panel, reused: showing another event replaces the page (like a preview tab).
 * Scripts only from media/ with a fresh nonce, no remote content, local resources limited to media/.
 */
export class DetailsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private current: StoredActivity | undefined;
  private html = '';

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly logDirOf: (stored: StoredActivity) => string | undefined,
    private readonly problemOf: (stored: StoredActivity) => string | undefined = () => undefined,
  ) {}

  /** The page last shown (the editor tests read it). */
  get lastHtml(): string {
    return this.html;
  }

  get visible(): boolean {
    return this.panel !== undefined;
  }

  show(stored: StoredActivity): { title: string; html: string } {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'airlock.activityDetails',
        'Airlock Event',
        { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
        {
          enableScripts: true,
          enableCommandUris: false,
          localResourceRoots: [media],
          retainContextWhenHidden: false,
        },
      );
      this.panel.iconPath = vscode.Uri.joinPath(media, 'airlock.svg');
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.current = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: { action?: unknown }) => this.onMessage(message));
    } else {
      this.panel.reveal(undefined, false);
    }
    this.current = stored;
    const webview = this.panel.webview;
    const logDir = this.logDirOf(stored);
    this.html = detailsHtml(stored.event, {
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'activity-details.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'activity-details.js')).toString(),
      location: logDir ? { seq: stored.seq, logDir } : undefined,
      verificationProblem: this.problemOf(stored),
    });
    this.panel.title = `Airlock: ${titleOf(stored)}`;
    webview.html = this.html;
    return { title: this.panel.title, html: this.html };
  }

  private async onMessage(message: { action?: unknown }): Promise<void> {
    const event = this.current?.event;
    if (!event) return;
    switch (message.action) {
      case 'copyCommand':
        return activityActions.copyCommand(event);
      case 'revealCwd':
        return activityActions.revealCwd(event);
      case 'openFile':
        return activityActions.openFile(event);
      case 'copyJson':
        await vscode.env.clipboard.writeText(JSON.stringify(event, null, 2));
        vscode.window.setStatusBarMessage('$(check) Event copied as JSON', 3000);
        return;
      default:
        return; // unknown messages are ignored: the page is ours, but never trust a message blindly
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function titleOf(stored: StoredActivity): string {
  const text = stored.event.command ?? stored.event.file ?? stored.event.kind;
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
