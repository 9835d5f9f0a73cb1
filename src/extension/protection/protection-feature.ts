import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { REPOSITORY_POLICY_PATH, userPolicyPath } from '../../core/policy/load';
import { AGENTS, type HookAgent } from '../../core/protection/agents';
import { hookCommand } from '../../core/protection/hook-config';
import { stableLauncherPath } from '../../core/protection/stable-launcher';
import { DEFAULT_PROTECTED_FILES } from '../../core/tokens/protected-files';
import type { Feature } from '../feature';
import { GateRecorder } from '../gates/gate-recorder';
import type { GatesState } from '../gates/gates-feature';
import { egressSandboxLayer } from '../sandbox/sandbox-layer';
import { registerProtectionStatusProvider } from '../status/protection-status';
import { teamLayers } from '../team/team-layers';
import { applyTerminalGate, type TerminalGateState } from '../terminal/terminal-gate';
import { TerminalWatcher } from '../watch/terminal-watcher';
import { fileWorkspaceRoots as roots } from '../workspace-roots';
import { agentPresence, detectAgents } from './agent-detection';
import { AirlockFileWatcher } from './airlock-file-watcher';
import { GLOBAL_AUTO_APPROVE_SETTINGS, hasAirlockDenies } from './copilot-settings';
import { type InstallMemory, type InstallRecord, installHooks, isInstalled, pointsAt } from './hook-installer';
import { userTargets, workspaceTargets } from './hook-targets';
import { type RefreshResult, refreshLauncher } from './launcher-install';
import { allHookTargets, protectionCommands } from './protection-commands';
import { type Layer, type ProtectionSnapshot, protectionLayers, protectionLevel } from './protection-model';
import { ProtectionView } from './protection-view';
import { warnSelfEdit } from './self-edit-warning';
import { ensureStableLauncher } from './stable-launcher';
import { currentVerification, type VerificationMemory, type VerifiedRecord, verifyTarget } from './verification';

/** Where Protect adds Copilot's auto-approve denies (see protection-commands.ts). */
const COPILOT_AUTO_APPROVE = 'chat.tools.terminal.autoApprove';

const MEMORY_KEY = 'airlock.protection.installs';
const OFFERED_KEY = 'airlock.protection.offered';
const VERIFIED_KEY = 'airlock.protection.verified';

/** True when the file holds Airlock's entries exactly as this version writes them. */
function isCurrent(target: { path: string; agent: HookAgent; format: { add(text: string | undefined, command: string): string } }, launcher: string): boolean {
  try {
    const text = readFileSync(target.path, 'utf8');
    return target.format.add(text, hookCommand(launcher, target.agent)) === text;
  } catch {
    return false;
  }
}

