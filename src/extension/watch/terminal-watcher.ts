import * as vscode from 'vscode';
import { assessCommand } from '../../core/assess';
import type { ActivityEvent } from '../../core/events';
import { asLineCommand, type LineCommand } from '../../core/shell/command-match';
import { editorPolicy } from '../policy';
import { terminalActor } from './terminal-actor';

type NewEvent = Omit<ActivityEvent, 'id' | 'time'>;

export interface WatcherDeps {
  record(event: NewEvent): Promise<void>;
  /**
   * Whether a gate (hook or shim) asked about this line since the given time: the line itself,
   * or each of its flagged commands as typed (a shim sees `$DIR` already expanded).
   */
  sawRecently(line: string, since: number, flagged?: LineCommand[]): boolean;
  onGap(line: string, reason: string): void;
}

/**
 * Records every command run in every terminal (with shell integration): command line, cwd, exit
 * code, duration and who ran it. A destructive command that ran although no gate asked about it
 * is a protection gap: recorded and shown loudly. Observation only: by the end event it has run.
 */
export class TerminalWatcher implements vscode.Disposable {
  private readonly started = new WeakMap<vscode.TerminalShellExecution, number>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly terminals = new WeakSet<vscode.Terminal>();
  withIntegration = 0;

  constructor(private readonly deps: WatcherDeps) {
    this.subscriptions.push(
      vscode.window.onDidChangeTerminalShellIntegration((e) => {
        if (!this.terminals.has(e.terminal)) {
          this.terminals.add(e.terminal);
          this.withIntegration++;
        }
      }),
      vscode.window.onDidStartTerminalShellExecution((e) => {
        this.started.set(e.execution, Date.now());
      }),
      vscode.window.onDidEndTerminalShellExecution((e) => {
        void this.onEnd(e);
      }),
    );
  }

  private async onEnd(e: vscode.TerminalShellExecutionEndEvent): Promise<void> {
    const line = e.execution.commandLine.value.trim();
    if (!line) return;
    const start = this.started.get(e.execution) ?? Date.now();
    const cwd = e.execution.cwd?.fsPath;
    const actor = terminalActor(e.terminal);
    try {
      await this.deps.record({
        kind: 'command',
        actor,
        command: line,
        cwd,
        exitCode: e.exitCode,
        durationMs: Date.now() - start,
        details: { terminal: e.terminal.name, confidence: e.execution.commandLine.confidence },
      });
    } catch {
      /* the log reports its own failures */
    }
    let reason: string | undefined;
    const flagged: LineCommand[] = [];
    try {
      const where = cwd ?? process.cwd();
      const check = await assessCommand(line, { cwd: where, policy: editorPolicy(where) });
      if (check.decision !== 'allow') reason = check.findings[0]?.reason ?? 'destructive command';
      for (const finding of check.findings) if (finding.command) flagged.push(asLineCommand(finding.command.argv, finding.command.cwd));
    } catch {
      return;
    }
    if (!reason || this.deps.sawRecently(line, start, flagged.length ? flagged : undefined)) return;
    try {
      await this.deps.record({
        kind: 'protection-gap',
        actor,
        command: line,
        cwd,
        severity: 'critical',
        exitCode: e.exitCode,
        reason: `Ran without any Airlock gate seeing it: ${reason}`,
      });
    } catch {
      /* still warn */
    }
    this.deps.onGap(line, reason);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
