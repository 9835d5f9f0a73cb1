import type { CliCommand } from '../io';

/**
 * Every `airlock` subcommand, in the order `airlock --help` lists them. Each feature adds its
 * command here. Commands are loaded lazily so a hook call never pays for the others' code.
 */
export const commands: Array<{ name: string; summary: string; load: () => Promise<CliCommand> }> = [
  { name: 'check', summary: 'decide allow / ask / deny for a shell command line', load: async () => (await import('./check.js')).checkCommand },
  {
    name: 'explain',
    summary: 'show how Airlock reads a command line and which rules it consults',
    load: async () => (await import('./explain.js')).explainCommandCli,
  },
  { name: 'log', summary: 'print or verify the workspace activity log', load: async () => (await import('./log.js')).logCommand },
  { name: 'env', summary: "show the workspace's environments and the resources they share", load: async () => (await import('./env.js')).envCommand },
  {
    name: 'hook',
    summary: "answer an agent's pre-tool hook (cursor, claude, vscode, codex, gemini, copilot, windsurf, kiro, opencode, cline)",
    load: async () => (await import('./hook.js')).hookCommand,
  },
  { name: 'status', summary: 'list the agents on this machine and whether Airlock guards each', load: async () => (await import('./status.js')).statusCommand },
  {
    name: 'gate',
    summary: 'check a terminal command for the shims, asking the editor when destructive',
    load: async () => (await import('./gate.js')).gateCommand,
  },
  {
    name: 'run',
    summary: 'run a command inside the egress sandbox: provider API requests are judged before they leave',
    load: async () => (await import('./run.js')).runCommand,
  },
  { name: 'policy', summary: 'show the effective policy and where each value came from', load: async () => (await import('./policy.js')).policyCommand },
  { name: 'export', summary: 'show or drain the OpenTelemetry export queue', load: async () => (await import('./export.js')).exportCommand },
  {
    name: 'warm',
    summary: "serve the launcher's hook calls from a warm process (started by the launcher)",
    load: async () => (await import('./warm.js')).warmCommand,
  },
  { name: 'scan', summary: 'find exposed credentials in files and say what each can do', load: async () => (await import('./scan.js')).scanCommand },
];
