/**
 * Values that stand for a secret without being one: placeholders people write in examples
 * and references to where the real value lives. Neither is a finding.
 */
const PLACEHOLDER =
  /^(?:x+|\*+|\.+|-+|_+|#+|0+|1234|abc|abc123|123456|none|null|nil|undefined|true|false|empty|token|change[-_]?me|replace[-_]?me|todo|tbd|fixme|redacted|hidden|masked|dummy|sample|example|placeholder|foo|bar|foobar|baz|default)$/i;
/** Passwords nobody generates: defaults of local images and the ones tests type. */
const TYPED_PASSWORD =
  /^(?:password|passw0rd|pass|passwd|secret|test|testing|admin|root|changeme|letmein|qwerty|welcome|postgres|mysql|mariadb|redis|mongo|guest|rabbitmq|user|dev|local)[-_]?\d{0,6}[!.]?$/i;
const PLACEHOLDER_PART =
  /(?:x{5,}|X{5,}|\*{4,}|\.{4,}|your[-_ ]?(?:own[-_ ]?)?(?:api[-_ ]?)?(?:key|token|secret|pass|app|client|account)|(?:^|[-_])(?:change[-_]?me|replace[-_]?me|insert[-_]?here|put[-_]?here|goes[-_]?here|here)(?:$|[-_])|placeholder|redacted|<[^>]*>|^<|\[[A-Z_ ]+\]|example(?:key|token|secret)?(?:$|[-_])|(?:^|[-_])(?:dummy|sample|fake[-_]?(?:key|token|secret)|not[-_]?a[-_]?(?:real|secret)))/i;
/** Mustache, shell, Terraform, GitHub Actions, Helm, dotenv-expand and friends. */
const REFERENCE =
  /^(?:ENC\[|\$\{?[A-Za-z_]|\$\(|\{\{|%[A-Za-z_]+%|#\{|@[A-Za-z_]+@|<%|process\.env|import\.meta\.env|os\.(?:environ|getenv)|env\(|ENV\[|getenv\(|System\.getenv|Environment\.GetEnvironmentVariable|secrets?\.|vars\.|var\.|local\.|data\.|module\.|!Ref|!Sub|!GetAtt|ref\+|vault:|op:\/\/|sm:\/\/|arn:aws:secretsmanager|projects\/[^/]+\/secrets\/)/;

export function isReference(value: string): boolean {
  return REFERENCE.test(value.trim());
}

/** Counting runs people type for a fake value (`xoxp-1234567890-…`, `dapi1234567890abcdef…`); a random 7-run is a one-in-a-million event. */
const TYPED_RUN = /0123456|1234567|2345678|3456789|abcdefgh|ABCDEFGH|qwerty|asdfgh|zxcvbn/i;
/** SOPS and similar encrypted values: ciphertext whose key lives elsewhere. */
const ENCRYPTED = /^ENC\[[A-Z0-9_]+,/;

export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (TYPED_RUN.test(v) || ENCRYPTED.test(v)) return true;
  if (PLACEHOLDER.test(v) || TYPED_PASSWORD.test(v) || PLACEHOLDER_PART.test(v)) return true;
  // One repeated character, or very few distinct ones over a long value: typed, not generated.
  const distinct = new Set(v).size;
  return distinct <= 3 || (v.length >= 16 && distinct <= 5);
}
