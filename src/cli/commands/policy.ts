import { resolve } from 'node:path';
import { formatPolicyReport, policyReport } from '../../core/policy/show';
import { type CliCommand, UsageError } from '../io';

const USAGE = `Usage: airlock policy show [--json] [--cwd DIR]

Prints the policy in force where a command would run, each value with where it came from: the
machine-wide managed policy (/etc/airlock/policy.json, /Library/Application Support/Airlock/
policy.json, C:\\ProgramData\\Airlock\\policy.json), your user policy, the editor settings, the
repository's .airlock/policy.json, or Airlock's defaults. Notes say what was ignored and why
(a repository or user loosening under a managed policy). Export headers are never printed.

Options:
  --json      one JSON object
  --cwd DIR   where the command would run (default: the current directory)`;

export const policyCommand: CliCommand = {
  name: 'policy',
  summary: 'show the effective policy and where each value came from',
  usage: USAGE,
  async run(args, io) {
    if (args[0] !== 'show') throw new UsageError(args[0] ? `unknown subcommand '${args[0].slice(0, 40)}'` : 'say `airlock policy show`');
    let json = false;
    let cwd = io.cwd;
    for (let i = 1; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '--json') json = true;
      else if (arg === '--cwd') {
        const d = args[++i];
        if (!d) throw new UsageError('--cwd needs a directory');
        cwd = resolve(io.cwd, d);
      } else throw new UsageError(`unknown option '${arg.slice(0, 40)}'`);
    }
    const report = policyReport({ cwd, env: io.env });
    if (json) {
      const { effective, ...rest } = report;
      io.stdout(`${JSON.stringify({ ...rest, managedApplies: !!effective.managed }, null, 2)}\n`);
    } else io.stdout(formatPolicyReport(report));
    return 0;
  },
};
