import type { Severity } from '../../types';
import { withCrc32Base62Checksum } from '../checksum';
import { ALNUM, fake } from '../fake';
import { defineTokenPack, defineTokenRule, githubChecksum, provider, standalone } from '../rule';

const GITHUB = 'GitHub';

function checksummed(id: string, prefix: string, title: string, scope: string, severity: Severity) {
  const valid = withCrc32Base62Checksum(prefix, fake(30, ALNUM));
  return defineTokenRule({
    id,
    provider: GITHUB,
    title,
    keywords: [prefix],
    pattern: standalone(`${prefix}[A-Za-z0-9]{36}`),
    scope,
    severity,
    check: githubChecksum(prefix.length),
    examples: {
      valid: [`GITHUB_TOKEN=${valid}`, `git clone https://${valid}@github.com/acme/app.git`],
      // Right shape, wrong checksum: never issued by GitHub.
      invalid: [`${prefix}${fake(30, ALNUM)}AAAAAA`, `${prefix}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`],
    },
  });
}

export const pack = defineTokenPack({
  id: 'github',
  providers: [
    provider(
      GITHUB,
      'https://github.com/settings/tokens',
      "Revoke the token at https://github.com/settings/tokens (or the app's settings for app tokens).",
      'Create a fine-grained token limited to the repositories and permissions the job needs, with an expiry.',
      "Review the security log (https://github.com/settings/security-log) and each organisation's audit log for its use.",
      'Store the new token in a secret store or an ignored, agent-blocked env file.',
    ),
  ],
  rules: [
    checksummed(
      'github-classic-pat',
      'ghp_',
      'GitHub classic personal access token',
      'Classic PAT: acts as the user on every repository and organisation they can reach, with coarse scopes (often full repo, workflow and admin rights).',
      'critical',
    ),
    checksummed('github-oauth-token', 'gho_', 'GitHub OAuth access token', 'OAuth app token: acts as the user with the scopes the app was granted.', 'high'),
    checksummed(
      'github-user-to-server-token',
      'ghu_',
      'GitHub App user access token',
      "GitHub App user token: the intersection of the app's and the user's permissions; expires after 8 hours unless refreshed.",
      'high',
    ),
    checksummed(
      'github-app-installation-token',
      'ghs_',
      'GitHub App installation token',
      "GitHub App installation token: the app's permissions on the repositories it is installed on; expires after one hour.",
      'medium',
    ),
    checksummed('github-refresh-token', 'ghr_', 'GitHub App refresh token', 'Refresh token: mints new user access tokens for six months.', 'high'),
    defineTokenRule({
      id: 'github-fine-grained-pat',
      provider: GITHUB,
      title: 'GitHub fine-grained personal access token',
      keywords: ['github_pat_'],
      pattern: standalone('github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}'),
      scope: 'Fine-grained PAT: only the repositories and permissions chosen at creation, in one account or organisation, until it expires.',
      severity: 'high',
      examples: {
        valid: [`token: github_pat_${fake(22)}_${fake(59)}`],
        invalid: [`github_pat_${fake(22)}_${fake(20)}`, 'github_pat_<your-token>'],
      },
    }),
  ],
});
