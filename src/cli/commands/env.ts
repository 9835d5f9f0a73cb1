import { resolve } from 'node:path';
import { formatWorkspace } from '../../core/environment/format';
import { describeWorkspace } from '../../core/environment/workspace';
import { type CliCommand, type CliIO, UsageError } from '../io';

const USAGE = `Usage: airlock env [--json] [--cwd DIR]

Shows everything Airlock knows of this workspace's environments, from files and variables only
(no network, no cloud CLI): env files and what they point at, kube contexts, terraform
workspaces, AWS profiles, the Railway link, git protected branches, and a warning for every
resource that two environments share (staging and production on one database or volume).

Options:
  --json      one JSON object, stable field names
  --cwd DIR   the workspace to describe (default: the current directory)

Exit status: 0, or 1 when a shared resource involves production.`;

function parseArgs(args: string[], io: CliIO): { json: boolean; cwd: string } {
  let json = false;
  let cwd = io.cwd;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--cwd') {
      const dir = args[++i];
      if (!dir) throw new UsageError('--cwd needs a directory');
      cwd = resolve(io.cwd, dir);
    } else if (arg.startsWith('--cwd=')) cwd = resolve(io.cwd, arg.slice(6));
    else throw new UsageError(`unknown option '${arg.slice(0, 40)}'`);
  }
  return { json, cwd };
}

export const envCommand: CliCommand = {
  name: 'env',
  summary: "show the workspace's environments and the resources they share",
  usage: USAGE,
  async run(args, io) {
    const { json, cwd } = parseArgs(args, io);
    const env = io.env as Record<string, string | undefined>;
    const report = describeWorkspace(cwd, { env, home: env.HOME ?? env.USERPROFILE ?? null });
    io.stdout(json ? `${JSON.stringify(report, null, 2)}\n` : formatWorkspace(report));
    return report.shared.some((s) => s.environments.includes('production')) ? 1 : 0;
  },
};
