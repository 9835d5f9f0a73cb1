import * as vscode from 'vscode';
import type { ActivityEvent } from '../../core/events';
import { agentModule } from '../../core/protection/agents';
import { sandboxAvailability } from '../sandbox/sandbox-layer';
import { detectAgents } from './agent-detection';
import { GLOBAL_AUTO_APPROVE_SETTINGS, hasAirlockDenies, withAirlockDenies, withoutAirlockDenies } from './copilot-settings';
import { type InstallMemory, installHooks, isInstalled, removeHooks } from './hook-installer';
import { type HookTarget, userTargets, workspaceTargets } from './hook-targets';
import { type Layer, protectionLevel } from './protection-model';
import { ensureStableLauncher } from './stable-launcher';
import { type VerificationMemory, verifyTarget } from './verification';

const SANDBOX_DEFAULT = 'Use the Sandboxed Terminal by Default';

const COPILOT_SETTING = 'chat.tools.terminal.autoApprove';

/** What the protection commands need from the feature. */
export interface ProtectionCommandDeps {
  launcher(): string | undefined;
  memory: InstallMemory;
  verified: VerificationMemory;
  roots(): string[];
  layers(): Layer[];
  record(event: Omit<ActivityEvent, 'id' | 'time'>): Promise<void>;
  update(): void;
  output: vscode.LogOutputChannel;
}

/** Every hook file Airlock may manage for these workspace roots, then the user-level ones. */
export function allHookTargets(roots: string[]): HookTarget[] {
  return [...roots.flatMap(workspaceTargets), ...userTargets()];
}

