/**
 * undici's EnvHttpProxyAgent (HTTPS_PROXY, HTTP_PROXY and NO_PROXY, credentials in the proxy URL
 * included), bundled into a file of its own that the preload loads on the first fetch. Only the
 * agent and the request methods it tunnels with (`connect`), which undici's entry would add to
 * every dispatcher: its whole entry (its own fetch, WebSocket, caches) took 70–130 ms to load on
 * this machine, these 25–55 ms. test/unit/egress/node-preload.test.ts checks the tunnel works.
 */
const Dispatcher = require('undici/lib/dispatcher/dispatcher') as { prototype: object };
const api = require('undici/lib/api') as object;
const EnvHttpProxyAgent = require('undici/lib/dispatcher/env-http-proxy-agent') as new () => unknown;

Object.assign(Dispatcher.prototype, api);

export function createProxyAgent(): unknown {
  return new EnvHttpProxyAgent();
}
