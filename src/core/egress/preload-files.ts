/** The Node preload `airlock run` gives sandboxed commands (NODE_OPTIONS=--require), built by esbuild.mjs. */
export const EGRESS_PRELOAD_FILE = 'egress-preload.js';

/** The proxy agent the preload loads from beside itself on the first fetch. */
export const EGRESS_PROXY_AGENT_FILE = 'egress-proxy-agent.js';

/** Both ship beside the CLI bundle, and are copied with it into launcher storage. */
export const EGRESS_PRELOAD_FILES = [EGRESS_PRELOAD_FILE, EGRESS_PROXY_AGENT_FILE] as const;
