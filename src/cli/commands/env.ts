import { resolve } from 'node:path';
import { describeTarget } from '../../core/environment/describe';
import { describeWorkspace, type WorkspaceEnvironments } from '../../core/environment/workspace';
import { UsageError, type CliCommand, type CliIO } from '../io';

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

const upper = (e: string) => e.toUpperCase();

export function formatWorkspace(report: WorkspaceEnvironments): string {
  const out: string[] = [];
  const section = (title: string, lines: string[], empty: string) => {
    out.push(title);
    out.push(...(lines.length ? lines.map((l) => `  ${l}`) : [`  ${empty}`]), '');
  };
  if (report.shared.length) {
    out.push(`WARNING: ${report.shared.length} resource${report.shared.length === 1 ? ' is' : 's are'} shared between environments`);
    for (const s of report.shared) {
      out.push(`  ! ${s.display} is used by ${s.environments.join(' and ')}: ${s.uses.map((u) => `${u.source}${u.variable ? ` (${u.variable})` : ''}`).join(', ')}`);
      if (s.environments.includes('production')) out.push(`    A command aimed at ${s.environments.filter((e) => e !== 'production').join(' or ')} here destroys production data.`);
    }
    out.push('');
  }
  out.push(`Workspace ${report.root}`, '');
  section('Env files', report.envFiles.map((f) => `${f.file.padEnd(24)} ${upper(f.environment).padEnd(12)} (${f.environmentFrom})${f.resources.filter((r) => r.kind !== 'token').map((r) => `\n      ${r.variable ?? r.kind}: ${r.resource}`).join('')}`), 'none (.env, .env.<name>, <name>.env)');
  section('Kubernetes', report.kubernetes.contexts.map((c) => `${c.current ? '*' : ' '} ${c.name.padEnd(22)} ${upper(c.environment).padEnd(12)} cluster ${c.cluster ?? '?'}${c.namespace ? `, namespace ${c.namespace}` : ''}`), report.kubernetes.files.length ? 'no contexts' : 'no kubeconfig');
  section('Terraform workspaces', report.terraform.map((t) => `${t.directory.padEnd(24)} ${t.workspace.padEnd(14)} ${upper(t.environment)}`), 'no initialised root module (.terraform) found');
  section('AWS profiles', report.aws.profiles.map((p) => `${p.name === report.aws.profile ? '*' : ' '} ${p.name.padEnd(22)} ${upper(p.environment).padEnd(12)} ${p.account ? `account ${p.account}` : ''}`.trimEnd()), 'none in ~/.aws/config');
  if (report.gcloud) section('Google Cloud', [describeTarget(report.gcloud)], '');
  section('Railway', report.railway ? [
    ...(report.railway.project ? [`linked: project ${report.railway.project}, environment ${report.railway.environment ?? '?'} (${upper(report.railway.classified)})${report.railway.service ? `, service ${report.railway.service}` : ''}`] : []),
    ...report.railway.tokens.map((t) => `${t.variable} in ${t.file}: a project token acts on one environment; the file ${t.fileEnvironment === 'unknown' ? 'does not say which' : `is for ${t.fileEnvironment}`}`),
  ] : [], 'not linked (railway link), no Railway token in env files');
  section('Git', report.git ? [
    `branch ${report.git.branch ?? '(detached)'}${report.git.onProtectedBranch ? ' (protected)' : ''}; protected: ${report.git.protectedBranches.join(', ')}`,
    ...report.git.remotes.map((r) => `remote ${r.name}: ${r.url}`),
  ] : [], 'not a git repository');
  if (report.docker) section('Docker', [describeTarget(report.docker)], '');
  if (report.problems.length) section('Could not read', report.problems.map((p) => `${p.source}: ${p.value}`), '');
  return out.join('\n').replace(/\n+$/, '\n');
}

export const envCommand: CliCommand = {
  name: 'env',
  summary: 'show the workspace\'s environments and the resources they share',
  usage: USAGE,
  async run(args, io) {
    const { json, cwd } = parseArgs(args, io);
    const env = io.env as Record<string, string | undefined>;
    const report = describeWorkspace(cwd, { env, home: env.HOME ?? env.USERPROFILE ?? null });
    io.stdout(json ? `${JSON.stringify(report, null, 2)}\n` : formatWorkspace(report));
    return report.shared.some((s) => s.environments.includes('production')) ? 1 : 0;
  },
};
