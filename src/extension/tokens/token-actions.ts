import * as vscode from 'vscode';
import { AIRLOCK_IGNORE, airlockIgnoreEntry, rotationChecklist } from '../../core/tokens/index';
import { findingRange } from './token-diagnostics';
import type { TokenStore, WorkspaceFinding } from './token-store';

export const BLOCK_READS = 'airlock.tokens.blockAgentReads';
export const IGNORE_FINDING = 'airlock.tokens.ignoreFinding';
export const COPY_CHECKLIST = 'airlock.tokens.copyRotationChecklist';

/** Writing into the repository from an untrusted workspace asks first. */
async function mayWrite(what: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const answer = await vscode.window.showWarningMessage(`This workspace is not trusted. Let Airlock write ${what}?`, { modal: true }, 'Write');
  return answer === 'Write';
}

async function appendLine(file: vscode.Uri, text: string): Promise<void> {
  let current = '';
  try {
    current = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch {
    // A missing file is created.
  }
  const joined = current.length === 0 || current.endsWith('\n') ? current + text : `${current}\n${text}`;
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(joined.endsWith('\n') ? joined : `${joined}\n`));
}

/** `.cursorignore` gets the file; the read gate's setting gets it as a glob (workspace scope). */
export async function blockAgentReads(finding: WorkspaceFinding): Promise<boolean> {
  if (!(await mayWrite(`.cursorignore and the airlock.gates.protectedFiles setting`))) return false;
  const cursorignore = vscode.Uri.joinPath(finding.folder, '.cursorignore');
  const existing = await readText(cursorignore);
  if (
    !existing
      .split(/\r?\n/)
      .map((l) => l.trim())
      .includes(finding.file)
  )
    await appendLine(cursorignore, finding.file);
  const folder = vscode.workspace.getWorkspaceFolder(finding.folder);
  const config = vscode.workspace.getConfiguration('airlock', folder);
  const globs = config.get<string[]>('gates.protectedFiles', []);
  const glob = finding.file;
  if (!globs.includes(glob)) {
    const target = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
    await config.update('gates.protectedFiles', [...globs, glob], target);
  }
  return true;
}

export async function ignoreFinding(finding: WorkspaceFinding): Promise<boolean> {
  if (!(await mayWrite(AIRLOCK_IGNORE))) return false;
  await appendLine(vscode.Uri.joinPath(finding.folder, AIRLOCK_IGNORE), airlockIgnoreEntry(finding));
  return true;
}

export async function copyChecklist(finding: WorkspaceFinding): Promise<string> {
  const text = rotationChecklist(finding);
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage(`$(check) Rotation checklist for ${finding.provider} copied`, 3000);
  return text;
}

async function readText(uri: vscode.Uri): Promise<string> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return '';
  }
}

/** Quick fixes on Airlock's token diagnostics. */
export class TokenCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: TokenStore) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === 'Airlock');
    const findings = this.store.forFile(document.uri).filter((f) => findingRange(f).intersection(range) !== undefined);
    const actions: vscode.CodeAction[] = [];
    for (const finding of findings) {
      const diagnostics = ours.filter((d) => d.range.isEqual(findingRange(finding)));
      const make = (title: string, command: string, preferred = false) => {
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.command = { command, title, arguments: [finding] };
        action.diagnostics = diagnostics;
        action.isPreferred = preferred;
        actions.push(action);
      };
      if (finding.agentReadable !== false) make(`Block agent reads of ${finding.file} (.cursorignore and Airlock read gate)`, BLOCK_READS, true);
      make(`Ignore this ${finding.title} (.airlockignore)`, IGNORE_FINDING);
      make(`Copy rotation checklist for ${finding.provider}`, COPY_CHECKLIST);
    }
    return actions;
  }
}
