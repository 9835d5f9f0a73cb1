import * as vscode from 'vscode';
import type { ExposureOptions } from '../../core/tokens/exposure';
import { type TokenFinding, WorkspaceScanner } from '../../core/tokens/index';
import { tokenSettings } from './token-settings';
import type { TokenStore, WorkspaceFinding } from './token-store';

/** Files whose change alters exposure or acceptance of every finding: a full rescan. */
const EXPOSURE_FILES = /(?:^|\/)(?:\.airlockignore|\.cursorignore|\.gitignore|\.claude\/settings(?:\.local)?\.json)$/;

/**
 * Runs the scans: a full one per folder in the background (status bar progress, cancellable),
 * then only the file created, changed or saved, debounced. Reports each new finding once.
 */
export class TokenScanService implements vscode.Disposable {
  private readonly scanners = new Map<string, WorkspaceScanner>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  private cancel: AbortController | undefined;
  private running: Promise<number> | undefined;
  private readonly progress = vscode.window.createStatusBarItem('airlock.tokens.progress', vscode.StatusBarAlignment.Left, 40);
  private readonly scanned = new vscode.EventEmitter<number>();
  readonly onDidFinishScan = this.scanned.event;
  private readonly started = new vscode.EventEmitter<void>();
  readonly onDidStartScan = this.started.event;
  /** Set when a finding is seen for the first time (the activity log records it). */
  onNewFinding: ((finding: WorkspaceFinding) => void) | undefined;

  /** `readGate`: whether Airlock's read gate stops any agent now, and which (from the Protection feature). */
  constructor(
    private readonly store: TokenStore,
    private readonly seen: vscode.Memento,
    private readonly readGate: () => ExposureOptions = () => ({}),
  ) {
    this.progress.name = 'Airlock token scan';
    this.progress.command = 'airlock.tokens.cancelScan';
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.schedule(uri)),
      watcher.onDidChange((uri) => this.schedule(uri)),
      watcher.onDidDelete((uri) => {
        this.store.setFile(uri, []);
        if (EXPOSURE_FILES.test(uri.path)) this.scheduleFull();
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => this.schedule(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('airlock.tokens') || e.affectsConfiguration('airlock.gates.protectedFiles')) {
          this.scanners.clear();
          this.scheduleFull();
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.scanners.clear();
        this.scheduleFull();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.scanners.clear();
        this.scheduleFull();
      }),
      this.progress,
      this.scanned,
      this.started,
    );
  }

  /** Forget cached ignore files and git state: the next scan reads them again. */
  invalidate(): void {
    this.scanners.clear();
  }

  get isScanning(): boolean {
    return this.running !== undefined;
  }

  private scannerFor(folder: vscode.WorkspaceFolder): WorkspaceScanner {
    const key = folder.uri.toString();
    let scanner = this.scanners.get(key);
    if (!scanner) {
      scanner = new WorkspaceScanner(folder.uri.fsPath, { ...tokenSettings(folder).scanOptions, ...this.readGate() });
      this.scanners.set(key, scanner);
    }
    return scanner;
  }

  /** Scans every folder; resolves with the number of findings. A second call joins the first. */
  scanWorkspace(): Promise<number> {
    if (this.running) return this.running;
    const controller = new AbortController();
    this.cancel = controller;
    this.started.fire();
    this.running = this.runFull(controller.signal).finally(() => {
      this.running = undefined;
      this.cancel = undefined;
      this.progress.hide();
      this.scanned.fire(this.store.all().length);
    });
    return this.running;
  }

  cancelScan(): void {
    this.cancel?.abort();
  }

  private async runFull(signal: AbortSignal): Promise<number> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    let files = 0;
    this.progress.text = '$(sync~spin) Airlock: scanning for tokens…';
    this.progress.tooltip = 'Airlock is looking for exposed credentials. Click to cancel.';
    this.progress.show();
    for (const folder of folders) {
      if (signal.aborted) break;
      const settings = tokenSettings(folder);
      const gate = this.readGate();
      const scanner = new WorkspaceScanner(folder.uri.fsPath, {
        ...settings.scanOptions,
        ...gate,
        signal,
        onProgress: (n) => {
          if ((files + n) % 100 === 0) this.progress.text = `$(sync~spin) Airlock: ${files + n} files scanned`;
        },
      });
      this.scanners.set(folder.uri.toString(), new WorkspaceScanner(folder.uri.fsPath, { ...settings.scanOptions, ...gate }));
      const summary = await scanner.scanAll();
      files += summary.filesScanned;
      if (summary.cancelled) break;
      const findings = summary.findings.map((f) => this.attach(folder, f));
      this.store.replaceFolder(folder.uri, findings);
      this.announce(findings);
    }
    return this.store.all().length;
  }

  private attach(folder: vscode.WorkspaceFolder, f: TokenFinding): WorkspaceFinding {
    return { ...f, folder: folder.uri, uri: vscode.Uri.joinPath(folder.uri, ...f.file.split('/')) };
  }

  private announce(findings: WorkspaceFinding[]): void {
    const known = new Set(this.seen.get<string[]>('airlock.tokens.seen', []));
    const fresh = findings.filter((f) => !known.has(`${f.file}#${f.fingerprint}`));
    if (fresh.length === 0) return;
    for (const f of fresh) known.add(`${f.file}#${f.fingerprint}`);
    // Bounded: the memento keeps the most recent few thousand.
    void this.seen.update('airlock.tokens.seen', [...known].slice(-5000));
    for (const f of fresh) this.onNewFinding?.(f);
  }

  /** Debounced scan of one file. */
  schedule(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    if (EXPOSURE_FILES.test(uri.path)) {
      this.scanners.clear();
      this.scheduleFull();
      return;
    }
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void this.scanOne(uri);
      }, tokenSettings().debounceMs),
    );
  }

  private scheduleFull(): void {
    clearTimeout(this.pending.get('*'));
    this.pending.set(
      '*',
      setTimeout(() => {
        this.pending.delete('*');
        void this.scanWorkspace();
      }, 1000),
    );
  }

  async scanOne(uri: vscode.Uri): Promise<WorkspaceFinding[]> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return [];
    const result = await this.scannerFor(folder).scanFile(uri.fsPath);
    const findings = result.findings.map((f) => this.attach(folder, f));
    this.store.setFile(uri, findings);
    this.announce(findings);
    return findings;
  }

  dispose(): void {
    this.cancel?.abort();
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
