import { describeTarget } from './describe';
import type { WorkspaceEnvironments } from './workspace';

const upper = (e: string) => e.toUpperCase();

/** The human form of `airlock env` (also shown by the editor's "Show Workspace Environments"): shared resources first. */
export function formatWorkspace(report: WorkspaceEnvironments): string {
  const out: string[] = [];
  const section = (title: string, lines: string[], empty: string) => {
    out.push(title);
    out.push(...(lines.length ? lines.map((l) => `  ${l}`) : [`  ${empty}`]), '');
  };
  if (report.shared.length) {
    out.push(`WARNING: ${report.shared.length} resource${report.shared.length === 1 ? ' is' : 's are'} shared between environments`);
    for (const s of report.shared) {
      out.push(
        `  ! ${s.display} is used by ${s.environments.join(' and ')}: ${s.uses.map((u) => `${u.source}${u.variable ? ` (${u.variable})` : ''}`).join(', ')}`,
      );
      if (s.environments.includes('production'))
        out.push(`    A command aimed at ${s.environments.filter((e) => e !== 'production').join(' or ')} here destroys production data.`);
    }
    out.push('');
  }
  out.push(`Workspace ${report.root}`, '');
  section(
    'Env files',
    report.envFiles.map(
      (f) =>
        `${f.file.padEnd(24)} ${upper(f.environment).padEnd(12)} (${f.environmentFrom})${f.resources
          .filter((r) => r.kind !== 'token')
          .map((r) => `\n      ${r.variable ?? r.kind}: ${r.resource}`)
          .join('')}`,
    ),
    'none (.env, .env.<name>, <name>.env)',
  );
  section(
    'Kubernetes',
    report.kubernetes.contexts.map(
      (c) =>
        `${c.current ? '*' : ' '} ${c.name.padEnd(22)} ${upper(c.environment).padEnd(12)} cluster ${c.cluster ?? '?'}${c.namespace ? `, namespace ${c.namespace}` : ''}`,
    ),
    report.kubernetes.files.length ? 'no contexts' : 'no kubeconfig',
  );
  section(
    'Terraform workspaces',
    report.terraform.map((t) => `${t.directory.padEnd(24)} ${t.workspace.padEnd(14)} ${upper(t.environment)}`),
    'no initialised root module (.terraform) found',
  );
  section(
    'Pulumi stacks',
    report.pulumi.flatMap((p) =>
      p.stacks.length
        ? p.stacks.map((st) => `${st.selected ? '*' : ' '} ${`${p.directory}: ${st.name}`.padEnd(30)} ${upper(st.environment)}`)
        : [`  ${p.directory}: project ${p.project ?? '?'}, no stack config and none selected`],
    ),
    'no Pulumi project',
  );
  section(
    'Vercel',
    report.vercel.map(
      (v) => `${v.directory.padEnd(24)} project ${v.project} (${upper(v.environment)})${v.projectId && v.projectId !== v.project ? ` ${v.projectId}` : ''}`,
    ),
    'not linked (.vercel/project.json)',
  );
  section(
    'Supabase',
    report.supabase.map(
      (l) =>
        `${l.directory.padEnd(24)} linked project ${l.projectRef} ${upper(l.environment)}${l.namedIn.length ? ` (named in ${l.namedIn.map((n) => `${n.file}: ${n.environment}`).join(', ')})` : ' (no env file names this project)'}`,
    ),
    'not linked (supabase/.temp/project-ref)',
  );
  section(
    'Wrangler environments',
    report.wrangler.flatMap((w) =>
      w.environments.map(
        (e) =>
          `${`${w.file} ${e.name ? `--env ${e.name}` : '(top level)'}`.padEnd(34)} ${upper(e.environment).padEnd(12)} Worker ${e.worker ?? '?'}${e.bindings.map((b) => `\n      ${b}`).join('')}`,
      ),
    ),
    'no wrangler.json, wrangler.jsonc or wrangler.toml',
  );
  section(
    'AWS profiles',
    report.aws.profiles.map((p) =>
      `${p.name === report.aws.profile ? '*' : ' '} ${p.name.padEnd(22)} ${upper(p.environment).padEnd(12)} ${p.account ? `account ${p.account}` : ''}`.trimEnd(),
    ),
    'none in ~/.aws/config',
  );
  if (report.gcloud) section('Google Cloud', [describeTarget(report.gcloud)], '');
  section(
    'Railway',
    report.railway
      ? [
          ...(report.railway.project
            ? [
                `linked: project ${report.railway.project}, environment ${report.railway.environment ?? '?'} (${upper(report.railway.classified)})${report.railway.service ? `, service ${report.railway.service}` : ''}`,
              ]
            : []),
          ...report.railway.tokens.map(
            (t) =>
              `${t.variable} in ${t.file}: a project token acts on one environment; the file ${t.fileEnvironment === 'unknown' ? 'does not say which' : `is for ${t.fileEnvironment}`}`,
          ),
        ]
      : [],
    'not linked (railway link), no Railway token in env files',
  );
  section(
    'Git',
    report.git
      ? [
          `branch ${report.git.branch ?? '(detached)'}${report.git.onProtectedBranch ? ' (protected)' : ''}; protected: ${report.git.protectedBranches.join(', ')}`,
          ...report.git.remotes.map((r) => `remote ${r.name}: ${r.url}`),
        ]
      : [],
    'not a git repository',
  );
  if (report.docker) section('Docker', [describeTarget(report.docker)], '');
  if (report.problems.length)
    section(
      'Could not read',
      report.problems.map((p) => `${p.source}: ${p.value}`),
      '',
    );
  return out.join('\n').replace(/\n+$/, '\n');
}

/** One sentence per shared resource that involves production: what a notification says. */
export function sharedWarnings(report: WorkspaceEnvironments): string[] {
  return report.shared
    .filter((s) => s.environments.includes('production'))
    .map(
      (s) =>
        `${s.environments.filter((e) => e !== 'production').join(' and ')} and production share ${s.display} (${s.uses.map((u) => u.source).join(', ')}): a command aimed at ${s.environments.filter((e) => e !== 'production').join(' or ')} here destroys production data.`,
    );
}
