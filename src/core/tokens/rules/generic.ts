import type { Assignment } from '../assignments';
import { characterClasses, looksGenerated, looksLikeIdentifier, shannonEntropy } from '../entropy';
import { isPlaceholder, isReference } from '../placeholder';
import { defineTokenPack, defineTokenRule, provider, UUID } from '../rule';
import { type TokenRule, UNKNOWN_SCOPE } from '../types';

/**
 * Last resort: a high-entropy value given to a secret-like name. Tuned to stay quiet: the
 * name must say secret, the value must look generated, and in source code it must be a
 * string literal (a bare word there is an expression, not a value).
 */
export const genericSecret = defineTokenRule({
  id: 'generic-secret',
  provider: 'Unknown',
  title: 'High-entropy secret',
  keywords: [],
  names: [],
  scope: UNKNOWN_SCOPE,
  severity: 'medium',
  examples: {
    valid: ['MY_SERVICE_API_KEY=q8Zr2LmX0vB7nT4kY9wE3sJ6', 'client_secret: "Jk29vLq0Zp8Xr4Tm7Nb1Wc6Ye3"', "const apiToken = 'Tq7Lm2Zx9Vb4Nr8Kw1Yc6Hs3';"],
    invalid: [
      'API_KEY=your-api-key-here',
      'token: ${TOKEN}',
      'const token = process.env.API_TOKEN;',
      'password: changeme',
      'apiKey = config.getApiKey()',
      'commit_sha: 3f2a8c1d9e7b6a5f4c3d2e1f0a9b8c7d6e5f4a3b',
      'tokenizer_path=/usr/local/lib/tokenizer.json',
      'session_id: 123e4567-e89b-12d3-a456-426614174000',
      'public_key: AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
      'NEXT_PUBLIC_STRIPE_KEY=pk_live_51Hq8ZrLmX0vB7nT4kY9wE3sJ6',
      'const tokenType = "FlowActionResultTokenRequiredV2";',
    ],
  },
});

export const genericPassword = defineTokenRule({
  id: 'generic-password',
  provider: 'Unknown',
  title: 'Password in a config file',
  keywords: [],
  names: [],
  scope: UNKNOWN_SCOPE,
  severity: 'medium',
  examples: {
    valid: ['SMTP_PASSWORD=Tr0ub4dor&3-horse', 'password: "s3cr3t-Batt3ry-Staple"'],
    invalid: ['DB_PASSWORD=', 'password: <password>', 'PASSWORD=${DB_PASSWORD}', 'password_min_length: 12', 'password: password'],
  },
});

/**
 * Passwords given as a short flag, where no name says "password": `mysql -pSECRET` (attached:
 * `-p value` means "prompt", then a database), `sshpass -p SECRET`, `docker login -p SECRET`,
 * `aws configure set aws_secret_access_key SECRET`, `curl -u user:SECRET`.
 */