/** True when Airlock's entries in the file are exactly as it writes them (observe-only ones may be missing). */
function entriesAsWritten(
  target: { path: string; agent: HookAgent; format: { asWritten(text: string | undefined, command: string): boolean } },
  launcher: string,
): boolean {
  try {
    return target.format.asWritten(readFileSync(target.path, 'utf8'), hookCommand(launcher, target.agent));
  } catch {
    return false;
  }
}

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
    const store = <T>(key: string) => ({
      get: (path: string) => context.globalState.get<Record<string, T>>(key, {})[path],
      set: async (path: string, value: T | undefined) => {
        const all = { ...context.globalState.get<Record<string, T>>(key, {}) };
        if (value) all[path] = value;
        else delete all[path];
        await context.globalState.update(key, all);
      },
    });
    const memory: InstallMemory = store<InstallRecord>(MEMORY_KEY);
    const verified: VerificationMemory = store<VerifiedRecord>(VERIFIED_KEY);

    let launcher: RefreshResult | undefined;
    const refresh = () => {
      try {
        launcher = refreshLauncher(context.asAbsolutePath('dist'), context.globalStorageUri.fsPath, protectedFiles());
        output.info(
          `launcher ready at ${launcher.paths.launcher} (runtime ${launcher.electron ? 'editor' : 'node'}: ${launcher.runtime}${launcher.fastPath ? '' : ', no shell fast path in this build'})`,
        );
      } catch (error) {
        output.error(`could not install the launcher: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    refresh();

    let terminal: TerminalGateState = { supported: process.platform !== 'win32', enabled: false, tools: [], folder: '' };
    const applyTerminal = () => {
      if (!launcher) return;
      try {
        terminal = applyTerminalGate(context, launcher.paths.launcher, gates?.windowFile);
      } catch (error) {
        output.error(`terminal gate not applied: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    applyTerminal();

    // Hooks Airlock installed earlier point at the stable per-user path (older ones named the
    // editor's storage): keep the stable path running this launcher, move old entries to it and test them again.
    const stable = stableLauncherPath();
    if (launcher) {
      try {
        ensureStableLauncher(launcher.paths.launcher);
      } catch (error) {
        output.error(`stable launcher not updated: ${error instanceof Error ? error.message : String(error)}`);
      }
      for (const target of allHookTargets(roots())) {
        // Older entries name another launcher, or lack events added since (the observe-only ones).
        const outdated = !pointsAt(target, stable) || !isCurrent(target, stable);
        if (memory.get(target.path) && isInstalled(target) && outdated && (target.scope === 'user' || vscode.workspace.isTrusted)) {
          const changed = await installHooks(target, stable, memory).catch(() => undefined);
          await verifyTarget(target, stable, verified).catch(() => undefined);
          if (changed === 'added' && AGENTS[target.agent].trustedByContent) {
            void vscode.window.showWarningMessage(
              `Airlock updated ${target.label}: ${AGENTS[target.agent].name} runs it only after you trust the new content (open /hooks in ${AGENTS[target.agent].name}).`,
            );
          }
        }
      }
    }

    const recorder = new GateRecorder(api, () => roots()[0]);
    const watcher = new TerminalWatcher({
      record: (event) => recorder.record(event),
      sawRecently: (line, since, flagged) => gates?.sawRecently(line, since, flagged) ?? false,
      onGap: (line) => {
        void vscode.window
          // Non-modal: VS Code shows no `detail`, so the message says it all.
          .showWarningMessage(
            `Airlock protection gap: "${line.length > 120 ? `${line.slice(0, 119)}…` : line}" ran in a terminal without the terminal gate or an agent hook asking you. Check the protection status to close the gap.`,
            'Show Protection Status',
          )
          .then((choice) => {
            if (choice) void vscode.commands.executeCommand('airlock.showProtectionStatus');
          });
      },
    });
    context.subscriptions.push(watcher);

    const snapshot = (): ProtectionSnapshot => {
      const root = roots()[0];
      const presence = agentPresence(root);
      const targets = [...(root ? workspaceTargets(root) : []), ...userTargets()];
      const agents: ProtectionSnapshot['agents'] = {};
      for (const p of presence) {
        const mine = targets.filter((t) => t.agent === p.agent);
        const installed = mine.filter((t) => isInstalled(t));
        const pointing = installed.filter((t) => pointsAt(t, stable) || (launcher !== undefined && pointsAt(t, launcher.paths.launcher)));
        // The self-test runs one harmless command through the entry: it passes just as well after
        // failClosed is dropped, a timeout raised or a matcher narrowed. Only an entry exactly as
        // Airlock writes it counts as verified; anything else reads "not verified" until Protect.
        const checks = pointing.map((t) =>
          entriesAsWritten(t, pointsAt(t, stable) ? stable : (launcher?.paths.launcher ?? stable)) ? currentVerification(t, verified) : undefined,
        );
        agents[p.agent] = {
          detected: p.machine.length > 0 || p.workspace.length > 0,
          installed: installed.length > 0,
          current: pointing.length > 0,
          machine: p.machine,
          // Every installed file must have passed: one unverified file is a gap.
          verified: checks.find((c) => c && !c.ok) ?? (checks.length > 0 && checks.every((c) => c?.ok) ? checks[0] : undefined),
          where: installed.map((t) => (t.scope === 'user' ? t.path.replace(homedir(), '~') : vscode.workspace.asRelativePath(t.path))).join(', '),
        };
      }
      const chat = vscode.workspace.getConfiguration();
      return {
        ipcListening: gates !== undefined,
        trusted: vscode.workspace.isTrusted,
        agents,
        shimsEnabled: terminal.enabled,
        shimsSupported: terminal.supported,
        shimCount: terminal.tools.length,
        shellIntegration: {
          withIntegration: watcher.withIntegration,
          without: vscode.window.terminals.filter((t) => !t.shellIntegration && !watcher.terminals.has(t)).length,
        },
        copilotGlobalAutoApprove: GLOBAL_AUTO_APPROVE_SETTINGS.some((key) => chat.get(key) === true),
        egressSandbox: egressSandboxLayer(root),
        team: teamLayers(root),
      };
    };
    const layers = (): Layer[] => protectionLayers(snapshot());

    const changed = new vscode.EventEmitter<void>();
    const view = new ProtectionView(layers);
    context.subscriptions.push(changed, view, vscode.window.registerTreeDataProvider('airlock.protection', view));
    const update = () => {
      view.refresh();
      changed.fire();
      const now = layers();
      // Context keys for the palette: Protect while not fully protected, Remove while something
      // Airlock wrote is installed, Turn On the Terminal Gate only while it is off.
      const setContext = (key: string, value: boolean) => void vscode.commands.executeCommand('setContext', key, value);
      setContext('airlock.protected', protectionLevel(now).level === 'protected');
      setContext(
        'airlock.protection.installed',
        now.some((l) => l.id.startsWith('hook-') && (l.state === 'on' || l.state === 'unverified' || l.state === 'stale')) ||
          hasAirlockDenies(vscode.workspace.getConfiguration().inspect(COPILOT_AUTO_APPROVE)?.globalValue),
      );
      setContext(
        'airlock.terminalGate.off',
        now.some((l) => l.id === 'shims' && l.state === 'off'),
      );
    };
    context.subscriptions.push(registerProtectionStatusProvider({ onDidChange: changed.event, getStatus: () => protectionLevel(layers()) }));

    const commands = protectionCommands({
      launcher: () => launcher?.paths.launcher,
      memory,
      verified,
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

    // Each start, test the installed hooks again in the background: "verified" is about now, not
    // about the day Protect ran (a runtime removed since, a launcher broken, would show here).
    // The same after any alert that Airlock's own files changed.
    const recheck = async () => {
      for (const target of allHookTargets(roots())) {
        if (!memory.get(target.path) || !isInstalled(target) || !pointsAt(target, stable)) continue;
        await verifyTarget(target, stable, verified).catch(() => undefined);
      }
      update();
    };
    void recheck();

    const alertAndRecheck = (title: string, detail: string) => {
      void warnSelfEdit(title, detail);
      void recheck();
    };
    if (gates?.onSelfEditAlert) {
      context.subscriptions.push(
        gates.onSelfEditAlert((alert) =>
          alertAndRecheck(
            alert.title,
            `The agent reported it only after the edit (${alert.event}), so no hook could stop it. It is in the Activity log; Airlock is checking its protection again.`,
          ),
        ),
      );
    }
    const fileWatcher = new AirlockFileWatcher({
      targets: () => allHookTargets(roots()),
      policyFiles: () => [userPolicyPath(process.env), ...roots().map((r) => join(r, REPOSITORY_POLICY_PATH))],
      installed: (path) => memory.get(path) !== undefined,
      launcher: () => stable,
      record: (event) => recorder.record(event),
      alert: alertAndRecheck,
    });
    context.subscriptions.push(
      fileWatcher,
      vscode.workspace.onDidChangeWorkspaceFolders(() => fileWatcher.rebuild()),
    );

    api.protection = {
      launcher: () => launcher?.paths.launcher,
      shimFolder: () => terminal.folder,
      layers,
      level: () => protectionLevel(layers()).level,
      refresh: update,
      /** Fires after Protect, Remove, a self-test or a setting changed the layers. */
      onDidChange: changed.event,
    };

    // Offer once per workspace when an agent is here and no hook is.
    const root = roots()[0];
    const offered = context.globalState.get<string[]>(OFFERED_KEY, []);
    if (root && !offered.includes(root) && vscode.workspace.getConfiguration('airlock.gates').get<boolean>('offerProtection', true)) {
      const detected = detectAgents(root);
      const missing = (Object.keys(detected) as Array<keyof typeof detected>).filter(
        (a) => detected[a] && !allTargets().some((t) => t.file === a && isInstalled(t)),
      );
      if (missing.length) {
        const names = missing.map((m) => AGENTS[m as HookAgent].name).join(', ');
        // Marked as offered only once the person answers: a notification nobody saw is offered again next start.
        void vscode.window
          .showInformationMessage(
            `${names} can run commands in this workspace without asking you. Let Airlock stop destructive ones until you confirm?`,
            'Protect This Workspace',
            'Not Now',
          )
          .then(async (choice) => {
            if (choice) await context.globalState.update(OFFERED_KEY, [...context.globalState.get<string[]>(OFFERED_KEY, []), root]);
            if (choice === 'Protect This Workspace') void protect();
          });
      }
    }
  },
};
