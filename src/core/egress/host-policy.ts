import { isIpLiteral, judgedProvider } from './providers';

/**
 * Which connections the sandbox proxy lets through, and how. Provider API hosts are listed on
 * no allow list: every connection to them comes here, so the gate sees which proxy side it
 * arrived on. Over HTTP CONNECT it is TLS-terminated and each request judged; over SOCKS it
 * would be an opaque tunnel nothing could judge, so it is refused. Every other host is
 * allowed and never decrypted (added to `excludeDomains`), except IP literals, which are
 * terminated so a provider reached by address is still judged by the name it carries.
 */
export type ProxySide = 'http' | 'socks' | 'unknown';

export type HostVerdict = { allow: true; terminate: boolean } | { allow: false; reason: string };

export function hostVerdict(host: string, port: number, side: ProxySide): HostVerdict {
  const provider = judgedProvider(host);
  if (provider) {
    if (side !== 'http')
      return {
        allow: false,
        reason: `Airlock: ${provider}'s API (${host}) is reachable only through the HTTPS proxy, where each request is checked; a raw tunnel to it is refused`,
      };
    if (port === 80) return { allow: false, reason: `Airlock: plain HTTP to ${provider}'s API (${host}) is refused; use https` };
    return { allow: true, terminate: true };
  }
  if (isIpLiteral(host)) {
    // A raw tunnel to an address on a web port could be a provider's API under another name.
    if (side !== 'http' && (port === 443 || port === 80))
      return { allow: false, reason: `Airlock: a raw tunnel to ${host}:${port} is refused; connect by name through the HTTPS proxy` };
    return { allow: true, terminate: true };
  }
  return { allow: true, terminate: false };
}

/**
 * Which side of the runtime's proxy is asking. The runtime's ask callback is given the host and
 * port only; the side shows in the synchronous call stack (its SOCKS and HTTP proxy modules, `.js`, or `.ts` where source maps are on).
 * When neither shows, the answer is `unknown`, which `hostVerdict` treats as not HTTP: a
 * provider is then refused rather than tunnelled unseen.
 */
export function proxySideOfStack(stack: string | undefined): ProxySide {
  if (!stack) return 'unknown';
  const socks = /socks-proxy\.[jt]s\b/.test(stack);
  const http = /http-proxy\.[jt]s\b/.test(stack);
  if (socks === http) return 'unknown';
  return socks ? 'socks' : 'http';
}

export function currentProxySide(): ProxySide {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  try {
    return proxySideOfStack(new Error().stack);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
