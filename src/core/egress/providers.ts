import { isIP } from 'node:net';
import { providerDomains, providerOf } from '../http/hosts';

/**
 * The hosts whose HTTPS the egress gate decrypts and judges: the provider APIs the packs know
 * (src/core/http/hosts.ts), each as the domain and every name under it. Everything else is
 * tunnelled opaquely and never decrypted.
 *
 * GitHub is narrowed to its API hosts: `github.com` itself carries git's own traffic (clones,
 * pushes), which the text gate judges by command, and raw downloads are not API calls.
 */
const NARROWED: Record<string, string[]> = {
  'github.com': ['api.github.com', 'uploads.github.com'],
  'githubusercontent.com': [],
};

export function providerHostPatterns(): string[] {
  const patterns: string[] = [];
  for (const [suffix] of providerDomains()) {
    const narrowed = NARROWED[suffix];
    if (narrowed) patterns.push(...narrowed);
    else patterns.push(suffix, `*.${suffix}`);
  }
  return [...new Set(patterns)];
}

/** The provider a host's API belongs to, on the narrowed list the gate decrypts; undefined for any other host. */
export function judgedProvider(host: string): string | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h === 'github.com' || h.endsWith('.githubusercontent.com') || h === 'githubusercontent.com') return undefined;
  if (h.endsWith('.github.com') && h !== 'api.github.com' && h !== 'uploads.github.com') return undefined;
  return providerOf(h);
}

/**
 * An IP literal is decrypted too: a client that dials a provider's address directly, with the
 * provider's name only in its Host header or server name (`curl -k --resolve`, `--connect-to`),
 * must not slip past as an opaque tunnel. Its requests are judged by the name they carry.
 */
export function isIpLiteral(host: string): boolean {
  return isIP(host.replace(/^\[|\]$/g, '')) !== 0;
}
