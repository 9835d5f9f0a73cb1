import { normalizeKey } from './assignments';
import { allRules, packs } from './rules/index';
import type { TokenFinding, TokenRule } from './types';

/** What a finding says beyond its rule: the provider, title, scope and severity it turned out to have. */
export type Refined = Partial<Pick<TokenFinding, 'scope' | 'severity' | 'title' | 'provider'>>;

/** Provider words that are English words too: they count only as the variable's first word (`LINEAR_API_KEY`, `renderToken`). */
const AMBIGUOUS = new Set([
  'DATABASE',
  'SERVICE_URL',
  'PRIVATE_KEY',
  'UNKNOWN',
  'X',
  'LOB',
  'SEGMENT',
  'ZOOM',
  'LINEAR',
  'RENDER',
  'NEON',
  'CONVEX',
  'EXPO',
  'PREFECT',
  'ZENDESK_SELL',
  'SANITY',
  'CLERK',
  'GROQ',
  'REPLICATE',
  'RESEND',
  'TOGETHER',
  'FIREWORKS',
  'NOTION',
  'FIGMA',
  'OKTA',
  'SNYK',
  'MONDAY',
  'LOOKER',
  'KRAKEN',
  'BEAMER',
]);
/** `New Relic` -> [`NEW_RELIC`, `NEWRELIC`]; `Fly.io` -> [`FLY_IO`, `FLY`]. */
function wordsFor(name: string): string[] {
  const base = name
    .replace(/\(.*?\)/g, ' ')
    .replace(/\.(?:io|com|dev|ai|app)\b/gi, ' ')
    .trim();
  const snake = base
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  if (snake.length < 3) return [];
  // `MessageBird` is also written `messageBird` -> MESSAGE_BIRD.
  const humps = base
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return [...new Set([snake, snake.replace(/_/g, ''), humps])];
}

interface ProviderWord {
  word: string;
  parts: string[];
  provider: string;
  firstOnly: boolean;
}

const words: ProviderWord[] = [];
function addWord(word: string, providerName: string): void {
  if (word.length < 3 || words.some((w) => w.word === word)) return;
  words.push({ word, parts: word.split('_'), provider: providerName, firstOnly: AMBIGUOUS.has(word) });
}
for (const pack of packs) for (const info of pack.providers) for (const w of wordsFor(info.name)) addWord(w, info.name);
// Prefixes of documented variable names: HEROKU_API_KEY -> HEROKU, GH_TOKEN -> (too short).
for (const rule of allRules)
  for (const name of rule.names ?? []) {
    const first = name.split('_').filter(Boolean)[0];
    if (
      first &&
      first.length >= 3 &&
      !/^(?:API|AUTH|APP|CLIENT|SECRET|TOKEN|ACCESS|PRIVATE|NEXT|PUBLIC|SERVICE|NODE|DATABASE|SESSION|ENCRYPTION|WEBHOOK|JWT|CO|XI|HF|OP|GEM|CARGO)$/.test(
        first,
      )
    )
      addWord(first, rule.provider);
  }
for (const [word, name] of [
  ['GH', 'GitHub'],
  ['GITHUB', 'GitHub'],
  ['GITLAB', 'GitLab'],
  ['AWS', 'AWS'],
  ['GCP', 'Google Cloud'],
  ['NEWRELIC', 'New Relic'],
  ['SENDGRID', 'SendGrid'],
  ['TWITTER', 'X (Twitter)'],
  ['MAILCHIMP', 'Mailchimp'],
  ['CONTRIBSYS', 'Sidekiq'],
  ['SUMO', 'Sumo Logic'],
  ['TRAVIS', 'Travis CI'],
  ['DRONE', 'Drone CI'],
  ['MERAKI', 'Cisco Meraki'],
  ['NYTIMES', 'New York Times'],
  ['FB', 'Facebook'],
  ['TWILIO', 'Twilio'],
] as const) {
  if (packs.some((p) => p.providers.some((i) => i.name === name))) addWord(word, name);
}
words.sort((a, b) => b.parts.length - a.parts.length || b.word.length - a.word.length);

/** The provider a variable's name is about (`herokuToken`, `CLOUDFLARE_API_TOKEN`), if it names one. */
const nameCache = new Map<string, string | undefined>();

/** Memoised: the same few names repeat thousands of times in big files. */
export function providerInName(key: string): string | undefined {
  if (nameCache.has(key)) return nameCache.get(key);
  if (nameCache.size > 10_000) nameCache.clear();
  const found = lookUpProvider(key);
  nameCache.set(key, found);
  return found;
}

function lookUpProvider(key: string): string | undefined {
  const parts = key.split('_').filter(Boolean);
  for (const w of words) {
    const limit = w.firstOnly ? 1 : parts.length - w.parts.length + 1;
    for (let i = 0; i < limit; i++) {
      if (w.parts.every((p, j) => parts[i + j] === p)) return w.provider;
    }
  }
  return undefined;
}

/** Prefixes too ordinary to name a provider on their own (`api-…`, `key-…`, `secret_…`, `pk_…`). */
const ORDINARY_PREFIX = /^(?:api-|key-|pat\.|sat\.|secret_|pk_|sl\.|sg\.|re_|md-|t1\.|hf_|r8_|a3-|ico-|begin )/;

/** Prefixes that name a provider's token (`ghp_`, `npm_`, `sk-proj-`), longest first. */
const prefixes: Array<{ prefix: string; rule: TokenRule }> = allRules
  .filter((r) => r.pattern && r.provider !== 'Unknown')
  .flatMap((r) =>
    r.keywords.filter((k) => k.length >= 3 && /[_\-.]$/.test(k) && /^[a-z]/.test(k) && !ORDINARY_PREFIX.test(k)).map((prefix) => ({ prefix, rule: r })),
  )
  .sort((a, b) => b.prefix.length - a.prefix.length);

/**
 * A secret found only by its name still says whose it is: by a provider's prefix that failed
 * the format check (a `ghp_` whose checksum is wrong) or by the provider named in the variable.
 * Never "unknown" when either names the provider.
 */
export function describeByNameOrPrefix(name: string, value: string): { rule?: TokenRule; refined: Refined } {
  const lower = value.toLowerCase();
  const byPrefix = prefixes.find((p) => lower.startsWith(p.prefix));
  if (byPrefix) {
    return {
      refined: {
        provider: byPrefix.rule.provider,
        title: `${byPrefix.rule.title} (not in its documented format: a test value, a typo or a newer format)`,
        scope: byPrefix.rule.scope,
        severity: byPrefix.rule.severity,
      },
    };
  }
  const providerName = providerInName(normalizeKey(name));
  if (!providerName) return { refined: {} };
  // `herokuToken = "<uuid>"`: the provider's documented shape under a name of our own choosing.
  const shaped = providerRuleShaped(providerName, value);
  if (shaped) return { rule: shaped, refined: {} };
  return {
    refined: {
      provider: providerName,
      title: `${providerName} credential`,
      scope: `A ${providerName} credential by its variable's name; the value's format does not tell which kind or what it may do: treat it as access to the ${providerName} account.`,
    },
  };
}

/** The provider's rule whose documented value shape this value has (Cloudflare's 37-hex global key under `CLOUDFLARE_TOKEN`). */
export function providerRuleShaped(providerName: string, value: string): TokenRule | undefined {
  // A shape alone never proves admin or write power (Algolia's search and admin keys look alike): only a name does.
  return allRules.find((r) => r.provider === providerName && r.valuePattern?.test(value) && !/\b(?:admin|write)\b/i.test(r.title));
}
