import { BASE64URL, HEX, LOWER_ALNUM, UPPER_ALNUM, fake, fakeUuid } from '../fake';
import { assignedTo, defineTokenPack, defineTokenRule, namedRules, prefixedRules, provider, UUID } from '../rule';

const RAILWAY = 'Railway';

/**
 * A value under `data:` or `stringData:` of a Kubernetes Secret that no other rule recognises:
 * its owner declared it secret. Found by decoding the manifest (detect.ts), not by a pattern;
 * `secret` is the keyword the text must hold (`kind: Secret`).
 */
export const kubernetesSecretValue = defineTokenRule({
  id: 'kubernetes-secret-value', provider: 'Kubernetes', title: 'Kubernetes Secret value', keywords: ['secret'],
  scope: 'A value its owner stored as a Kubernetes Secret; its format does not tell what it opens: treat it as access to whatever reads that Secret (a database, an API, a registry).',
  severity: 'medium',
  examples: {
    valid: [`apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ndata:\n  extra: ${Buffer.from(fake(24)).toString('base64')}\n`],
    invalid: ['apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ndata:\n  enabled: dHJ1ZQ==\n  password: ""\n', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  extra: c29tZS12YWx1ZS1oZXJlLTEyMzQ=\n'],
  },
});

export const pack = defineTokenPack({
  id: 'cloud',
  providers: [
    provider(RAILWAY, 'https://railway.com/account/tokens',
      'Delete the token: account and team tokens at railway.com/account/tokens, project tokens in the project\'s Settings > Tokens.',
      'Give agents and CI a project token for the one environment they need, never an account or team token.',
      'Check the project\'s activity for deployments, variable changes and volume or service deletions since the exposure.',
      'Keep volume backups outside the volume they back up.'),
    provider('Heroku', 'https://dashboard.heroku.com/account/applications'),
    provider('Vercel', 'https://vercel.com/account/tokens'),
    provider('Netlify', 'https://app.netlify.com/user/applications'),
    provider('Cloudflare', 'https://dash.cloudflare.com/profile/api-tokens',
      'Roll or delete the token at dash.cloudflare.com/profile/api-tokens (the Global API Key can only be rolled: do it).',
      'Replace it with an API token limited to the zones and permissions needed, with client IP filtering and a TTL.',
      'Review the account\'s audit log for changes since the exposure.'),
    provider('Fly.io', 'https://fly.io/user/personal_access_tokens'),
    provider('Render', 'https://dashboard.render.com/u/settings#api-keys'),
    provider('DigitalOcean', 'https://cloud.digitalocean.com/account/api/tokens'),
    provider('Linode', 'https://cloud.linode.com/profile/tokens'),
    provider('Hetzner Cloud', 'https://console.hetzner.cloud'),
    provider('Vultr', 'https://my.vultr.com/settings/#settingsapi'),
    provider('Scaleway', 'https://console.scaleway.com/iam/api-keys'),
    provider('Alibaba Cloud', 'https://ram.console.aliyun.com/manage/ak'),
    provider('Tencent Cloud', 'https://console.cloud.tencent.com/cam/capi'),
    provider('IBM Cloud', 'https://cloud.ibm.com/iam/apikeys'),
    provider('Supabase', 'https://supabase.com/dashboard/account/tokens',
      'Roll the project\'s JWT secret or secret API keys (Project Settings > API), or revoke the personal access token.',
      'Never ship the service_role / secret key to a browser or an agent-readable file: it bypasses Row Level Security.',
      'Review the project\'s API and auth logs since the exposure.'),
    provider('PlanetScale', 'https://app.planetscale.com'),
    provider('Neon', 'https://console.neon.tech/app/settings/api-keys'),
    provider('Turso', 'https://app.turso.tech'),
    provider('MongoDB Atlas', 'https://cloud.mongodb.com'),
    provider('Upstash', 'https://console.upstash.com'),
    provider('Convex', 'https://dashboard.convex.dev'),
    provider('Algolia', 'https://dashboard.algolia.com/account/api-keys'),
    provider('Kubernetes', undefined),
  ],
  rules: [
    ...namedRules(RAILWAY, [
      { id: 'railway-account-token', title: 'Railway account or team token', names: ['RAILWAY_API_TOKEN'], severity: 'critical', valuePattern: UUID,
        scope: 'Account or team token: every project, environment, service, volume and backup of the account or team. It can delete volumes through the public GraphQL API (volumeDelete), production included.', valid: assignedTo(['RAILWAY_API_TOKEN', 'RAILWAY_API_TOKEN'], fakeUuid()) },
      { id: 'railway-project-token', title: 'Railway project token', names: ['RAILWAY_TOKEN', 'RAILWAY_PROJECT_TOKEN'], severity: 'high', valuePattern: UUID,
        scope: 'Project token: one environment of one project (deploy, variables, logs); which environment is chosen when the token is created.', valid: assignedTo(['RAILWAY_TOKEN', 'RAILWAY_TOKEN'], fakeUuid()) },
    ]),
    ...prefixedRules('Heroku', [
      { id: 'heroku-platform-key', title: 'Heroku platform API key', keywords: ['hrku-'], pattern: 'HRKU-[A-Za-z0-9_-]{60}', severity: 'critical', scope: 'Acts as the user on every app they can reach: deploy, config vars (more secrets), scale, destroy apps and databases.', valid: [`HEROKU_API_KEY=HRKU-${fake(60, BASE64URL)}`] },
    ]),
    ...namedRules('Heroku', [
      { id: 'heroku-api-key', title: 'Heroku API key', names: ['HEROKU_API_KEY', 'HEROKU_API_TOKEN', 'HEROKU_AUTH_TOKEN'], severity: 'critical', valuePattern: UUID, scope: 'Acts as the user on every app they can reach, including destroying apps and their databases.', valid: assignedTo(['HEROKU_API_KEY', 'HEROKU_API_TOKEN'], fakeUuid()) },
    ]),
    ...namedRules('Vercel', [
      { id: 'vercel-token', title: 'Vercel access token', names: ['VERCEL_TOKEN', 'VERCEL_ACCESS_TOKEN', 'VERCEL_API_TOKEN', 'NOW_TOKEN'], severity: 'critical', valuePattern: /^[A-Za-z0-9]{24}$/, scope: 'Acts as the user on the scope chosen at creation (personal account or a team): deployments, environment variables, domains, project deletion.', valid: assignedTo(['VERCEL_TOKEN', 'VERCEL_ACCESS_TOKEN'], fake(24)) },
    ]),
    ...prefixedRules('Netlify', [
      { id: 'netlify-pat', title: 'Netlify personal access token', keywords: ['nfp_'], pattern: 'nfp_[A-Za-z0-9]{36}', severity: 'critical', scope: 'Acts as the user on every team and site: deploys, environment variables, site deletion.', valid: [`NETLIFY_AUTH_TOKEN=nfp_${fake(36)}`] },
    ]),
    ...namedRules('Netlify', [
      { id: 'netlify-auth-token', title: 'Netlify access token', names: ['NETLIFY_AUTH_TOKEN', 'NETLIFY_TOKEN', 'NETLIFY_ACCESS_TOKEN'], severity: 'critical', valuePattern: /^[A-Za-z0-9_-]{40,64}$/, scope: 'Acts as the user on every team and site.', valid: assignedTo(['NETLIFY_TOKEN', 'NETLIFY_ACCESS_TOKEN'], fake(43, BASE64URL)) },
    ]),
    ...prefixedRules('Cloudflare', [
      { id: 'cloudflare-origin-ca-key', title: 'Cloudflare Origin CA key', keywords: ['v1.0-'], pattern: 'v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}', severity: 'high', scope: 'Issues and revokes Origin CA certificates for the account\'s zones.', valid: [`v1.0-${fake(24, HEX)}-${fake(146, HEX)}`] },
    ]),
    ...namedRules('Cloudflare', [
      { id: 'cloudflare-api-token', title: 'Cloudflare API token', names: ['CLOUDFLARE_API_TOKEN', 'CF_API_TOKEN', 'CLOUDFLARE_TOKEN'], severity: 'high', valuePattern: /^[A-Za-z0-9_-]{40}$/, scope: 'The permissions and zones chosen at creation (the format does not tell: often DNS edit, Workers deploy, or everything).', valid: assignedTo(['CLOUDFLARE_API_TOKEN', 'CF_API_TOKEN'], fake(40, BASE64URL)) },
      { id: 'cloudflare-global-api-key', title: 'Cloudflare Global API Key', names: ['CLOUDFLARE_API_KEY', 'CF_API_KEY', 'CLOUDFLARE_GLOBAL_API_KEY'], severity: 'critical', valuePattern: /^[a-f0-9]{37}$/, scope: 'Global API Key: everything the user can do in every account and zone, with no way to narrow it.', valid: assignedTo(['CLOUDFLARE_API_KEY', 'CF_API_KEY'], fake(37, HEX)) },
    ]),
    ...prefixedRules('Fly.io', [
      { id: 'fly-macaroon-token', title: 'Fly.io access token', keywords: ['fm1a_', 'fm1r_', 'fm2_'], pattern: '(?:FlyV1 )?fm(?:1[ar]|2)_[A-Za-z0-9+/=,_-]{100,}', severity: 'high', scope: 'An org token can manage every app, machine and volume in the organisation; a deploy token only one app (the format alone does not tell which).', valid: [`FLY_API_TOKEN="FlyV1 fm2_${fake(200, BASE64URL)}"`] },
      { id: 'fly-legacy-token', title: 'Fly.io personal access token (legacy)', keywords: ['fo1_'], pattern: 'fo1_[A-Za-z0-9_-]{43}', severity: 'critical', scope: 'Acts as the user in every organisation: apps, machines, volumes.', valid: [`fo1_${fake(43, BASE64URL)}`] },
    ]),
    ...namedRules('Fly.io', [
      { id: 'fly-api-token', title: 'Fly.io API token', names: ['FLY_API_TOKEN', 'FLY_ACCESS_TOKEN'], severity: 'high', scope: 'Manages the Fly.io apps the token covers (org-wide or one app).', valid: assignedTo(['FLY_API_TOKEN', 'FLY_ACCESS_TOKEN'], fake(43, BASE64URL)) },
    ]),
    ...prefixedRules('Render', [
      { id: 'render-api-key', title: 'Render API key', keywords: ['rnd_'], pattern: 'rnd_[A-Za-z0-9]{32}', severity: 'critical', scope: 'Acts as the user on every workspace they belong to: services, databases, environment groups, deletion.', valid: [`RENDER_API_KEY=rnd_${fake(32)}`] },
    ]),
    ...prefixedRules('DigitalOcean', [
      { id: 'digitalocean-pat', title: 'DigitalOcean personal access token', keywords: ['dop_v1_'], pattern: 'dop_v1_[a-f0-9]{64}', severity: 'critical', scope: 'Read or read-write on the whole team (or the custom scopes chosen): droplets, databases, volumes, DNS, destroy included.', valid: [`DIGITALOCEAN_TOKEN=dop_v1_${fake(64, HEX)}`] },
      { id: 'digitalocean-oauth-token', title: 'DigitalOcean OAuth token', keywords: ['doo_v1_'], pattern: 'doo_v1_[a-f0-9]{64}', severity: 'high', scope: 'The OAuth app\'s scopes on the team.', valid: [`doo_v1_${fake(64, HEX)}`] },
      { id: 'digitalocean-refresh-token', title: 'DigitalOcean OAuth refresh token', keywords: ['dor_v1_'], pattern: 'dor_v1_[a-f0-9]{64}', severity: 'high', scope: 'Mints new OAuth tokens.', valid: [`dor_v1_${fake(64, HEX)}`] },
    ]),
    ...namedRules('Linode', [{ id: 'linode-token', title: 'Linode (Akamai) API token', names: ['LINODE_TOKEN', 'LINODE_API_TOKEN', 'LINODE_CLI_TOKEN'], severity: 'critical', valuePattern: /^[a-f0-9]{64}$/, scope: 'The token\'s scopes across the account: Linodes, volumes, object storage.', valid: assignedTo(['LINODE_TOKEN', 'LINODE_API_TOKEN'], fake(64, HEX)) }]),
    ...namedRules('Hetzner Cloud', [{ id: 'hetzner-cloud-token', title: 'Hetzner Cloud API token', names: ['HCLOUD_TOKEN', 'HETZNER_TOKEN', 'HETZNER_API_TOKEN'], severity: 'critical', valuePattern: /^[A-Za-z0-9]{64}$/, scope: 'Read or read-write on one project: servers, volumes, snapshots.', valid: assignedTo(['HCLOUD_TOKEN', 'HETZNER_TOKEN'], fake(64)) }]),
    ...namedRules('Vultr', [{ id: 'vultr-api-key', title: 'Vultr API key', names: ['VULTR_API_KEY'], severity: 'critical', valuePattern: /^[A-Z0-9]{36}$/, scope: 'Acts as the user on the whole account.', valid: assignedTo(['VULTR_API_KEY'], fake(36, UPPER_ALNUM)) }]),
    ...namedRules('Scaleway', [{ id: 'scaleway-secret-key', title: 'Scaleway secret key', names: ['SCW_SECRET_KEY', 'SCALEWAY_SECRET_KEY'], severity: 'critical', valuePattern: UUID, scope: 'The IAM policies of the key\'s application or user.', valid: assignedTo(['SCW_SECRET_KEY', 'SCALEWAY_SECRET_KEY'], fakeUuid()) }]),
    ...prefixedRules('Alibaba Cloud', [
      { id: 'alibaba-access-key-id', title: 'Alibaba Cloud AccessKey ID (an identifier, not a secret)', keywords: ['ltai'], pattern: 'LTAI[A-Za-z0-9]{20}', severity: 'low', scope: 'Names the AccessKey; its secret is probably nearby.', valid: [`ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI${fake(20)}`] },
    ]),
    ...namedRules('Alibaba Cloud', [{ id: 'alibaba-access-key-secret', title: 'Alibaba Cloud AccessKey secret', names: ['ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALICLOUD_SECRET_KEY', 'ALIYUN_ACCESS_KEY_SECRET'], severity: 'critical', valuePattern: /^[A-Za-z0-9]{30}$/, scope: 'The RAM policies of the key\'s user (a root AccessKey: everything).', valid: assignedTo(['ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALICLOUD_SECRET_KEY'], fake(30)) }]),
    ...prefixedRules('Tencent Cloud', [
      { id: 'tencent-secret-id', title: 'Tencent Cloud SecretId (an identifier, not a secret)', keywords: ['akid'], pattern: 'AKID[A-Za-z0-9]{32}', severity: 'low', scope: 'Names the API key; its SecretKey is probably nearby.', valid: [`TENCENTCLOUD_SECRET_ID=AKID${fake(32)}`] },
    ]),
    ...namedRules('Tencent Cloud', [{ id: 'tencent-secret-key', title: 'Tencent Cloud SecretKey', names: ['TENCENTCLOUD_SECRET_KEY', 'TENCENT_SECRET_KEY'], severity: 'critical', valuePattern: /^[A-Za-z0-9]{32}$/, scope: 'The CAM policies of the key\'s user.', valid: assignedTo(['TENCENTCLOUD_SECRET_KEY', 'TENCENT_SECRET_KEY'], fake(32)) }]),
    ...namedRules('IBM Cloud', [{ id: 'ibm-cloud-api-key', title: 'IBM Cloud API key', names: ['IBMCLOUD_API_KEY', 'IC_API_KEY', 'IBM_CLOUD_API_KEY'], severity: 'critical', valuePattern: /^[A-Za-z0-9_-]{44}$/, scope: 'Acts as the user or service ID on the account.', valid: assignedTo(['IBMCLOUD_API_KEY', 'IC_API_KEY'], fake(44, BASE64URL)) }]),
    ...prefixedRules('Supabase', [
      { id: 'supabase-pat', title: 'Supabase personal access token', keywords: ['sbp_'], pattern: 'sbp_[a-f0-9]{40}', severity: 'critical', scope: 'Management API as the user: every project in their organisations, including deleting projects and reading their keys.', valid: [`SUPABASE_ACCESS_TOKEN=sbp_${fake(40, HEX)}`] },
      { id: 'supabase-secret-key', title: 'Supabase secret API key', keywords: ['sb_secret_'], pattern: 'sb_secret_[A-Za-z0-9_-]{31,}', severity: 'critical', scope: 'Secret key: bypasses Row Level Security; full read and write on the project\'s database and storage.', valid: [`SUPABASE_SECRET_KEY=sb_secret_${fake(31, BASE64URL)}`] },
    ]),
    ...namedRules('Supabase', [
      { id: 'supabase-service-role-key', title: 'Supabase service_role key', names: ['SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SERVICE_KEY'], severity: 'critical', valuePattern: /^eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, scope: 'service_role: bypasses Row Level Security; full read and write on every table and storage bucket of the project.', valid: assignedTo(['SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SERVICE_KEY'], `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from('{"iss":"supabase","ref":"fakeproject","role":"service_role"}').toString('base64url')}.${fake(43, BASE64URL)}`) },
    ]),
    ...prefixedRules('PlanetScale', [
      { id: 'planetscale-service-token', title: 'PlanetScale service token', keywords: ['pscale_tkn_'], pattern: 'pscale_tkn_[A-Za-z0-9_=.-]{32,64}', severity: 'critical', scope: 'The service token\'s database and organisation permissions (branches, deploy requests, deletes).', valid: [`PLANETSCALE_SERVICE_TOKEN=pscale_tkn_${fake(43, BASE64URL)}`] },
      { id: 'planetscale-password', title: 'PlanetScale database password', keywords: ['pscale_pw_'], pattern: 'pscale_pw_[A-Za-z0-9_=.-]{32,64}', severity: 'high', scope: 'Connects to one branch with the password\'s role (read, write or admin).', valid: [`pscale_pw_${fake(43, BASE64URL)}`] },
      { id: 'planetscale-oauth-token', title: 'PlanetScale OAuth token', keywords: ['pscale_oauth_'], pattern: 'pscale_oauth_[A-Za-z0-9_=.-]{32,64}', severity: 'high', scope: 'The OAuth app\'s access to the organisation.', valid: [`pscale_oauth_${fake(43, BASE64URL)}`] },
    ]),
    ...prefixedRules('Neon', [
      { id: 'neon-api-key', title: 'Neon API key', keywords: ['napi_'], pattern: 'napi_[a-z0-9]{64}', severity: 'critical', scope: 'Manages every project of the user or organisation: branches, endpoints, deleting databases.', valid: [`NEON_API_KEY=napi_${fake(64, LOWER_ALNUM)}`] },
    ]),
    ...namedRules('Turso', [{ id: 'turso-auth-token', title: 'Turso database auth token', names: ['TURSO_AUTH_TOKEN', 'LIBSQL_AUTH_TOKEN', 'TURSO_API_TOKEN'], severity: 'high', scope: 'Full or read-only access (the claim tells) to the database or group.', valid: assignedTo(['TURSO_AUTH_TOKEN', 'LIBSQL_AUTH_TOKEN'], `eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.${fake(60, BASE64URL)}.${fake(86, BASE64URL)}`) }]),
    ...namedRules('MongoDB Atlas', [{ id: 'mongodb-atlas-private-key', title: 'MongoDB Atlas API private key', names: ['MONGODB_ATLAS_PRIVATE_KEY', 'ATLAS_PRIVATE_KEY', 'MCLI_PRIVATE_API_KEY'], severity: 'critical', valuePattern: UUID, scope: 'The API key\'s organisation or project roles: clusters, users, backups, deletion.', valid: assignedTo(['MONGODB_ATLAS_PRIVATE_KEY', 'MCLI_PRIVATE_API_KEY'], fakeUuid()) }]),
    ...namedRules('Upstash', [{ id: 'upstash-redis-token', title: 'Upstash Redis REST token', names: ['UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_TOKEN'], severity: 'high', scope: 'Full read and write on the database (read-only tokens exist but look the same).', valid: assignedTo(['UPSTASH_REDIS_REST_TOKEN', 'KV_REST_API_TOKEN'], `A${fake(59, BASE64URL)}=`) }]),
    ...namedRules('Convex', [{ id: 'convex-deploy-key', title: 'Convex deploy key', names: ['CONVEX_DEPLOY_KEY'], severity: 'high', valuePattern: /^(?:prod|dev|preview|project):[a-z0-9-]+\|[A-Za-z0-9=]{40,}$/, scope: 'Deploys functions and schema (which can delete data) to the deployment the key names.', valid: assignedTo(['CONVEX_DEPLOY_KEY'], `prod:fake-otter-123|${fake(60)}`) }]),
    ...namedRules('Algolia', [{ id: 'algolia-admin-key', title: 'Algolia Admin API key', names: ['ALGOLIA_ADMIN_KEY', 'ALGOLIA_ADMIN_API_KEY', 'ALGOLIA_WRITE_API_KEY'], severity: 'high', valuePattern: /^[a-f0-9]{32}$/, scope: 'Admin key: reads, changes and deletes every index, and manages API keys.', valid: assignedTo(['ALGOLIA_ADMIN_KEY', 'ALGOLIA_ADMIN_API_KEY'], fake(32, HEX)) }]),
    kubernetesSecretValue,
    ...namedRules('Kubernetes', [{ id: 'kubernetes-service-account-token', title: 'Kubernetes bearer token', names: ['KUBE_TOKEN', 'K8S_TOKEN', 'KUBERNETES_TOKEN', 'K8S_AUTH_TOKEN'], severity: 'high', scope: 'The RBAC roles of its service account or user in the cluster.', valid: assignedTo(['KUBE_TOKEN', 'K8S_TOKEN'], `eyJhbGciOiJSUzI1NiIsImtpZCI6IiJ9.${fake(120, BASE64URL)}.${fake(100, BASE64URL)}`) }]),
  ],
});