/** "Airlock: Protect This Workspace", "Remove Protection" and "Show Protection Status". */
export function protectionCommands(deps: ProtectionCommandDeps) {
  const { memory, roots, layers, update, output } = deps;
  const allTargets = (): HookTarget[] => allHookTargets(roots());

  const protect = async (): Promise<void> => {
    const current = deps.launcher();
    if (!current) {
      void vscode.window.showErrorMessage('Airlock could not install its launcher; see the "Airlock Protection" output.');
      return;
    }
    // Hook files name the stable per-user path, never the editor's (possibly temporary) storage.
    let launcherPath: string;
    try {
      launcherPath = ensureStableLauncher(current);
    } catch (error) {
      void vscode.window.showErrorMessage(`Airlock could not set up its launcher at a stable path: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const root = roots()[0];
    const detected = detectAgents(root);
    type Pick = vscode.QuickPickItem & { target?: HookTarget; copilot?: boolean };
    const items: Pick[] = [];
    if (root && vscode.workspace.isTrusted) {
      items.push({ label: 'This workspace', kind: vscode.QuickPickItemKind.Separator });
      for (const target of workspaceTargets(root))
        items.push({
          label: target.label,
          description: isInstalled(target) ? 'installed' : detected[target.file] ? 'agent detected' : '',
          picked: detected[target.file] || isInstalled(target),
          target,
        });
    }
    items.push({ label: 'Every project (your user settings)', kind: vscode.QuickPickItemKind.Separator });
    for (const target of userTargets())
      items.push({
        label: target.label,
        description: isInstalled(target) ? 'installed' : detected[target.file] ? 'agent installed' : '',
        picked: !vscode.workspace.isTrusted && detected[target.file],
        target,
      });
    items.push({ label: 'Copilot', kind: vscode.QuickPickItemKind.Separator });
    items.push({
      label: 'Never auto-approve destructive terminal commands',
      detail: `Adds "false" entries to ${COPILOT_SETTING} (user settings)`,
      picked: detected.vscode,
      copilot: true,
    });
    const chosen = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      title: 'Airlock: Protect This Workspace',
      placeHolder: vscode.workspace.isTrusted
        ? 'Choose which agent hooks Airlock installs'
        : 'Workspace not trusted: Airlock only writes to your user settings',
      ignoreFocusOut: true,
    });
    if (!chosen) return;
    const done: string[] = [];
    const failed: string[] = [];
    const retrust: string[] = [];
    for (const pick of chosen) {
      if (pick.target) {
        if (pick.target.scope === 'workspace' && !vscode.workspace.isTrusted) continue;
        try {
          const outcome = await installHooks(pick.target, launcherPath, memory);
          // Never silently off: the agent's own documented payload goes through the installed command.
          const check = await verifyTarget(pick.target, launcherPath, deps.verified);
          if (check.ok) done.push(`${pick.target.label}: ${outcome}, verified`);
          else failed.push(`${pick.target.label}: installed but the self-test failed: ${check.detail}`);
          const mod = agentModule(pick.target.agent);
          if (mod.note) output.info(`${pick.target.label}: ${mod.note}`);
          if (outcome === 'added' && mod.trustedByContent) retrust.push(mod.name);
        } catch (error) {
          failed.push(`${pick.target.label}: ${error instanceof Error ? error.message : String(error)}`);
        }
      } else if (pick.copilot) {
        const config = vscode.workspace.getConfiguration();
        await config.update(COPILOT_SETTING, withAirlockDenies(config.inspect(COPILOT_SETTING)?.globalValue), vscode.ConfigurationTarget.Global);
        done.push('Copilot auto-approve: destructive patterns always ask');
      }
    }
    for (const line of [...done, ...failed]) output.info(line);
    if (done.length) await deps.record({ kind: 'airlock', actor: 'unknown', reason: `Protection installed: ${done.join('; ')}` }).catch(() => undefined);
    await warnGlobalAutoApprove();
    update();
    if (retrust.length)
      void vscode.window.showWarningMessage(
        `${retrust.join(', ')} runs a hook only after you trust its exact content: open /hooks in ${retrust.join(', ')} and trust Airlock's hook, or it will not run.`,
      );
    if (failed.length) void vscode.window.showErrorMessage(`Airlock could not protect: ${failed.join('; ')}`);
    else if (done.length) {
      // Terminals started by people and terminal-driven agents are judged by the egress gate too
      // once the sandboxed profile is the workspace's default: offered, never set silently.
      const offer = vscode.workspace.isTrusted && sandboxAvailability().available ? [SANDBOX_DEFAULT] : [];
      void vscode.window
        .showInformationMessage(
          `Airlock protects: ${chosen
            .filter((c) => c.target || c.copilot)
            .map((c) => c.label)
            .join(', ')}. Restart running agents so they load the hooks.`,
          ...offer,
        )
        .then((choice) => {
          if (choice === SANDBOX_DEFAULT) void vscode.commands.executeCommand('airlock.sandbox.makeDefaultTerminal');
        });
    }
  };

  const removeProtection = async () => {
    const installed = allTargets().filter((t) => isInstalled(t) && (t.scope === 'user' || vscode.workspace.isTrusted));
    const config = vscode.workspace.getConfiguration();
    const copilotOn = hasAirlockDenies(config.inspect(COPILOT_SETTING)?.globalValue);
    if (!installed.length && !copilotOn) {
      void vscode.window.showInformationMessage('Airlock has no hooks installed here.');
      return;
    }
    type Pick = vscode.QuickPickItem & { target?: HookTarget; copilot?: boolean };
    const items: Pick[] = [
      ...installed.map((t) => ({ label: t.label, picked: t.scope === 'workspace', target: t })),
      ...(copilotOn ? [{ label: 'Copilot auto-approve denies', picked: false, copilot: true }] : []),
    ];
    const chosen = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      title: 'Airlock: Remove Protection',
      placeHolder: 'Airlock removes exactly what it added',
    });
    if (!chosen?.length) return;
    for (const pick of chosen) {
      if (pick.target) {
        await removeHooks(pick.target, memory);
        await deps.verified.set(pick.target.path, undefined);
      } else if (pick.copilot)
        await config.update(COPILOT_SETTING, withoutAirlockDenies(config.inspect(COPILOT_SETTING)?.globalValue), vscode.ConfigurationTarget.Global);
    }
    update();
    await deps
      .record({ kind: 'airlock', actor: 'unknown', severity: 'high', reason: `Protection removed: ${chosen.map((c) => c.label).join(', ')}` })
      .catch(() => undefined);
    void vscode.window.showWarningMessage(
      `Airlock protection removed: ${chosen.map((c) => c.label).join(', ')}. Agents can now run destructive commands without asking you.`,
    );
  };

  const showStatus = async () => {
    const current = layers();
    const level = protectionLevel(current);
    type Pick = vscode.QuickPickItem & { layer: Layer };
    const icon = (l: Layer) =>
      l.state === 'on' ? '$(pass-filled)' : l.state === 'not-needed' ? '$(circle-slash)' : l.state === 'off' ? '$(error)' : '$(warning)';
    const pick = await vscode.window.showQuickPick<Pick>(
      current.map((layer) => ({
        label: `${icon(layer)} ${layer.label}`,
        description: layer.state === 'not-needed' ? 'not detected' : layer.state,
        detail: `${layer.detail}${layer.fix && layer.state !== 'on' ? `  →  ${layer.fix.title}` : ''}`,
        layer,
      })),
      {
        title: `Airlock protection: ${level.level}`,
        placeHolder: 'Pick a layer with a gap to fix it',
      },
    );
    if (pick?.layer.fix && pick.layer.state !== 'on') await vscode.commands.executeCommand(pick.layer.fix.command, ...(pick.layer.fix.args ?? []));
  };

  const warnGlobalAutoApprove = async () => {
    const config = vscode.workspace.getConfiguration();
    const on = GLOBAL_AUTO_APPROVE_SETTINGS.find((key) => config.get(key) === true);
    if (!on) return;
    const choice = await vscode.window.showWarningMessage(
      `Copilot's global auto-approve (${on}) is on: Copilot runs every tool without asking you. Airlock's hook still gates destructive commands, but nothing else will ask.`,
      'Open setting',
    );
    if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', on);
  };

  return { protect, removeProtection, showStatus, warnGlobalAutoApprove, allTargets };
}
