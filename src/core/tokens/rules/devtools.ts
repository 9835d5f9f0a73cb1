import { withCrc32Base62Checksum } from '../checksum';
import { BASE64, BASE64URL, HEX, LOWER_ALNUM, UPPER_ALNUM, fake, fakeUuid } from '../fake';
import { assignedTo, defineTokenPack, defineTokenRule, githubChecksum, looksRandom, namedRules, prefixedRules, provider, standalone, UUID } from '../rule';

const npmToken = withCrc32Base62Checksum('npm_', fake(30));
const PUBLISH = 'npm token; the format does not tell which kind. A classic publish or automation token publishes new versions of every package the account can (a supply-chain attack on everyone who installs them); a read-only token only installs private packages; a granular token only the packages, scopes and organisations chosen at creation, until it expires. Treat it as able to publish.';

export const pack = defineTokenPack({
  id: 'devtools',
  providers: [
    provider('npm', 'https://www.npmjs.com/settings/~/tokens',
      'Revoke the token (npm token revoke <id>, or npmjs.com > Access Tokens).',
      'Use a granular token limited to the packages and an expiry, or trusted publishing from CI.',
      'Check the packages\' recent versions for ones you did not publish.'),
    provider('PyPI', 'https://pypi.org/manage/account/token/'),
    provider('RubyGems', 'https://rubygems.org/profile/api_keys'),
    provider('NuGet', 'https://www.nuget.org/account/apikeys'),
    provider('Docker Hub', 'https://app.docker.com/settings/personal-access-tokens'),
    provider('crates.io', 'https://crates.io/settings/tokens'),
    provider('JFrog', 'https://jfrog.com'),
    provider('Pulumi', 'https://app.pulumi.com/account/tokens'),
    provider('Terraform Cloud', 'https://app.terraform.io/app/settings/tokens'),
    provider('HashiCorp Vault', undefined, 'Revoke the token (vault token revoke -accessor <accessor>) or its lease.', 'Check the audit device log for requests made with it.', 'Issue short-lived tokens from an auth method instead of storing one.'),
    provider('Doppler', 'https://dashboard.doppler.com'),
    provider('1Password', 'https://my.1password.com/developer-tools'),
    provider('CircleCI', 'https://app.circleci.com/settings/user/tokens'),
    provider('Buildkite', 'https://buildkite.com/user/api-access-tokens'),
    provider('Codecov', 'https://app.codecov.io'),
    provider('SonarQube', undefined),
    provider('Snyk', 'https://app.snyk.io/account'),
    provider('Atlassian', 'https://id.atlassian.com/manage-profile/security/api-tokens'),
    provider('Bitbucket', 'https://bitbucket.org/account/settings/app-passwords/'),
    provider('GitLab', 'https://gitlab.com/-/user_settings/personal_access_tokens',
      'Revoke the token in GitLab (User settings > Access tokens, or the project/group/runner settings for those tokens).',
      'Create a replacement with the narrowest scopes and an expiry.',
      'Check the audit events for use of the old token.'),
    provider('Postman', 'https://go.postman.co/settings/me/api-keys'),
    provider('Prefect', 'https://app.prefect.cloud/my/api-keys'),
    provider('Databricks', undefined),
    provider('Expo', 'https://expo.dev/settings/access-tokens'),
    provider('Harness', 'https://app.harness.io (Profile > My API Keys, or Access Control > Service Accounts)'),
    provider('SettleMint', 'https://console.settlemint.com'),
    provider('Sourcegraph', undefined, 'Delete the token in Sourcegraph (User settings > Access tokens) and create a new one with the fewest scopes.', 'Check the instance\'s security event log for use of the old token.'),
    provider('Sidekiq', 'https://billing.contribsys.com', 'Ask Contributed Systems (support@contribsys.com) to rotate the licence credentials, then run bundle config with the new ones.', 'Keep the credentials in bundle config or a CI secret, never in the Gemfile or a tracked .bundle/config.'),
  ],
  rules: [
    defineTokenRule({
      id: 'npm-access-token', provider: 'npm', title: 'npm access token', keywords: ['npm_'],
      pattern: standalone('npm_[A-Za-z0-9]{36}'), scope: PUBLISH, severity: 'critical', check: githubChecksum(4),
      examples: { valid: [`//registry.npmjs.org/:_authToken=${npmToken}`], invalid: [`npm_${fake(30)}AAAAAA`, 'npm_config_registry'] },
    }),
    ...namedRules('npm', [
      { id: 'npmrc-auth-token', title: 'Registry auth token in .npmrc', names: ['_AUTH_TOKEN', '_AUTH', 'NPM_TOKEN', 'NPM_AUTH_TOKEN', 'NODE_AUTH_TOKEN'], scope: PUBLISH, severity: 'critical', valid: [`//npm.pkg.github.com/:_authToken=${fake(40)}`, `NODE_AUTH_TOKEN=${fake(36)}`] },
    ]),
    ...prefixedRules('PyPI', [
      { id: 'pypi-upload-token', title: 'PyPI API token', keywords: ['pypi-ageichlwas5vcmc'], pattern: 'pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}', severity: 'critical', scope: 'Uploads new releases of the account\'s projects (or the one project it is scoped to).', valid: [`password = pypi-AgEIcHlwaS5vcmc${fake(70, BASE64URL)}`] },
    ]),
    ...prefixedRules('RubyGems', [
      { id: 'rubygems-api-key', title: 'RubyGems API key', keywords: ['rubygems_'], pattern: 'rubygems_[a-f0-9]{48}', severity: 'critical', scope: 'Pushes and yanks gems with the key\'s scopes.', valid: [`GEM_HOST_API_KEY=rubygems_${fake(48, HEX)}`] },
    ]),
    ...prefixedRules('NuGet', [
      { id: 'nuget-api-key', title: 'NuGet API key', keywords: ['oy2'], pattern: 'oy2[a-z0-9]{43}', severity: 'high', scope: 'Pushes packages matching the key\'s glob patterns.', valid: [`NUGET_API_KEY=oy2${fake(43, LOWER_ALNUM)}`] },
    ]),
    ...prefixedRules('Docker Hub', [
      { id: 'dockerhub-pat', title: 'Docker Hub personal access token', keywords: ['dckr_pat_'], pattern: 'dckr_pat_[A-Za-z0-9_-]{27}', severity: 'high', scope: 'Pushes images to the user\'s repositories (read-only tokens only pull); the format does not tell which.', valid: [`DOCKERHUB_TOKEN=dckr_pat_${fake(27, BASE64URL)}`] },
      { id: 'dockerhub-org-token', title: 'Docker Hub organisation access token', keywords: ['dckr_oat_'], pattern: 'dckr_oat_[A-Za-z0-9_-]{32}', severity: 'high', scope: 'The organisation\'s repositories, with the token\'s permissions.', valid: [`dckr_oat_${fake(32, BASE64URL)}`] },
    ]),
    defineTokenRule({
      id: 'docker-config-auth', provider: 'Docker Hub', title: 'Registry credentials in a Docker config.json or .dockercfg', keywords: ['"auth"'],
      pattern: /"auth"\s*:\s*"(?<secret>[A-Za-z0-9+/]{8,}={0,2})"/g,
      scope: 'Pulls and pushes as that user on the registry (base64 of user:password).', severity: 'high',
      check: (secret) => { const plain = Buffer.from(secret, 'base64').toString('utf8'); return /^[^:\s]+:\S{4,}$/.test(plain); },
      examples: { valid: [`{"auths": {"registry.acme.io": {"auth": "${Buffer.from(`deploy:${fake(20)}`).toString('base64')}"}}}`], invalid: ['{"auths": {"registry.acme.io": {"auth": ""}}}'] },
    }),
    ...prefixedRules('crates.io', [
      { id: 'crates-io-token', title: 'crates.io API token', keywords: ['cio'], pattern: 'cio[a-zA-Z0-9]{32}', severity: 'high', scope: 'Publishes and yanks the user\'s crates, within the token\'s scopes.', valid: [`CARGO_REGISTRY_TOKEN=cio${fake(32)}`], minEntropy: 3.5 },
    ]),
    ...prefixedRules('JFrog', [
      { id: 'jfrog-api-key', title: 'JFrog Artifactory API key', keywords: ['akcp'], pattern: 'AKCp[A-Za-z0-9]{69}', severity: 'high', scope: 'Acts as the user on the Artifactory instance: pull, push, delete artifacts.', valid: [`ARTIFACTORY_API_KEY=AKCp${fake(69)}`] },
      { id: 'jfrog-identity-token', title: 'JFrog identity / reference token', keywords: ['cmvmdgtuojax'], pattern: 'cmVmdGtuOjAxOj[A-Za-z0-9]{50,}', severity: 'high', scope: 'Acts as the user on the JFrog platform.', valid: [`cmVmdGtuOjAxOj${fake(50)}`] },
    ]),
    ...prefixedRules('Pulumi', [
      { id: 'pulumi-access-token', title: 'Pulumi access token', keywords: ['pul-'], pattern: 'pul-[a-f0-9]{40}', severity: 'critical', scope: 'Reads and updates every stack the user or organisation can reach, including their secrets and cloud credentials.', valid: [`PULUMI_ACCESS_TOKEN=pul-${fake(40, HEX)}`] },
    ]),
    ...prefixedRules('Terraform Cloud', [
      { id: 'terraform-cloud-token', title: 'Terraform Cloud / Enterprise API token', keywords: ['.atlasv1.'], pattern: '[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}', severity: 'critical', scope: 'Runs plans and applies (including destroy) on the workspaces it can reach, and reads their state and variables.', valid: [`token = "${fake(14)}.atlasv1.${fake(67, BASE64URL)}"`] },
    ]),
    ...prefixedRules('HashiCorp Vault', [
      { id: 'vault-service-token', title: 'HashiCorp Vault service token', keywords: ['hvs.'], pattern: 'hvs\\.[A-Za-z0-9_-]{24,}', severity: 'critical', scope: 'Whatever the token\'s policies allow (a root token: everything in Vault), until its TTL ends.', valid: [`VAULT_TOKEN=hvs.${fake(90, BASE64URL)}`] },
      { id: 'vault-batch-token', title: 'HashiCorp Vault batch token', keywords: ['hvb.'], pattern: 'hvb\\.[A-Za-z0-9_-]{100,}', severity: 'high', scope: 'The batch token\'s policies until it expires.', valid: [`hvb.${fake(140, BASE64URL)}`] },
      { id: 'vault-recovery-token', title: 'HashiCorp Vault recovery token', keywords: ['hvr.'], pattern: 'hvr\\.[A-Za-z0-9_-]{24,}', severity: 'critical', scope: 'Recovery mode access to Vault\'s storage.', valid: [`hvr.${fake(30, BASE64URL)}`] },
    ]),
    ...prefixedRules('Doppler', [
      { id: 'doppler-personal-token', title: 'Doppler personal token', keywords: ['dp.pt.'], pattern: 'dp\\.pt\\.[A-Za-z0-9]{40,44}', severity: 'critical', scope: 'Every project, config and secret the user can reach.', valid: [`DOPPLER_TOKEN=dp.pt.${fake(43)}`] },
      { id: 'doppler-service-token', title: 'Doppler service token', keywords: ['dp.st.'], pattern: 'dp\\.st\\.[a-z0-9_-]{2,35}\\.[A-Za-z0-9]{40,44}', severity: 'high', scope: 'Service token: the secrets of one config (one environment of one project).', valid: [`dp.st.prd.${fake(43)}`] },
      { id: 'doppler-cli-token', title: 'Doppler CLI token', keywords: ['dp.ct.'], pattern: 'dp\\.ct\\.[A-Za-z0-9]{40,44}', severity: 'critical', scope: 'Acts as the user who logged in the CLI.', valid: [`dp.ct.${fake(43)}`] },
      { id: 'doppler-service-account-token', title: 'Doppler service account token', keywords: ['dp.sa.'], pattern: 'dp\\.sa\\.[A-Za-z0-9]{40,44}', severity: 'high', scope: 'The service account\'s project roles.', valid: [`dp.sa.${fake(43)}`] },
      { id: 'doppler-scim-token', title: 'Doppler SCIM token', keywords: ['dp.scim.'], pattern: 'dp\\.scim\\.[A-Za-z0-9]{40,44}', severity: 'high', scope: 'Provisions and removes workspace users.', valid: [`dp.scim.${fake(43)}`] },
      { id: 'doppler-audit-token', title: 'Doppler audit token', keywords: ['dp.audit.'], pattern: 'dp\\.audit\\.[A-Za-z0-9]{40,44}', severity: 'medium', scope: 'Reads the workspace\'s audit log.', valid: [`dp.audit.${fake(43)}`] },
    ]),
    ...prefixedRules('1Password', [
      { id: 'onepassword-secret-key', title: '1Password account Secret Key', keywords: ['a3-'], pattern: 'A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}', severity: 'critical', scope: 'With the account password, decrypts the whole 1Password account: every item in every vault the user can open.', valid: [`secret_key: A3-${fake(6, UPPER_ALNUM)}-${fake(11, UPPER_ALNUM)}-${fake(5, UPPER_ALNUM)}-${fake(5, UPPER_ALNUM)}-${fake(5, UPPER_ALNUM)}`], minEntropy: 2.5 },
      { id: 'onepassword-service-account-token', title: '1Password service account token', keywords: ['ops_eyj'], pattern: 'ops_eyJ[A-Za-z0-9+/]{250,}={0,3}', severity: 'critical', scope: 'Reads (and maybe writes) every item in the vaults granted to the service account.', valid: [`OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ${fake(260, BASE64)}`] },
    ]),
    ...prefixedRules('CircleCI', [
      { id: 'circleci-personal-token', title: 'CircleCI personal API token', keywords: ['ccipat_'], pattern: 'CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}', severity: 'high', scope: 'Acts as the user on every project they follow: triggers pipelines, reads env vars and artifacts.', valid: [`CIRCLECI_TOKEN=CCIPAT_${fake(22)}_${fake(40, HEX)}`] },
    ]),
    ...prefixedRules('Buildkite', [
      { id: 'buildkite-api-token', title: 'Buildkite API access token', keywords: ['bkua_'], pattern: 'bkua_[a-f0-9]{40}', severity: 'high', scope: 'The organisations and scopes chosen at creation: pipelines, builds, agents.', valid: [`BUILDKITE_API_TOKEN=bkua_${fake(40, HEX)}`] },
    ]),
    ...prefixedRules('SonarQube', [
      { id: 'sonarqube-user-token', title: 'SonarQube user token', keywords: ['squ_'], pattern: 'squ_[a-f0-9]{40}', severity: 'medium', scope: 'Acts as the user: analysis and, for admins, administration.', valid: [`SONAR_TOKEN=squ_${fake(40, HEX)}`] },
      { id: 'sonarqube-project-token', title: 'SonarQube project analysis token', keywords: ['sqp_'], pattern: 'sqp_[a-f0-9]{40}', severity: 'low', scope: 'Runs analyses on one project.', valid: [`sqp_${fake(40, HEX)}`] },
      { id: 'sonarqube-global-token', title: 'SonarQube global analysis token', keywords: ['sqa_'], pattern: 'sqa_[a-f0-9]{40}', severity: 'medium', scope: 'Runs analyses on every project.', valid: [`sqa_${fake(40, HEX)}`] },
    ]),
    ...prefixedRules('Atlassian', [
      { id: 'atlassian-api-token', title: 'Atlassian API token', keywords: ['atatt3'], pattern: 'ATATT3[A-Za-z0-9_=-]{186}', severity: 'high', scope: 'Acts as the user in Jira, Confluence and Bitbucket Cloud: everything they can see and change.', valid: [`JIRA_API_TOKEN=ATATT3${fake(186, BASE64URL)}`] },
    ]),
    ...prefixedRules('GitLab', [
      { id: 'gitlab-session-cookie', title: 'GitLab session cookie', keywords: ['_gitlab_session='], pattern: '(?<=_gitlab_session=)[0-9a-z]{32}', severity: 'high', scope: 'A signed-in GitLab browser session: acts as that user (their groups and projects) until it expires or they sign out.', valid: [`Cookie: _gitlab_session=${fake(32, LOWER_ALNUM)}`] },
      { id: 'gitlab-pat', title: 'GitLab personal access token', keywords: ['glpat-'], pattern: 'glpat-[A-Za-z0-9_-]{20,}(?:\\.[0-9a-z]{2}\\.[0-9a-z]{9})?', severity: 'critical', scope: 'Acts as the user with the token\'s scopes (api scope: everything the user can do, in every group and project).', valid: [`GITLAB_TOKEN=glpat-${fake(20, BASE64URL)}`] },
      { id: 'gitlab-deploy-token', title: 'GitLab deploy token', keywords: ['gldt-'], pattern: 'gldt-[A-Za-z0-9_-]{20,}', severity: 'medium', scope: 'Reads (or writes) one project\'s repository, packages or registry.', valid: [`gldt-${fake(20, BASE64URL)}`] },
      { id: 'gitlab-runner-token', title: 'GitLab runner authentication token', keywords: ['glrt-'], pattern: 'glrt-[A-Za-z0-9_-]{20,}', severity: 'high', scope: 'Registers as the runner and receives jobs (with their CI variables and secrets).', valid: [`glrt-${fake(20, BASE64URL)}`] },
      { id: 'gitlab-runner-registration-token', title: 'GitLab runner registration token (legacy)', keywords: ['gr1348941'], pattern: 'GR1348941[A-Za-z0-9_-]{20,}', severity: 'high', scope: 'Registers new runners that receive jobs and their secrets.', valid: [`GR1348941${fake(20, BASE64URL)}`] },
      { id: 'gitlab-pipeline-trigger-token', title: 'GitLab pipeline trigger token', keywords: ['glptt-'], pattern: 'glptt-[0-9a-f]{40}', severity: 'medium', scope: 'Triggers pipelines on one project (which may deploy).', valid: [`glptt-${fake(40, HEX)}`] },
      { id: 'gitlab-oauth-app-secret', title: 'GitLab OAuth application secret', keywords: ['gloas-'], pattern: 'gloas-[0-9a-f]{64}', severity: 'high', scope: 'Impersonates the OAuth application.', valid: [`gloas-${fake(64, HEX)}`] },
      { id: 'gitlab-feed-token', title: 'GitLab feed token', keywords: ['glft-'], pattern: 'glft-[A-Za-z0-9_-]{20,}', severity: 'low', scope: 'Reads the user\'s RSS/Atom feeds and calendar.', valid: [`glft-${fake(20, BASE64URL)}`] },
      { id: 'gitlab-incoming-mail-token', title: 'GitLab incoming mail token', keywords: ['glimt-'], pattern: 'glimt-[A-Za-z0-9_-]{25}', severity: 'low', scope: 'Creates issues and merge requests by email as the user.', valid: [`glimt-${fake(25, BASE64URL)}`] },
      { id: 'gitlab-agent-token', title: 'GitLab agent for Kubernetes token', keywords: ['glagent-'], pattern: 'glagent-[A-Za-z0-9_-]{50,}', severity: 'high', scope: 'Connects a cluster agent; deploys to that cluster.', valid: [`glagent-${fake(50, BASE64URL)}`] },
      { id: 'gitlab-scim-token', title: 'GitLab SCIM OAuth token', keywords: ['glsoat-'], pattern: 'glsoat-[A-Za-z0-9_-]{20,}', severity: 'high', scope: 'Provisions and removes group members.', valid: [`glsoat-${fake(20, BASE64URL)}`] },
      { id: 'gitlab-feature-flags-token', title: 'GitLab feature flags client token', keywords: ['glffct-'], pattern: 'glffct-[A-Za-z0-9_-]{20,}', severity: 'low', scope: 'Reads the project\'s feature flags.', valid: [`glffct-${fake(20, BASE64URL)}`] },
      { id: 'gitlab-cicd-job-token', title: 'GitLab CI/CD job token', keywords: ['glcbt-'], pattern: 'glcbt-[0-9a-fA-F]{1,5}_[A-Za-z0-9_-]{20,}', severity: 'medium', scope: 'The job\'s permissions until the job ends.', valid: [`glcbt-64_${fake(20, BASE64URL)}`] },
    ]),
    ...prefixedRules('Postman', [
      { id: 'postman-api-key', title: 'Postman API key', keywords: ['pmak-'], pattern: 'PMAK-[a-f0-9]{24}-[a-f0-9]{34}', severity: 'high', scope: 'Reads and changes the user\'s collections and environments (which often hold more secrets).', valid: [`PMAK-${fake(24, HEX)}-${fake(34, HEX)}`] },
    ]),
    ...prefixedRules('Prefect', [
      { id: 'prefect-api-key', title: 'Prefect Cloud API key', keywords: ['pnu_'], pattern: 'pnu_[A-Za-z0-9]{36}', severity: 'high', scope: 'Runs and changes flows and deployments in the user\'s workspaces.', valid: [`PREFECT_API_KEY=pnu_${fake(36)}`] },
    ]),
    ...prefixedRules('Databricks', [
      { id: 'databricks-token', title: 'Databricks personal access token', keywords: ['dapi'], pattern: 'dapi[a-f0-9]{32}(?:-\\d)?', severity: 'critical', scope: 'Acts as the user in the workspace: clusters, jobs, notebooks, tables and the cloud credentials they use.', valid: [`DATABRICKS_TOKEN=dapi${fake(32, HEX)}`] },
    ]),
    defineTokenRule({
      id: 'harness-access-token', provider: 'Harness', title: 'Harness API token', keywords: ['pat.', 'sat.'],
      pattern: standalone('(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}'),
      scope: 'Personal access token: acts as the user in the Harness account with their roles (pipelines, deployments, connectors and the secrets they reference).',
      severity: 'high', check: looksRandom(3),
      refine: (secret) => secret.startsWith('sat.') ? { title: 'Harness service account token', scope: 'Service account token: the service account\'s role bindings in the account, organisation or project (often pipeline execution and deployments).' } : {},
      examples: { valid: [`HARNESS_API_KEY=pat.${fake(22, BASE64URL)}.${fake(24)}.${fake(20)}`, `harnessToken: sat.${fake(22, BASE64URL)}.${fake(24)}.${fake(20)}`], invalid: [`pat.${'x'.repeat(22)}.${'x'.repeat(24)}.${'x'.repeat(20)}`, 'cat.pat.config.value'] },
    }),
    defineTokenRule({
      id: 'settlemint-access-token', provider: 'SettleMint', title: 'SettleMint personal access token', keywords: ['sm_aat_', 'sm_pat_', 'sm_sat_'],
      pattern: standalone('sm_(?:aat|pat|sat)_[A-Za-z0-9]{16}'),
      scope: 'Personal access token: acts as the user on the SettleMint platform (the CLI and SDK): every workspace, application and blockchain service they can reach.',
      severity: 'high', check: looksRandom(3),
      refine: (secret) => secret.startsWith('sm_aat_')
        ? { title: 'SettleMint application access token', scope: 'Application access token: calls the services (nodes, middleware, APIs) of the one application it was created in, with the access chosen at creation.' }
        : secret.startsWith('sm_sat_') ? { title: 'SettleMint service access token', scope: 'Service access token: calls the one service it was created for (a blockchain node or middleware endpoint).' } : {},
      examples: { valid: [`SETTLEMINT_ACCESS_TOKEN=sm_aat_${fake(16)}`, `token: sm_pat_${fake(16)}`, `"sm_sat_${fake(16)}"`], invalid: ['sm_aat_test_token', 'sm_pat_abc123xyz'] },
    }),
    defineTokenRule({
      id: 'sourcegraph-access-token', provider: 'Sourcegraph', title: 'Sourcegraph access token', keywords: ['sgp_'],
      pattern: standalone('sgp_(?:(?:[a-fA-F0-9]{16}|local)_)?[a-fA-F0-9]{40}'),
      scope: 'Acts as the user on the Sourcegraph instance: reads every repository they can see (private code included) and, with the site-admin:sudo scope, acts as any user; the format does not tell the scopes.',
      severity: 'high', check: looksRandom(3),
      examples: { valid: [`SRC_ACCESS_TOKEN=sgp_${fake(16, HEX)}_${fake(40, HEX)}`, `src_token: sgp_local_${fake(40, HEX)}`, `"sgp_${fake(40, HEX)}"`], invalid: ['sgp_0000000000000000_0000000000000000000000000000000000000000'] },
    }),
    defineTokenRule({
      id: 'sidekiq-license-credentials', provider: 'Sidekiq', title: 'Sidekiq Pro/Enterprise licence credentials', keywords: ['contribsys'],
      pattern: /(?:BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM[^\n]{0,30}?[:=,(>][\s"'`\\|>-]{0,8}|\bbundle[ \t]+config[ \t]+(?:--[a-z]+[ \t]+)*(?:enterprise|gems)\.contribsys\.com[ \t]+|https?:\/\/)(?<secret>[a-f0-9]{8}:[a-f0-9]{8})(?:@(?:gems|enterprise)\.contribsys\.com)?(?![A-Za-z0-9_-])/dgi,
      scope: 'Downloads the commercial Sidekiq Pro/Enterprise gems under your licence from Contributed Systems\' gem server; a leaked licence can be revoked, breaking your own installs.',
      severity: 'medium',
      check: (_secret, match) => !match[0].toLowerCase().startsWith('http') || /@(?:gems|enterprise)\.contribsys\.com$/i.test(match[0]),
      examples: { valid: [`BUNDLE_ENTERPRISE__CONTRIBSYS__COM=${fake(8, HEX)}:${fake(8, HEX)}`, `source "https://${fake(8, HEX)}:${fake(8, HEX)}@gems.contribsys.com/" do`, `bundle config --global gems.contribsys.com ${fake(8, HEX)}:${fake(8, HEX)}`], invalid: ['BUNDLE_GEMS__CONTRIBSYS__COM=${SIDEKIQ_CREDS}', 'source "https://gems.contribsys.com/"'] },
    }),
    ...namedRules('Codecov', [{ id: 'codecov-upload-token', title: 'Codecov upload token', names: ['CODECOV_TOKEN'], scope: 'Uploads coverage reports for the repository.', severity: 'low', valuePattern: UUID, valid: assignedTo(['CODECOV_TOKEN'], fakeUuid()) }]),
    ...namedRules('Snyk', [{ id: 'snyk-api-token', title: 'Snyk API token', names: ['SNYK_TOKEN', 'SNYK_API_TOKEN'], scope: 'Acts as the user in every Snyk organisation they belong to.', severity: 'medium', valuePattern: UUID, valid: assignedTo(['SNYK_TOKEN', 'SNYK_API_TOKEN'], fakeUuid()) }]),
    ...namedRules('Bitbucket', [{ id: 'bitbucket-app-password', title: 'Bitbucket app password', names: ['BITBUCKET_APP_PASSWORD', 'BITBUCKET_PASSWORD'], scope: 'Acts as the user on Bitbucket with the password\'s permissions.', severity: 'high', valid: assignedTo(['BITBUCKET_APP_PASSWORD', 'BITBUCKET_PASSWORD'], `ATBB${fake(32)}`) }]),
    ...namedRules('CircleCI', [{ id: 'circleci-legacy-token', title: 'CircleCI API token', names: ['CIRCLECI_TOKEN', 'CIRCLE_TOKEN', 'CIRCLECI_API_TOKEN'], scope: 'Acts as the user on CircleCI.', severity: 'high', valuePattern: /^[0-9a-f]{40}$/, valid: assignedTo(['CIRCLE_TOKEN', 'CIRCLECI_API_TOKEN'], fake(40, HEX)) }]),
    ...namedRules('Expo', [{ id: 'expo-access-token', title: 'Expo access token', names: ['EXPO_TOKEN'], scope: 'Builds and publishes updates for the account\'s apps (over-the-air code to every user).', severity: 'high', valid: assignedTo(['EXPO_TOKEN'], fake(40, BASE64URL)) }]),
    ...namedRules('HashiCorp Vault', [{ id: 'vault-legacy-token', title: 'HashiCorp Vault token (legacy format)', names: ['VAULT_TOKEN'], scope: 'Whatever the token\'s policies allow.', severity: 'critical', valuePattern: /^s\.[A-Za-z0-9]{24}$/, valid: assignedTo(['VAULT_TOKEN'], `s.${fake(24)}`) }]),
  ],
});

