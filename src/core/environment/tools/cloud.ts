import { join } from 'node:path';
import { parse as parseIni } from 'ini';
import { flagValue } from '../../argv';
import type { CommandContext, Evidence } from '../context';
import { evidence, type Resolution, type ToolResolver } from '../resolution';
import { simpleRef } from '../resources';

type Ini = Record<string, Record<string, unknown>>;
const readIni = (text: string) => parseIni(text) as Ini;

/**
 * aws: `--profile`, then AWS_PROFILE, then AWS_DEFAULT_PROFILE (AWS CLI v1), then `default`.
 * Access keys in the environment beat AWS_PROFILE (not `--profile`). Profiles live in
 * AWS_CONFIG_FILE (~/.aws/config, `[profile NAME]`) and AWS_SHARED_CREDENTIALS_FILE
 * (~/.aws/credentials, `[NAME]`); the account id comes from `sso_account_id` or a `role_arn`.
 */
function resolveAws(ctx: CommandContext): Resolution {
  const ev: Evidence[] = [];
  let profile = flagValue(ctx.args, '--profile');
  if (profile) ev.push(evidence('--profile', profile));
  const keys = ctx.variable('AWS_ACCESS_KEY_ID');
  if (!profile && keys?.value) {
    ev.push(evidence(`AWS_ACCESS_KEY_ID (${keys.source})`, 'set: the CLI uses these keys, not a named profile, and their account cannot be read offline'));
    return { name: null, resource: null, evidence: ev, labels: [keys.file?.environment !== 'unknown' ? keys.file?.name : undefined] };
  }
  for (const variable of ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE']) {
    if (profile) break;
    const env = ctx.variable(variable);
    if (env?.value) {
      profile = env.value;
      ev.push(evidence(`${variable} (${env.source})`, profile));
    }
  }
  if (!profile) {
    profile = 'default';
    ev.push(evidence('aws', 'no --profile or AWS_PROFILE: the "default" profile'));
  }
  const configPath = ctx.variable('AWS_CONFIG_FILE')?.value || ctx.homePath('.aws', 'config');
  const credentialsPath = ctx.variable('AWS_SHARED_CREDENTIALS_FILE')?.value || ctx.homePath('.aws', 'credentials');
  let account: string | undefined;
  let region = flagValue(ctx.args, '--region') ?? ctx.variable('AWS_REGION')?.value ?? ctx.variable('AWS_DEFAULT_REGION')?.value;
  let found = false;
  if (configPath) {
    const config = ctx.cache.parsed(configPath, 'ini', readIni);
    if (!config.ok) {
      if (config.reason !== 'does not exist') ctx.problem(ctx.display(configPath), config.reason);
    } else {
      const seen = new Set<string>();
      for (let name: string | undefined = profile; name && !seen.has(name) && seen.size < 8; ) {
        seen.add(name);
        const section: Record<string, unknown> | undefined =
          config.value[name === 'default' ? 'default' : `profile ${name}`] ?? (name === 'default' ? config.value['profile default'] : undefined);
        if (!section) break;
        found = true;
        account ??= accountOf(section);
        region ??= typeof section.region === 'string' ? section.region : undefined;
        name = typeof section.source_profile === 'string' ? section.source_profile : undefined;
      }
      if (found) ev.push(evidence(ctx.display(configPath), `profile ${profile}${account ? `, account ${account}` : ''}`));
    }
  }
  if (credentialsPath) {
    const credentials = ctx.cache.parsed(credentialsPath, 'ini', readIni);
    if (credentials.ok && credentials.value[profile]) {
      found = true;
      account ??= accountOf(credentials.value[profile]!);
      ev.push(evidence(ctx.display(credentialsPath), `profile ${profile} has keys`));
    } else if (!credentials.ok && credentials.reason !== 'does not exist') ctx.problem(ctx.display(credentialsPath), credentials.reason);
  }
  if (!found) ctx.problem('aws', `profile ${profile} is not defined in the AWS config or credentials files`);
  return {
    name: profile,
    resource: account ? `AWS account ${account}${region ? ` (${region})` : ''}` : null,
    evidence: ev,
    labels: [profile === 'default' ? undefined : profile, account],
    resources: account ? [simpleRef('project', account)] : [],
  };
}

