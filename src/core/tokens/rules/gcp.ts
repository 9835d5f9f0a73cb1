import { BASE64, BASE64URL, fake } from '../fake';
import { isFirebaseWebKey } from '../public-keys';
import { defineTokenPack, defineTokenRule, looksRandom, prefixedRules, provider, standalone } from '../rule';

const GOOGLE = 'Google Cloud';

const privateKey = `-----BEGIN PRIVATE KEY-----\\n${fake(64, BASE64)}\\n${fake(64, BASE64)}\\n-----END PRIVATE KEY-----\\n`;
const serviceAccount = JSON.stringify(
  {
    type: 'service_account',
    project_id: 'acme-prod',
    private_key_id: 'deadbeef00000000000000000000000000000000',
    client_email: 'deployer@acme-prod.iam.gserviceaccount.com',
  },
  null,
  2,
).replace(/\n}$/, `,\n  "private_key": "${privateKey}"\n}`);

export const pack = defineTokenPack({
  id: 'gcp',
  providers: [
    provider(
      GOOGLE,
      'https://console.cloud.google.com/iam-admin/serviceaccounts',
      'Delete the exposed key (IAM > Service accounts > Keys, or the API key / OAuth client in APIs & Services > Credentials).',
      'Prefer Workload Identity Federation or attached service accounts to exported JSON keys.',
      "Check Cloud Audit Logs for the key's principal since the exposure.",
      'Add an organisation policy that blocks service-account key creation if nobody needs it.',
    ),
  ],
  rules: [
    defineTokenRule({
      id: 'google-api-key',
      provider: GOOGLE,
      title: 'Google API key',
      keywords: ['aiza'],
      pattern: standalone('AIza[0-9A-Za-z_-]{35}'),
      severity: 'medium',
      scope: "Calls the Google APIs enabled on its project, billed to it, within the key's API and referrer restrictions (the format does not tell which).",
      // A Firebase web config's apiKey is public by design (it ships in every web build): not a finding.
      check: (secret, match) => looksRandom(3)(secret) && !isFirebaseWebKey(match.input, match.index, match.index + match[0].length),
      examples: {
        valid: [`GOOGLE_API_KEY=AIza${fake(35, BASE64URL)}`, `const maps = new Loader({ apiKey: "AIza${fake(35, BASE64URL)}" });`],
        invalid: [
          `const firebaseConfig = {\n  apiKey: "AIza${fake(35, BASE64URL)}",\n  authDomain: "acme-app.firebaseapp.com",\n  projectId: "acme-app",\n};`,
          `NEXT_PUBLIC_FIREBASE_API_KEY=AIza${fake(35, BASE64URL)}`,
        ],
      },
    }),
    defineTokenRule({
      id: 'gcp-service-account-key',
      provider: GOOGLE,
      title: 'Google Cloud service-account key (JSON)',
      keywords: ['service_account'],
      pattern: /"private_key"\s*:\s*"(?<secret>-----BEGIN PRIVATE KEY-----[^"]{64,}?-----END PRIVATE KEY-----(?:\\n)?)"/g,
      scope: 'Acts as the service account: every IAM role it holds, on every project where it is granted (often Editor or Owner).',
      severity: 'critical',
      examples: { valid: [serviceAccount], invalid: ['{"type": "service_account", "private_key": ""}'] },
    }),
    ...prefixedRules(GOOGLE, [
      {
        id: 'google-oauth-client-secret',
        title: 'Google OAuth client secret',
        keywords: ['gocspx-'],
        pattern: 'GOCSPX-[A-Za-z0-9_-]{28}',
        severity: 'high',
        scope: 'Lets anyone impersonate your OAuth app to users and exchange their codes for tokens.',
        valid: [`"client_secret": "GOCSPX-${fake(28, BASE64URL)}"`],
      },
      {
        id: 'google-oauth-access-token',
        title: 'Google OAuth access token',
        keywords: ['ya29.'],
        pattern: 'ya29\\.[0-9A-Za-z_-]{30,}',
        severity: 'high',
        scope: 'Acts as the user or service account with the granted OAuth scopes for about an hour.',
        valid: [`Authorization: Bearer ya29.${fake(120, BASE64URL)}`],
      },
      {
        id: 'google-oauth-refresh-token',
        title: 'Google OAuth refresh token',
        keywords: ['1//0'],
        pattern: '1//0[0-9A-Za-z_-]{40,}',
        severity: 'high',
        scope: 'Mints new access tokens for the user with the granted scopes until revoked.',
        valid: [`refresh_token: 1//0${fake(80, BASE64URL)}`],
      },
      {
        id: 'firebase-cloud-messaging-server-key',
        title: 'Firebase Cloud Messaging legacy server key',
        keywords: [':apa91b'],
        pattern: 'AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}',
        severity: 'medium',
        scope: 'Sends push notifications to every user of the app.',
        valid: [`FCM_SERVER_KEY=AAAA${fake(7, BASE64URL)}:APA91b${fake(134, BASE64URL)}`],
      },
    ]),
  ],
});
