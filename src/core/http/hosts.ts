/**
 * Where a request goes: the host of a URL as curl, wget and httpie would read it, whether that
 * host is this machine, and which provider API it belongs to.
 */

/** Hosts of provider APIs whose tokens can destroy infrastructure, by registered domain. */
const PROVIDER_DOMAINS: Array<[suffix: string, provider: string]> = [
  ['railway.app', 'Railway'],
  ['railway.com', 'Railway'],
  ['fly.io', 'Fly.io'],
  ['machines.dev', 'Fly.io'],
  ['heroku.com', 'Heroku'],
  ['vercel.com', 'Vercel'],
  ['netlify.com', 'Netlify'],
  ['supabase.co', 'Supabase'],
  ['supabase.com', 'Supabase'],
  ['neon.tech', 'Neon'],
  ['planetscale.com', 'PlanetScale'],
  ['psdb.cloud', 'PlanetScale'],
  ['digitalocean.com', 'DigitalOcean'],
  ['cloudflare.com', 'Cloudflare'],
  ['amazonaws.com', 'AWS'],
  ['googleapis.com', 'Google Cloud'],
  ['azure.com', 'Azure'],
  ['windows.net', 'Azure'],
  ['azure.net', 'Azure'],
  ['github.com', 'GitHub'],
  ['githubusercontent.com', 'GitHub'],
  ['gitlab.com', 'GitLab'],
  ['stripe.com', 'Stripe'],
  ['render.com', 'Render'],
  ['mongodb.com', 'MongoDB Atlas'],
  ['firebaseio.com', 'Firebase'],
  ['linode.com', 'Linode'],
  ['hetzner.cloud', 'Hetzner'],
  ['vultr.com', 'Vultr'],
  ['upstash.com', 'Upstash'],
  ['turso.tech', 'Turso'],
  ['convex.dev', 'Convex'],
  ['auth0.com', 'Auth0'],
  ['okta.com', 'Okta'],
  ['twilio.com', 'Twilio'],
  ['sendgrid.com', 'SendGrid'],
  ['datadoghq.com', 'Datadog'],
  ['sentry.io', 'Sentry'],
  ['pagerduty.com', 'PagerDuty'],
  ['shopify.com', 'Shopify'],
  ['linear.app', 'Linear'],
];

export interface UrlTarget {
  /** Lower-cased host name, or undefined when it cannot be known (a `$VAR`, a bad URL). */
  host?: string;
  path: string;
}

/** Reads `https://h/p`, `h/p` (curl and wget default to http), `:3000/p` (httpie's localhost shorthand). */
export function urlTarget(raw: string): UrlTarget {
  let url = raw.trim();
  if (/^:\d*(\/|$)/.test(url)) url = `http://localhost${url}`;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) url = `http://${url}`;
  if (/\$\{?[A-Za-z_]/.test(url.split('/').slice(0, 3).join('/'))) return { path: pathOf(url) };
  try {
    const parsed = new URL(url);
    return { host: parsed.hostname.toLowerCase().replace(/^\[|\]$/g, ''), path: parsed.pathname + parsed.search };
  } catch {
    return { path: pathOf(url) };
  }
}

function pathOf(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(url);
  return m?.[1] ?? '/';
}

export function isLoopback(host: string | undefined): boolean {
  if (!host) return false;
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '::1' ||
    host === '0.0.0.0' ||
    host === '0:0:0:0:0:0:0:1'
  );
}

/** The provider API domains above, for the egress gate's list of hosts it decrypts. */
export function providerDomains(): ReadonlyArray<readonly [suffix: string, provider: string]> {
  return PROVIDER_DOMAINS;
}

export function providerOf(host: string | undefined): string | undefined {
  if (!host) return undefined;
  for (const [suffix, provider] of PROVIDER_DOMAINS) if (host === suffix || host.endsWith(`.${suffix}`)) return provider;
  return undefined;
}

/** A URL that looks like it takes GraphQL: `/graphql`, `/graphql/v2`, `/v1/graphql`, `/gql`. */
export function isGraphqlPath(path: string): boolean {
  return /\/(graphql|gql)(\/|\?|$|\.)/i.test(path) || /\/graphql/i.test(path.split('?')[0]!);
}

/** True for a word that curl, wget or httpie would take as a URL. */
export function looksLikeUrl(word: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(word) || /^:\d*(\/|$)/.test(word) || /^(localhost|\$\{?\w+\}?|[\w-]+(\.[\w-]+)+|\[[0-9a-f:]+\])(:\d+)?(\/|$|\?)/i.test(word)
  );
}
