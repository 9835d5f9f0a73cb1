import { shannonEntropy } from '../entropy';
import { ALNUM, BASE32, BASE64, fake } from '../fake';
import { assignedTo, defineTokenPack, defineTokenRule, namedRules, provider, standalone } from '../rule';

const AWS = 'AWS';
const KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Z0-9])/g;
/** What any key id found in a window of the text holds: the window's edges can satisfy KEY_ID's lookarounds where the whole text does not. */
const KEY_ID_ANYWHERE = /(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}/;
const SECRET = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const WINDOW = 1500;

function windowOf(match: RegExpExecArray): string {
  return match.input.slice(Math.max(0, match.index - WINDOW), match.index + match[0].length + WINDOW);
}

function nearbyKeyId(match: RegExpExecArray): string | undefined {
  return [...windowOf(match).matchAll(KEY_ID)].map((m) => m[0]).find((id) => !/EXAMPLE$/.test(id));
}

function isSecretKey(value: string): boolean {
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value) && shannonEntropy(value) >= 4 && !/EXAMPLE/i.test(value);
}

const keyId = `AKIA${fake(16, BASE32)}`;
const sessionId = `ASIA${fake(16, BASE32)}`;
const secret = fake(38, BASE64) + 'Q9';

const LONG_TERM =
  "Long-term IAM user key: whatever the user's policies allow, in every region, until someone deactivates it. Treat as full access to the account until its policies are checked.";
const SESSION = "Temporary session credentials (STS): the assumed role's permissions until they expire (at most 36 hours).";

export const pack = defineTokenPack({
  id: 'aws',
  providers: [
    provider(
      AWS,
      'https://console.aws.amazon.com/iam/home#/security_credentials',
      'Deactivate the access key in IAM (it stops working at once), then delete it once nothing breaks.',
      'Create a replacement only if a long-term key is really needed; prefer roles, SSO or OIDC federation.',
      'Search CloudTrail for events by the old access key id since the exposure (especially Delete*, Put*Policy, CreateUser).',
      "For session credentials: revoke the role's active sessions (IAM > Roles > Revoke sessions).",
    ),
  ],
  rules: [
    defineTokenRule({
      id: 'aws-access-key',
      provider: AWS,
      title: 'AWS access key (id and secret together)',
      keywords: ['akia', 'asia', 'abia', 'acca'],
      pattern: SECRET,
      scope: LONG_TERM,
      severity: 'critical',
      check: (value, match) => isSecretKey(value) && nearbyKeyId(match) !== undefined,
      // No key id anywhere, none near a secret: the 40-character search (slow on minified code) is skipped.
      requires: KEY_ID_ANYWHERE,
      refine: (_value, match) =>
        nearbyKeyId(match)?.startsWith('ASIA') ? { title: 'AWS session credentials (id and secret together)', scope: SESSION, severity: 'high' } : {},
      examples: {
        valid: [
          `[default]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`,
          `AWS_ACCESS_KEY_ID=${sessionId}\nAWS_SECRET_ACCESS_KEY=${secret}\nAWS_SESSION_TOKEN=${fake(200, ALNUM)}`,
        ],
        invalid: ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
      },
    }),
    defineTokenRule({
      id: 'aws-access-key-id',
      provider: AWS,
      title: 'AWS access key id (an identifier, not a secret)',
      keywords: ['akia', 'asia', 'abia', 'acca'],
      pattern: KEY_ID,
      scope: 'An access key id cannot sign requests on its own, but it names the account and the key; look for its secret nearby or in another file.',
      severity: 'low',
      check: (value) => !/EXAMPLE$/.test(value),
      examples: { valid: [`"accessKeyId": "${keyId}"`], invalid: ['AKIAIOSFODNN7EXAMPLE', 'AKIA1234'] },
    }),
    defineTokenRule({
      id: 'aws-bedrock-api-key',
      provider: AWS,
      title: 'Amazon Bedrock API key',
      keywords: ['absk'],
      pattern: standalone('ABSK[A-Za-z0-9+/]{109,269}={0,2}'),
      scope: 'Calls Amazon Bedrock models billed to the account (long-term key of an IAM user created for Bedrock).',
      severity: 'high',
      examples: { valid: [`AWS_BEARER_TOKEN_BEDROCK=ABSK${fake(120, BASE64)}`], invalid: ['ABSKshort'] },
    }),
    defineTokenRule({
      id: 'amazon-mws-auth-token',
      provider: AWS,
      title: 'Amazon MWS auth token',
      keywords: ['amzn.mws.'],
      pattern: /amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
      scope: 'Acts for the seller on Amazon Marketplace Web Service.',
      severity: 'high',
      examples: { valid: ['MWS_AUTH_TOKEN=amzn.mws.4ea38b7b-f563-7709-4bae-87aeaf6d5d8f'], invalid: ['amzn.mws.xxxx'] },
    }),
    ...namedRules(AWS, [
      {
        id: 'aws-secret-access-key',
        title: 'AWS secret access key',
        names: ['AWS_SECRET_ACCESS_KEY', 'AWS_SECRET_KEY', 'SECRET_ACCESS_KEY'],
        scope: LONG_TERM,
        severity: 'critical',
        valuePattern: /^[A-Za-z0-9/+]{40}$/,
        valid: assignedTo(['AWS_SECRET_ACCESS_KEY', 'AWS_SECRET_KEY'], secret),
      },
      {
        id: 'aws-session-token',
        title: 'AWS session token',
        names: ['AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN'],
        scope: SESSION,
        severity: 'high',
        valuePattern: /^[A-Za-z0-9/+=]{100,}$/,
        valid: assignedTo(['AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN'], fake(300, BASE64)),
      },
    ]),
  ],
});
