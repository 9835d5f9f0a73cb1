/** How the PlanetScale CLI (`pscale`) reads its arguments. */
export const PSCALE_TOOLS = ['pscale'];
/** `npx @planetscale/cli` names the company, not the binary. */
export const PSCALE_KEYWORDS = ['pscale', 'planetscale'];
export const PSCALE_VALUED = ['--org', '--api-token', '--api-url', '--config', '-f', '--format', '--service-token', '--service-token-id', '--region', '--from'];
export const PSCALE_DELETE = ['delete', 'remove', 'rm'];
