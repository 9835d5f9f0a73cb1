import { AGENTS, type HookAgent } from '../../core/protection/agents';

/**
 * Which layers protect this workspace, each on or off with a fix. Pure: the feature gathers a
 * snapshot, this decides the wording and the overall level the status bar shield shows.
 */
export type LayerId = 'ipc' | `hook-${HookAgent}` | 'shims' | 'shell-integration' | 'copilot-auto-approve' | 'egress-sandbox' | 'export' | 'managed-policy';

export interface Layer {
  id: LayerId;
  label: string;
  /** `unverified`: installed, but the self-test has not passed for the file as it is now. */
  state: 'on' | 'off' | 'stale' | 'unverified' | 'not-needed' | 'warning';
  detail: string;
  fix?: { title: string; command: string; args?: unknown[] };
}

export interface ProtectionSnapshot {
  ipcListening: boolean;
  trusted: boolean;
  /**
   * Per agent: detected (this editor, the workspace or installed on the machine); hook installed
   * (workspace or user); pointing at the current launcher; the self-test of the file as it is now.
   * Agents missing from the record are neither detected nor installed.
   */
  agents: Partial<Record<HookAgent, AgentSnapshot>>;
  shimsEnabled: boolean;
  shimsSupported: boolean;
  shimCount: number;
  /** Terminals seen with shell integration / without it. */
  shellIntegration: { withIntegration: number; without: number };
  copilotGlobalAutoApprove: boolean;
  /** The egress sandbox's row, built by src/extension/sandbox/sandbox-layer.ts. */
  egressSandbox?: Layer;
  /** Team layers another feature words (managed policy, export: see src/extension/team/team-layers.ts), shown as given. */
  team?: Layer[];
}

export interface AgentSnapshot {
  detected: boolean;
  installed: boolean;
  current: boolean;
  where?: string;
  /** Where the agent was seen on this machine (config folders, programs). */
  machine?: string[];
  /** The last self-test of the installed file, when its bytes have not changed since. */
  verified?: { ok: boolean; time: string; detail: string };
}

/** The first three are always listed (the editor's own agents); the others when present. */
const ALWAYS_LISTED: HookAgent[] = ['cursor', 'claude', 'vscode'];

function agentLabel(agent: HookAgent): string {
  return agent === 'vscode' ? 'VS Code agent hook (Copilot)' : `${AGENTS[agent].name} hook`;
}

function shortTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function protectionLayers(s: ProtectionSnapshot): Layer[] {
  const protect = { title: 'Protect This Workspace', command: 'airlock.protectWorkspace' };
  const layers: Layer[] = [
    s.ipcListening
      ? { id: 'ipc', label: 'Confirmation channel', state: 'on', detail: 'Hooks and terminals can reach this window to ask you.' }
      : {
          id: 'ipc',
          label: 'Confirmation channel',
          state: 'off',
          detail: 'Airlock could not open its private socket: agents will be denied (Cursor, VS Code) or asked by their own prompt (Claude Code).',
          fix: { title: 'Reload window', command: 'workbench.action.reloadWindow' },
        },
  ];
  for (const agent of Object.keys(AGENTS) as HookAgent[]) {
    const a = s.agents[agent];
    const id = `hook-${agent}` as LayerId;
    const label = agentLabel(agent);
    const seen = a?.machine?.length ? ` Found: ${a.machine.join(', ')}.` : '';
    if (!a || (!a.installed && !a.detected)) {
      if (ALWAYS_LISTED.includes(agent))
        layers.push({ id, label, state: 'not-needed', detail: 'Agent not detected here.', fix: { ...protect, title: 'Protect Anyway' } });
      continue;
    }
    // Guarded only when the hook is installed, points at this launcher AND its self-test passed.
    if (a.installed && a.current && a.verified?.ok)
      layers.push({ id, label, state: 'on', detail: `Guarded: verified ${shortTime(a.verified.time)}${a.where ? ` (${a.where})` : ''}.` });
    else if (a.installed && a.current)
      layers.push({
        id,
        label,
        state: 'unverified',
        detail: a.verified
          ? `Installed${a.where ? ` in ${a.where}` : ''}, but its self-test failed (${shortTime(a.verified.time)}): ${a.verified.detail}`
          : `Installed${a.where ? ` in ${a.where}` : ''}, not verified since it last changed: Protect runs the self-test.`,
        fix: protect,
      });
    else if (a.installed) layers.push({ id, label, state: 'stale', detail: 'Installed, but pointing at an old Airlock launcher.', fix: protect });
    else
      layers.push({
        id,
        label,
        state: 'off',
        detail:
          (s.trusted
            ? 'This agent can run commands here without Airlock seeing them.'
            : 'Workspace not trusted: Airlock does not write into it. Protect this agent in your user settings instead.') + seen,
        fix: protect,
      });
  }
  if (!s.shimsSupported)
    layers.push({
      id: 'shims',
      label: 'Terminal gate',
      state: 'not-needed',
      detail: 'Terminal shims need a POSIX shell; on this platform only agent hooks protect you.',
    });
  else if (s.shimsEnabled)
    layers.push({
      id: 'shims',
      label: 'Terminal gate',
      state: 'on',
      detail: `${s.shimCount} guarded tools are checked in integrated terminals (new terminals).`,
    });
  else
    layers.push({
      id: 'shims',
      label: 'Terminal gate',
      state: 'off',
      detail: 'Destructive commands typed into terminals run unchecked.',
      fix: { title: 'Turn On the Terminal Gate', command: 'airlock.enableTerminalGate' },
    });
  const si = s.shellIntegration;
  if (si.without > 0)
    layers.push({
      id: 'shell-integration',
      label: 'Terminal watching',
      state: 'warning',
      detail: `${si.without} terminal(s) without shell integration: their commands are not recorded and rc files may undo the terminal gate.`,
      fix: { title: 'Enable shell integration', command: 'workbench.action.openSettings', args: ['terminal.integrated.shellIntegration.enabled'] },
    });
  else
    layers.push({
      id: 'shell-integration',
      label: 'Terminal watching',
      state: 'on',
      detail: si.withIntegration > 0 ? `Recording commands in ${si.withIntegration} terminal(s).` : 'Commands in new terminals are recorded.',
    });
  if (s.egressSandbox) layers.push(s.egressSandbox);
  if (s.copilotGlobalAutoApprove)
    layers.push({
      id: 'copilot-auto-approve',
      label: 'Copilot auto-approve',
      state: 'warning',
      detail: "Copilot runs every tool without asking (global auto-approve is on). Only Airlock's hook stands in the way.",
      fix: { title: 'Open the setting', command: 'workbench.action.openSettings', args: ['chat.tools.global.autoApprove'] },
    });
  layers.push(...(s.team ?? []));
  return layers;
}

/** The shield: protected when every needed layer is on; off when no agent hook and no terminal gate is. */
export function protectionLevel(layers: Layer[]): { level: 'protected' | 'partial' | 'off'; detail: string } {
  const gaps = layers.filter((l) => l.state === 'off' || l.state === 'stale' || l.state === 'unverified');
  const guards = layers.filter((l) => (l.id.startsWith('hook-') || l.id === 'shims') && l.state === 'on');
  if (gaps.length === 0 && guards.length > 0) return { level: 'protected', detail: 'Every detected agent and the terminals are guarded.' };
  if (guards.length === 0) return { level: 'off', detail: gaps.map((g) => `${g.label}: ${g.state}`).join('; ') || 'No agent hook or terminal gate is active.' };
  return {
    level: 'partial',
    detail: gaps.map((g) => `${g.label}: ${g.state === 'stale' ? 'outdated' : g.state === 'unverified' ? 'not verified' : 'off'}`).join('; '),
  };
}

/**
 * Agents whose hook row is "on": installed, pointing at this launcher and verified by its
 * self-test for the file as it is now. Nothing else may be counted as a guard (the tokens view's
 * read gate uses this).
 */
export function guardedAgents(layers: readonly Layer[]): HookAgent[] {
  return layers.filter((l) => l.state === 'on' && l.id.startsWith('hook-')).map((l) => l.id.slice('hook-'.length) as HookAgent);
}
