/** How the PlanetScale CLI (`pscale`) reads its arguments. */
export const PSCALE_TOOLS = ['pscale'];
export const PSCALE_KEYWORDS = ['pscale'];
export const PSCALE_VALUED = ['--org', '--api-token', '--api-url', '--config', '-f', '--format', '--service-token', '--service-token-id', '--region', '--from'];
export const PSCALE_DELETE = ['delete', 'remove', 'rm'];
