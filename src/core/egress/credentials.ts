/**
 * The credentials a request actually carries: what authorises it is what decides which
 * environment it acts on, whatever file or variable the agent took it from.
 */
export interface SentCredential {
  /** Where in the request: `Authorization: Bearer`, `X-Api-Key`, `?access_token`... */
  place: string;
  value: string;
}

/** Headers that carry a provider token on their own (Railway, Supabase, Cloudflare, Netlify, Heroku...). */
const TOKEN_HEADERS = [
  'x-api-key',
  'apikey',
  'api-key',
  'project-access-token',
  'team-access-token',
  'x-auth-token',
  'x-auth-key',
  'x-goog-api-key',
  'private-token',
  'x-api-token',
  'x-amz-security-token',
];
const TOKEN_PARAMS = ['access_token', 'api_key', 'apikey', 'token', 'key', 'X-Amz-Credential'];

export function sentCredentials(headers: Record<string, string>, url: string): SentCredential[] {
  const out: SentCredential[] = [];
  const auth = headers.authorization;
  if (auth) {
    const m = /^(Bearer|Token|token|Bot|Basic|AWS4-HMAC-SHA256)\s+(.+)$/i.exec(auth.trim());
    if (m) {
      const scheme = m[1]!;
      if (/^basic$/i.test(scheme)) {
        const decoded = Buffer.from(m[2]!, 'base64').toString('utf8');
        for (const part of decoded.split(':')) if (part.length >= 8) out.push({ place: 'basic auth in the Authorization header', value: part });
      } else if (/^aws4/i.test(scheme)) {
        const akid = /Credential=([A-Z0-9]{16,128})\//.exec(m[2]!)?.[1];
        if (akid) out.push({ place: 'AWS signature (access key id)', value: akid });
      } else out.push({ place: `${scheme.toLowerCase()} token in the Authorization header`, value: m[2]!.trim() });
    } else if (auth.trim().length >= 8) out.push({ place: 'the Authorization header', value: auth.trim() });
  }
  for (const name of TOKEN_HEADERS) {
    const value = headers[name];
    if (value && value.trim().length >= 8) out.push({ place: `${name} header`, value: value.trim() });
  }
  try {
    const params = new URL(url).searchParams;
    for (const name of TOKEN_PARAMS) {
      const value = params.get(name);
      if (!value || value.length < 8) continue;
      const akid = name === 'X-Amz-Credential' ? value.split('/')[0] : value;
      if (akid) out.push({ place: `?${name}`, value: akid });
    }
  } catch {
    /* no query to read */
  }
  return out;
}
