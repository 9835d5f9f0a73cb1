import { EnvHttpProxyAgent } from 'undici';

/**
 * undici's EnvHttpProxyAgent: HTTPS_PROXY, HTTP_PROXY and NO_PROXY, credentials in the proxy URL
 * included. From undici's entry, not its agent file alone: the entry adds the request methods
 * (`connect` for the tunnel) the agent uses. Bundled into a file of its own that the preload
 * loads on the first fetch, so Node programs that never fetch do not parse it.
 */

export function createProxyAgent(): unknown {
  return new EnvHttpProxyAgent();
}
