import * as vscode from 'vscode';
import { allHookTargets, protectionCommands } from './protectionCommands';
import { homedir } from 'node:os';
import { DEFAULT_PROTECTED_FILES } from '../../core/tokens/protected-files';
import type { Feature } from '../feature';
import { GateRecorder } from '../gates/gateRecorder';
import type { GatesState } from '../gates/gatesFeature';
import { registerProtectionStatusProvider } from '../status/protection-status';
import { applyTerminalGate, type TerminalGateState } from '../terminal/terminalGate';
import { TerminalWatcher } from '../watch/terminalWatcher';
import { fileWorkspaceRoots as roots } from '../workspaceRoots';
import { detectAgents } from './agentDetection';
import { GLOBAL_AUTO_APPROVE_SETTINGS } from './copilotSettings';
import { installHooks, isInstalled, pointsAt, type InstallMemory } from './hookInstaller';
import { userTargets, workspaceTargets } from './hookTargets';
import { refreshLauncher, type RefreshResult } from './launcherInstall';
import { protectionLayers, protectionLevel, type Layer, type ProtectionSnapshot } from './protectionModel';
import { teamLayers } from '../team/teamLayers';
import { ProtectionView } from './protectionView';

const MEMORY_KEY = 'airlock.protection.installs';
const OFFERED_KEY = 'airlock.protection.offered';

/** User-level protectedFiles win; a workspace may only add globs (a repository can make the gate stricter, not blind). */
function protectedFiles(): string[] {
  const inspect = vscode.workspace.getConfiguration('airlock.gates').inspect<string[]>('protectedFiles');
  const base = inspect?.globalValue ?? inspect?.defaultValue ?? [...DEFAULT_PROTECTED_FILES];
  return [...new Set([...base, ...(inspect?.workspaceValue ?? []), ...(inspect?.workspaceFolderValue ?? [])])];
}

/**
 * Installing protection: the launcher in global storage (refreshed every start), Airlock's
 * entries in each agent's hook file, Copilot's auto-approve denies, the terminal gate, the
 * terminal watcher, the status shield's provider and the Protection view.
 */