function accountOf(section: Record<string, unknown>): string | undefined {
  if (typeof section.sso_account_id === 'string' || typeof section.sso_account_id === 'number') return String(section.sso_account_id);
  if (typeof section.aws_account_id === 'string') return section.aws_account_id;
  const arn = typeof section.role_arn === 'string' ? section.role_arn : undefined;
  return arn ? /^arn:aws[\w-]*:iam::(\d{12}):/.exec(arn)?.[1] : undefined;
}

/**
 * gcloud: `--project`, then CLOUDSDK_CORE_PROJECT, then `[core] project` of the active
 * configuration: `--configuration`, CLOUDSDK_ACTIVE_CONFIG_NAME, or the name in
 * `<config dir>/active_config` (config dir CLOUDSDK_CONFIG, default ~/.config/gcloud).
 */
function resolveGcloud(ctx: CommandContext): Resolution {
  const ev: Evidence[] = [];
  let project = flagValue(ctx.args, '--project');
  if (project) ev.push(evidence('--project', project));
  if (!project) {
    const env = ctx.variable('CLOUDSDK_CORE_PROJECT');
    if (env?.value) {
      project = env.value;
      ev.push(evidence(`CLOUDSDK_CORE_PROJECT (${env.source})`, project));
    }
  }
  let configuration = flagValue(ctx.args, '--configuration') ?? ctx.variable('CLOUDSDK_ACTIVE_CONFIG_NAME')?.value;
  const dir = ctx.variable('CLOUDSDK_CONFIG')?.value || ctx.homePath('.config', 'gcloud');
  if (!project && dir) {
    if (!configuration) {
      const active = ctx.cache.text(join(dir, 'active_config'));
      configuration = active.ok ? active.value.trim() || 'default' : 'default';
    }
    const file = join(dir, 'configurations', `config_${configuration}`);
    const config = ctx.cache.parsed(file, 'ini', readIni);
    const value = config.ok ? config.value.core?.project : undefined;
    if (typeof value === 'string' && value) {
      project = value;
      ev.push(evidence(`[core] project in ${ctx.display(file)}`, project));
    } else ctx.problem(ctx.display(file), config.ok ? 'sets no [core] project' : config.reason);
  }
  return {
    name: project ?? null,
    resource: project ? `GCP project ${project}` : null,
    evidence: ev,
    labels: [project, configuration === 'default' ? undefined : configuration],
    resources: project ? [simpleRef('project', project)] : [],
  };
}

/**
 * az: `--subscription`, else the subscription marked `isDefault` in
 * `<AZURE_CONFIG_DIR>/azureProfile.json` (default ~/.azure); resource group from
 * `--resource-group`/`-g` (or `--name`/`-n` of `az group delete`).
 */
function resolveAz(ctx: CommandContext): Resolution {
  const ev: Evidence[] = [];
  let subscription = flagValue(ctx.args, '--subscription');
  if (subscription) ev.push(evidence('--subscription', subscription));
  const dir = ctx.variable('AZURE_CONFIG_DIR')?.value || ctx.homePath('.azure');
  if (!subscription && dir) {
    const file = join(dir, 'azureProfile.json');
    const profile = ctx.cache.parsed(file, 'json', (t) => JSON.parse(t) as { subscriptions?: Array<{ name?: string; id?: string; isDefault?: boolean }> });
    const chosen = profile.ok ? profile.value.subscriptions?.find((s) => s?.isDefault) : undefined;
    if (chosen?.name || chosen?.id) {
      subscription = chosen.name ?? chosen.id!;
      ev.push(evidence(`default subscription in ${ctx.display(file)}`, `${subscription}${chosen.id && chosen.name ? ` (${chosen.id})` : ''}`));
    } else ctx.problem(ctx.display(file), profile.ok ? 'marks no default subscription' : profile.reason);
  }
  const positional = ctx.args.filter((a) => !a.startsWith('-'));
  const group = flagValue(ctx.args, '-g', '--resource-group') ?? (positional[0] === 'group' ? flagValue(ctx.args, '-n', '--name') : undefined);
  if (group) ev.unshift(evidence('resource group', group));
  return {
    name: group ?? subscription ?? null,
    resource: [subscription && `subscription ${subscription}`, group && `resource group ${group}`].filter(Boolean).join(', ') || null,
    evidence: ev,
    labels: [group, subscription],
    resources: subscription ? [simpleRef('project', subscription)] : [],
  };
}

export const cloudResolvers: ToolResolver[] = [
  { tools: ['aws', 'sam', 'cdk'], resolve: resolveAws },
  { tools: ['gcloud', 'gsutil', 'bq'], resolve: resolveGcloud },
  { tools: ['az'], resolve: resolveAz },
];