export const cliPassword = defineTokenRule({
  id: 'cli-password-flag',
  provider: 'Unknown',
  title: 'Password on a command line',
  keywords: ['mysql', 'mariadb', 'sshpass', 'login', 'configure', 'curl'],
  pattern:
    /(?:\b(?:mysql[a-z]*|mariadb[a-z-]*)\b[^\n;|&]*?[ \t]-p|\bsshpass[ \t]+-p[ \t]*|\b(?:docker|podman|nerdctl|buildah|skopeo)[ \t]+login\b[^\n;|&]*?[ \t]-p[ \t]+|\baws[ \t]+configure[ \t]+set[ \t]+[\w.]*(?:secret|token|password)[\w.]*[ \t]+|\bcurl\b(?:[^\n;|&\\]|\\\r?\n|\\){0,600}?[ \t](?:-[a-zA-Z]*u[ \t]*|--user(?:[ \t]+|=))['"]?[^\s:'"$<]*:)(?<quote>['"]?)(?<secret>[^\s'"$<-][^\s'"<>]*)\k<quote>/dg,
  scope: UNKNOWN_SCOPE,
  severity: 'medium',
  examples: {
    valid: [
      'curl -X POST \\\n  --user ci:Zq8Lm2Xv9Bc4Nr8K \\\n  https://ci.acme.io/api',
      'curl -sSu deploy:Jf83kLq0Zp8Xr4Tm https://acme.io',
      'mysql -u root -pS3cr3tPw prod',
      "mysqldump -h db -u app -p'Tr0ub4dor&3' app > dump.sql",
      'sshpass -p hunter22 ssh deploy@host',
      'docker login -u ci -p Qw3rty9z registry.acme.io',
      'aws configure set aws_secret_access_key Zx8Qm2Lr5Tn9Vb3Kw7Yc1Hs6Jd4Fg0Pa2Ue8Io5',
      "curl --user 'ci:Tr0ub4dor&3' https://ci.acme.io/api",
    ],
    invalid: [
      'mysql -u root -p prod',
      'mysql -p$MYSQL_PWD',
      'docker login -u ci --password-stdin registry.acme.io',
      'ssh -p 2222 host',
      'sshpass -p $PASS ssh host',
      'aws configure set region eu-west-1',
      'curl -u admin https://acme.io',
      'curl -u $CI_USER:$CI_PASS https://acme.io',
      'curl -u "<user:password>" https://acme.io',
      "curl --user '<user>:<password>' https://acme.io",
    ],
  },
});

export const pack = defineTokenPack({
  id: 'generic',
  providers: [provider('Unknown', undefined)],
  rules: [genericSecret, genericPassword, cliPassword],
});

const SECRET_NAME =
  /SECRET|TOKEN|PASSW|PWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|SIGNING_?KEY|CLIENT_?KEY|MASTER_?KEY|ENCRYPTION_?KEY|AUTH|CREDENTIAL|BEARER|SAS|SIGNATURE/;
const PASSWORD_NAME = /PASSW|PWD|PASSPHRASE|(?:^|_)PASS$/;
/** Names that carry secret-like words but hold no secret. */
const NOT_SECRET_NAME =
  /PUBLIC|PUBLISHABLE|(?:^|_)PUB(?:_|$)|SHA|HASH|CHECKSUM|DIGEST|INTEGRITY|(?:^|_)IDS?$|_ID_|LENGTH|SIZE|COUNT|TIMEOUT|TTL|EXPIR|_AT$|_URL$|_URI$|ENDPOINT|PATH|FILE|DIR|NAME$|TYPE$|FORMAT|PREFIX|SUFFIX|HEADER|FIELD|PARAM|POLICY|ALGORITHM|ALG$|COLUMN|PATTERN|REGEX|KEYS?_?(?:LIST|MAP|SET)|KEYBOARD|KEYWORD|MONKEY|HOTKEY|SORT_?KEY|PARTITION_?KEY|PRIMARY_?KEY|FOREIGN_?KEY|CACHE_?KEY|KEY_?(?:CODE|NAME|PREFIX)|TOKENI[SZ]|AUTHOR(?:$|_|S)|AUTHORITY|OAUTH_?(?:URL|SCOPE)|ENABLED?$|REQUIRED$|_MODE$|VERSION|REGION|AUDIENCE|ISSUER|CSRF|XSRF|AUTHENTICITY|FORGERY|REQUEST_?VERIFICATION|NONCE|SEARCH_?(?:ONLY_?)?(?:API_?)?KEY/;
/** `group:artifact:version[:classifier]`, the group a dotted package name. */
const MAVEN_COORDINATE = /^[a-z][\w-]*(?:\.[\w-]+)+:[\w.-]+:\d[\w.-]*(?::[\w.-]+)?$/;
/** Generated bundles and source maps: one huge line of escaped source, where only exact formats are worth reporting. */
const GENERATED_FILE = /\.(?:map|min\.js|min\.css)$/i;
/** Expression and markup characters: regexes, templates, selectors, calls; not generated secrets. */
const SYNTAX = /[(){}[\]<>\\|^"'`\s]/;
const CODE_FILE = /\.(?:[cm]?[jt]sx?|py|rb|go|java|kt|kts|scala|cs|fs|php|rs|swift|c|cc|cpp|h|hpp|m|mm|dart|lua|pl|r|ex|exs|erl|clj|groovy|vue|svelte|astro)$/i;

const PATH_LIKE = /^(?:~|\.{1,2})?\/(?:[\w.@-]+\/)*[\w.@-]*$/;

/** `./x`, `~/x`, `/etc/x`: where something is. A base64 secret may start with `/` too; its one long random run is not a path segment. */
function looksLikePath(value: string): boolean {
  if (/^(?:~|\.\.?)(?:\/|$)/.test(value)) return true;
  if (!value.startsWith('/') || !PATH_LIKE.test(value)) return false;
  return !value.split('/').some((segment) => segment.length >= 24 && looksGenerated(segment));
}

/** Redaction also hides values of bare `*_KEY` and `*_PASS` names (`STRIPE_KEY`, `DB_PASS`, keytool's `-storepass`). */
const REDACTED_NAME = /(?:^|_)(?:KEY|PASS)$|(?:STORE|KEY)PASS$/;
/** Flags that take no value or name a prompt: `--password-stdin`, `--ask-become-pass`. */
const NO_VALUE_NAME = /STDIN|PROMPT|(?:^|_)ASK_|(?:^|_)NO_/;
/** Key files and paths given to a key flag (`--key client.key`, `--ssh-key ~/.ssh/id`): where a secret is, not the secret. */
const PATH_VALUE = /^(?:~|\.{1,2})\/|\.(?:pem|key|crt|cer|der|p8|p12|pfx|jks|pub|json|ya?ml|txt|env|gpg|asc)$/i;
/** Booleans and empties: switches, not secrets. */
const SWITCH_VALUE = /^(?:true|false|yes|no|on|off|null|nil|none|undefined)$/i;

/**
 * Redaction: whatever format it has, a value given to a secret-like name is hidden. Only what
 * cannot be a secret stays: references (`$VAR`, `$(cmd)`), flags, booleans, key-file paths, and
 * short numbers under a non-password name (TTLs, ports, counts).
 */
function isRedactedValue(key: string, value: string): boolean {
  if (!isSecretName(key) && !(REDACTED_NAME.test(key) && !NOT_SECRET_NAME.test(key))) return false;
  if (value.length === 0 || /^[-$]/.test(value) || isReference(value)) return false;
  if (SWITCH_VALUE.test(value) || PATH_VALUE.test(value)) return false;
  return PASSWORD_NAME.test(key) || !/^\d{1,5}$/.test(value);
}

const nameCache = new Map<string, boolean>();

function isSecretName(key: string): boolean {
  let secret = nameCache.get(key);
  if (secret === undefined) {
    if (nameCache.size > 10_000) nameCache.clear();
    secret = SECRET_NAME.test(key) && !NOT_SECRET_NAME.test(key);
    nameCache.set(key, secret);
  }
  return secret;
}

function bare(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

/** The generic rule that fits this assignment, or none. `aggressive` is for redaction. */
/** `minLength`: 16 for any secret-like name; 12 when the name also names a provider (its word raises confidence). */
export function genericRuleFor(assignment: Assignment, fileName: string, aggressive: boolean, minLength = 16): TokenRule | undefined {
  const { key, value } = assignment;
  if (NO_VALUE_NAME.test(key)) return undefined;
  if (aggressive) return isRedactedValue(key, value) ? genericSecret : undefined;
  if (!isSecretName(key)) return undefined;
  // An enum constant: the value spells its own name (`PlatformAuthDOMGetToken = "platformAuthDOMGetToken"`).
  // Also with a prefix: `METRIC_…_CHECK_PASSWORD_ATTEMPTS = "aspnetcore.identity.…check_password_attempts"`.
  if (bare(value).length >= 8 && bare(assignment.name).includes(bare(value))) return undefined;
  // A JWT is left to the JWT rule, which reads its claims (a Supabase service_role key, an anon key);
  // a Google API key to its rule, which knows Firebase web keys are public by design.
  if (/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*$/.test(value) || /^AIza[\w-]{35}$/.test(value)) return undefined;
  // Maven/Gradle coordinates (`io.jsonwebtoken:jjwt-api:0.11.5`): a package, not a secret.
  if (MAVEN_COORDINATE.test(value)) return undefined;
  if (GENERATED_FILE.test(fileName) || isPlaceholder(value) || /\s/.test(value)) return undefined;
  // Secrets are printable ASCII; translated messages and symbols are not.
  if (!/^[\x21-\x7e]+$/.test(value)) return undefined;
  if (CODE_FILE.test(fileName) && !assignment.quoted) return undefined;
  if (/^(?:https?|file):\/\//i.test(value) || looksLikePath(value) || /^data:/.test(value)) return undefined;
  if (PASSWORD_NAME.test(key)) {
    if (value.length < 8 || value.length > 200) return undefined;
    if (CODE_FILE.test(fileName) && (looksLikeIdentifier(value) || SYNTAX.test(value))) return undefined;
    if (shannonEntropy(value) < 2.8 || characterClasses(value) < 2) return undefined;
    return genericPassword;
  }
  if (value.length < minLength || value.length > 1000 || SYNTAX.test(value)) return undefined;
  if (UUID.test(value) && !/TOKEN|SECRET|API_?KEY/.test(key)) return undefined;
  if (/^[A-Za-z_$][\w$]*(?:\.[\w$]+)+(?:\(\))?$/.test(value) || looksLikeIdentifier(value)) return undefined;
  // Letters only: a generated value mixes cases over a long run; a word-like one is a name.
  if (characterClasses(value) < 2 || (!/[0-9]/.test(value) && (value.length < 20 || !/[a-z]/.test(value) || !/[A-Z]/.test(value)))) return undefined;
  if (!looksGenerated(value)) return undefined;
  return genericSecret;
}