export const protectionFeature: Feature = {
  id: 'protection',
  async activate(context, api) {
    const output = vscode.window.createOutputChannel('Airlock Protection', { log: true });
    context.subscriptions.push(output);
    const gates = api.gates as GatesState | undefined;
    const memory: InstallMemory = {
      get: (path) => context.globalState.get<Record<string, { original: string | null; written: string }>>(MEMORY_KEY, {})[path],
      set: async (path, value) => {
        const all = { ...context.globalState.get<Record<string, { original: string | null; written: string }>>(MEMORY_KEY, {}) };
        if (value) all[path] = value; else delete all[path];
        await context.globalState.update(MEMORY_KEY, all);
      },
    };

    let launcher: RefreshResult | undefined;
    const refresh = () => {
      try {
        launcher = refreshLauncher(context.asAbsolutePath('dist'), context.globalStorageUri.fsPath, protectedFiles());
        output.info(`launcher ready at ${launcher.paths.launcher} (runtime ${launcher.electron ? 'editor' : 'node'}: ${launcher.runtime}${launcher.fastPath ? '' : ', no shell fast path in this build'})`);
      } catch (error) {
        output.error(`could not install the launcher: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    refresh();

    let terminal: TerminalGateState = { supported: process.platform !== 'win32', enabled: false, tools: [], folder: '' };
    const applyTerminal = () => {
      if (!launcher) return;
      try { terminal = applyTerminalGate(context, launcher.paths.launcher, gates?.windowFile); } catch (error) {
        output.error(`terminal gate not applied: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    applyTerminal();

    // Hooks Airlock installed earlier keep pointing at this launcher even if it moved.
    if (launcher) {
      for (const target of allHookTargets(roots())) {
        if (memory.get(target.path) && isInstalled(target) && !pointsAt(target, launcher.paths.launcher) && (target.scope === 'user' || vscode.workspace.isTrusted)) {
          await installHooks(target, launcher.paths.launcher, memory).catch(() => undefined);
        }
      }
    }

    const recorder = new GateRecorder(api, () => roots()[0]);
    const watcher = new TerminalWatcher({
      record: (event) => recorder.record(event),
      sawRecently: (line, since) => gates?.sawRecently(line, since) ?? false,
      onGap: (line) => {
        void vscode.window.showWarningMessage(
          `Airlock protection gap: "${line.length > 120 ? `${line.slice(0, 119)}…` : line}" ran and no Airlock gate saw it.`,
          { detail: 'A destructive command ran in a terminal without the terminal gate or an agent hook asking you. Check the protection status to close the gap.' },
          'Show protection status',
        ).then((choice) => { if (choice) void vscode.commands.executeCommand('airlock.showProtectionStatus'); });
      },
    });
    context.subscriptions.push(watcher);

    const snapshot = (): ProtectionSnapshot => {
      const root = roots()[0];
      const detected = detectAgents(root);
      const agent = (file: 'cursor' | 'claude' | 'vscode') => {
        const targets = [...(root ? workspaceTargets(root) : []), ...userTargets()].filter((t) => t.file === file);
        const installed = targets.filter((t) => isInstalled(t));
        return {
          detected: detected[file],
          installed: installed.length > 0,
          current: launcher !== undefined && installed.some((t) => pointsAt(t, launcher!.paths.launcher)),
          where: installed.map((t) => (t.scope === 'user' ? t.path.replace(homedir(), '~') : vscode.workspace.asRelativePath(t.path))).join(', '),
        };
      };
      const chat = vscode.workspace.getConfiguration();
      return {
        ipcListening: gates !== undefined,
        trusted: vscode.workspace.isTrusted,
        agents: { cursor: agent('cursor'), claude: agent('claude'), vscode: agent('vscode') },
        shimsEnabled: terminal.enabled,
        shimsSupported: terminal.supported,
        shimCount: terminal.tools.length,
        shellIntegration: { withIntegration: watcher.withIntegration, without: vscode.window.terminals.filter((t) => !t.shellIntegration && !watcher.terminals.has(t)).length },
        copilotGlobalAutoApprove: GLOBAL_AUTO_APPROVE_SETTINGS.some((key) => chat.get(key) === true),
        team: teamLayers(root),
      };
    };
    const layers = (): Layer[] => protectionLayers(snapshot());

    const changed = new vscode.EventEmitter<void>();
    const view = new ProtectionView(layers);
    context.subscriptions.push(changed, view, vscode.window.registerTreeDataProvider('airlock.protection', view));
    const update = () => { view.refresh(); changed.fire(); void vscode.commands.executeCommand('setContext', 'airlock.protected', protectionLevel(layers()).level === 'protected'); };
    context.subscriptions.push(registerProtectionStatusProvider({ onDidChange: changed.event, getStatus: () => protectionLevel(layers()) }));

    const commands = protectionCommands({
      launcher: () => launcher?.paths.launcher,
      memory,
      roots,
      layers,
      record: (event) => recorder.record(event),
      update,
      output,
    });
    const { protect, removeProtection, showStatus, allTargets } = commands;

    context.subscriptions.push(
      vscode.commands.registerCommand('airlock.protectWorkspace', protect),
      vscode.commands.registerCommand('airlock.removeProtection', removeProtection),
      vscode.commands.registerCommand('airlock.showProtectionStatus', showStatus),
      vscode.commands.registerCommand('airlock.enableTerminalGate', async () => {
        await vscode.workspace.getConfiguration('airlock.gates').update('terminalShims', true, vscode.ConfigurationTarget.Global);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('airlock.gates.protectedFiles')) refresh();
        if (e.affectsConfiguration('airlock.gates.terminalShims')) applyTerminal();
        if (e.affectsConfiguration('airlock.gates') || e.affectsConfiguration('chat')) update();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(update),
      vscode.workspace.onDidChangeWorkspaceFolders(update),
      vscode.window.onDidOpenTerminal(update),
      vscode.window.onDidChangeTerminalShellIntegration(update),
    );
    update();

    api.protection = {
      launcher: () => launcher?.paths.launcher,
      shimFolder: () => terminal.folder,
      layers,
      level: () => protectionLevel(layers()).level,
      refresh: update,
    };

    // Offer once per workspace when an agent is here and no hook is.
    const root = roots()[0];
    const offered = context.globalState.get<string[]>(OFFERED_KEY, []);
    if (root && !offered.includes(root) && vscode.workspace.getConfiguration('airlock.gates').get<boolean>('offerProtection', true)) {
      const detected = detectAgents(root);
      const missing = (Object.keys(detected) as Array<keyof typeof detected>).filter((a) => detected[a] && !allTargets().some((t) => t.file === a && isInstalled(t)));
      if (missing.length) {
        await context.globalState.update(OFFERED_KEY, [...offered, root]);
        const names = missing.map((m) => ({ cursor: 'Cursor', claude: 'Claude Code', vscode: 'Copilot' })[m]).join(', ');
        void vscode.window.showInformationMessage(`${names} can run commands in this workspace without asking you. Let Airlock stop destructive ones until you confirm?`, 'Protect this workspace', 'Not now').then((choice) => {
          if (choice === 'Protect this workspace') void protect();
        });
      }
    }
  },
};
