import { homedir } from 'node:os';
import { relative, resolve } from 'node:path';
import { type AgentStatus, agentStatuses } from '../../core/protection/agent-status';
import { type CliCommand, type CliIO, UsageError } from '../io';

const USAGE = `Usage: airlock status [--json] [--cwd DIR] [--no-test]

Lists every AI coding agent Airlock knows that is installed on this machine (config folders and
programs on PATH) or set up in this workspace, the Airlock hook files installed for it, and
whether it is guarded. "Guarded" means the hook is installed AND its self-test passed just now:
the agent's own documented payload sent through the installed command, a benign command let
through and "rm -rf /" blocked, each in the agent's answer format.

Options:
  --json      one JSON object, stable field names
  --cwd DIR   the workspace (default: the current directory)
  --no-test   do not run the self-tests (nothing is then reported as guarded)

Exit status: 0 when every agent found is guarded, 1 when one runs unguarded.`;

function parseArgs(args: string[], io: CliIO): { json: boolean; cwd: string; test: boolean } {
  let json = false;
  let test = true;
  let cwd = io.cwd;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--no-test') test = false;
    else if (arg === '--cwd') {
      const dir = args[++i];
      if (!dir) throw new UsageError('--cwd needs a directory');
      cwd = resolve(io.cwd, dir);
    } else if (arg.startsWith('--cwd=')) cwd = resolve(io.cwd, arg.slice(6));
    else throw new UsageError(`unknown option '${arg.slice(0, 40)}'`);
  }
  return { json, cwd, test };
}

function state(s: AgentStatus): string {
  if (s.guarded) return 'guarded';
  if (s.hooks.length === 0) return 'NOT GUARDED';
  if (s.hooks.some((h) => h.test && !h.test.ok)) return 'NOT GUARDED (self-test failed)';
  if (s.hooks.some((h) => h.altered)) return "NOT GUARDED (Airlock's entry was changed)";
  return 'hook installed, not verified';
}

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'list the agents on this machine and whether Airlock guards each',
  usage: USAGE,
  async run(args, io) {
    const { json, cwd, test } = parseArgs(args, io);
    const home = io.env.HOME ?? homedir();
    const all = await agentStatuses({ root: cwd, home, path: io.env.PATH, env: io.env, test });
    const listed = all.filter((s) => s.found.length > 0 || s.hooks.length > 0);
    const unguarded = listed.filter((s) => !s.guarded);
    if (json) {
      io.stdout(`${JSON.stringify({ workspace: cwd, agents: listed }, null, 2)}\n`);
      return unguarded.length ? 1 : 0;
    }
    const show = (p: string) => (p.startsWith(`${cwd}/`) ? relative(cwd, p) : p.startsWith(`${home}/`) ? `~/${relative(home, p)}` : p);
    io.stdout(`Agents for ${cwd}\n`);
    if (listed.length === 0) io.stdout('  No AI coding agent found on this machine or in this workspace.\n');
    for (const s of listed) {
      io.stdout(`\n  ${s.name}: ${state(s)}\n`);
      if (s.found.length) io.stdout(`    found: ${s.found.map(show).join(', ')}\n`);
      for (const h of s.hooks) {
        const t = h.test ? (h.test.ok ? `verified ${h.test.time.slice(0, 19).replace('T', ' ')} UTC` : `self-test failed: ${h.test.detail}`) : 'not tested';
        io.stdout(`    hook:  ${show(h.path)} (${t})\n`);
      }
      if (!s.guarded) io.stdout(`    fix:   run "Airlock: Protect This Workspace" in the editor${s.note ? `; ${s.note}` : ''}\n`);
    }
    if (unguarded.length) io.stdout(`\n${unguarded.length} agent(s) can run commands without Airlock seeing them.\n`);
    return unguarded.length ? 1 : 0;
  },
};
