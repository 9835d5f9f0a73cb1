import { BASE64, BASE64URL, fake, HEX } from '../fake';
import { assignedTo, defineTokenPack, defineTokenRule, namedRules, provider } from '../rule';
import { UNKNOWN_SCOPE } from '../types';

const APP = 'Application';
const FORGE = 'Whoever holds it can forge sessions and tokens your app trusts: log in as any user, admin included.';

function claims(jwt: string): Record<string, unknown> | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const jwtBody = (payload: object) =>
  `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${fake(43, BASE64URL)}`;

export const pack = defineTokenPack({
  id: 'frameworks',
  providers: [
    provider(
      APP,
      undefined,
      'Generate a new secret (e.g. openssl rand -base64 48) and deploy it; every existing session and token signed with the old one becomes invalid, which is the point.',
      'Keep the secret per environment: staging and production must never share it.',
      'Store it in a secret store or an ignored, agent-blocked env file.',
    ),
    provider(
      'JWT',
      undefined,
      "Revoke the token with its issuer, or rotate the issuer's signing key if it cannot be revoked.",
      "Check the issuer's logs for requests made with it before it expires.",
    ),
  ],
  rules: [
    defineTokenRule({
      id: 'jwt',
      provider: 'JWT',
      title: 'JSON Web Token (bearer)',
      keywords: ['eyj'],
      pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/g,
      scope: `Bearer token: whatever its issuer granted (see its claims), until it expires. ${UNKNOWN_SCOPE}.`,
      severity: 'medium',
      fallback: true,
      check: (secret) => {
        const c = claims(secret);
        if (!c) return false;
        // Publishable by design: Supabase anon keys ship to every browser.
        return c.role !== 'anon';
      },
      refine: (secret) => {
        const c = claims(secret) ?? {};
        if (c.role === 'service_role')
          return {
            title: 'Supabase service_role key',
            severity: 'critical',
            scope: 'service_role: bypasses Row Level Security; full read and write on every table and bucket of the project.',
          };
        if (typeof c.exp === 'number' && c.exp * 1000 < Date.now())
          return { severity: 'low', scope: 'Expired JWT: useless as a bearer token now, but it shows what your tokens carry.' };
        return {};
      },
      examples: {
        valid: [
          `Authorization: Bearer ${jwtBody({ sub: 'user-1', scope: 'admin', exp: 4102444800 })}`,
          `const key = "${jwtBody({ iss: 'supabase', role: 'service_role' })}";`,
        ],
        invalid: [`SUPABASE_ANON_KEY=${jwtBody({ iss: 'supabase', role: 'anon' })}`, 'eyJhbGciOiJIUzI1NiJ9.notjson.sig'],
      },
    }),
    defineTokenRule({
      id: 'jwt-base64',
      provider: 'JWT',
      title: 'JSON Web Token, base64-encoded',
      keywords: ['zxlk'],
      pattern: /(?<![A-Za-z0-9+/])ZXlK[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])/g,
      scope: `Bearer token, base64-encoded once more (as Kubernetes and CI variables keep them): whatever its issuer granted (see its claims), until it expires. ${UNKNOWN_SCOPE}.`,
      severity: 'medium',
      // Decodes to a real JWT with a JSON header and payload, not just text that starts with "eyJ".
      check: (secret) => {
        const inner = Buffer.from(secret, 'base64').toString('utf8').trim();
        if (!/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*$/.test(inner)) return false;
        try {
          return typeof JSON.parse(Buffer.from(inner.split('.')[0]!, 'base64url').toString('utf8')).alg === 'string' && claims(inner) !== undefined;
        } catch {
          return false;
        }
      },
      refine: (secret) =>
        claims(Buffer.from(secret, 'base64').toString('utf8').trim())?.role === 'anon'
          ? {
              severity: 'low',
              title: 'Supabase anon key, base64-encoded (public by design)',
              scope: 'Publishable: ships to every browser; Row Level Security decides what it may do.',
            }
          : {},
      examples: {
        valid: [`token: ${Buffer.from(jwtBody({ sub: 'svc-deploy', exp: 4102444800 })).toString('base64')}`],
        invalid: [`ZXlK${Buffer.from('this is not a token at all, only words').toString('base64')}`],
      },
    }),
    ...namedRules(APP, [
      {
        id: 'jwt-signing-secret',
        title: 'JWT signing secret',
        names: [
          'JWT_SECRET',
          'JWT_SECRET_KEY',
          'JWT_SIGNING_KEY',
          'JWT_SIGNING_SECRET',
          'JWT_KEY',
          'JWT_HMAC_SECRET',
          'ACCESS_TOKEN_SECRET',
          'REFRESH_TOKEN_SECRET',
          'SUPABASE_JWT_SECRET',
        ],
        scope: FORGE,
        severity: 'critical',
        valid: assignedTo(['JWT_SECRET', 'JWT_SIGNING_KEY'], fake(48, BASE64)),
      },
      {
        id: 'rails-secret-key-base',
        title: 'Rails secret_key_base',
        names: ['SECRET_KEY_BASE', 'RAILS_MASTER_KEY'],
        scope: `${FORGE} RAILS_MASTER_KEY also decrypts config/credentials.yml.enc.`,
        severity: 'critical',
        valid: assignedTo(['SECRET_KEY_BASE', 'RAILS_MASTER_KEY'], fake(128, HEX)),
      },
      {
        id: 'django-secret-key',
        title: 'Django SECRET_KEY',
        names: ['DJANGO_SECRET_KEY', 'SECRET_KEY'],
        scope: `${FORGE} Also forges password-reset links.`,
        severity: 'high',
        valid: assignedTo(['DJANGO_SECRET_KEY', 'SECRET_KEY'], `django-insecure-${fake(40)}`),
      },
      {
        id: 'nextauth-secret',
        title: 'Auth.js / NextAuth secret',
        names: ['NEXTAUTH_SECRET', 'AUTH_SECRET', 'BETTER_AUTH_SECRET'],
        scope: FORGE,
        severity: 'critical',
        valid: assignedTo(['NEXTAUTH_SECRET', 'AUTH_SECRET'], fake(44, BASE64)),
      },
      {
        id: 'laravel-app-key',
        title: 'Laravel APP_KEY',
        names: ['APP_KEY'],
        scope: `${FORGE} It also decrypts everything encrypted with Crypt.`,
        severity: 'critical',
        valuePattern: /^base64:[A-Za-z0-9+/]{43}=$/,
        valid: assignedTo(['APP_KEY'], `base64:${fake(43, BASE64)}=`),
      },
      {
        id: 'session-secret',
        title: 'Session or cookie signing secret',
        names: ['SESSION_SECRET', 'COOKIE_SECRET', 'SESSION_KEY', 'EXPRESS_SESSION_SECRET', 'FLASK_SECRET_KEY', 'IRON_SESSION_PASSWORD'],
        scope: FORGE,
        severity: 'high',
        valid: assignedTo(['SESSION_SECRET', 'COOKIE_SECRET'], fake(40)),
      },
      {
        id: 'encryption-key',
        title: 'Application encryption key',
        names: ['ENCRYPTION_KEY', 'DATA_ENCRYPTION_KEY', 'MASTER_KEY', 'APP_ENCRYPTION_KEY'],
        scope: 'Decrypts whatever the application encrypted with it (stored tokens, personal data).',
        severity: 'high',
        valid: assignedTo(['ENCRYPTION_KEY', 'MASTER_KEY'], fake(64, HEX)),
      },
      {
        id: 'webhook-signing-secret',
        title: 'Webhook signing secret',
        names: ['WEBHOOK_SECRET', 'WEBHOOK_SIGNING_SECRET', 'GITHUB_WEBHOOK_SECRET', 'SIGNING_SECRET', 'SLACK_SIGNING_SECRET'],
        scope: 'Forges webhook deliveries your endpoint will trust.',
        severity: 'medium',
        valid: assignedTo(['WEBHOOK_SECRET', 'SLACK_SIGNING_SECRET'], fake(32, HEX)),
      },
      {
        id: 'database-password',
        title: 'Database password',
        names: [
          'DB_PASSWORD',
          'DATABASE_PASSWORD',
          'POSTGRES_PASSWORD',
          'PGPASSWORD',
          'MYSQL_PASSWORD',
          'MYSQL_ROOT_PASSWORD',
          'MONGO_INITDB_ROOT_PASSWORD',
          'REDIS_PASSWORD',
          'MSSQL_SA_PASSWORD',
        ],
        scope: 'Logs in to the database as that user: read, change and drop what the user may.',
        severity: 'high',
        valid: assignedTo(['DB_PASSWORD', 'POSTGRES_PASSWORD'], fake(24)),
      },
    ]),
  ],
});
