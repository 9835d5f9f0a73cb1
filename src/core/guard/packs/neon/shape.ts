/** How the Neon CLI reads its arguments; it installs as both `neon` and `neonctl`. */
export const NEON_TOOLS = ['neon', 'neonctl'];
/** `npx @neondatabase/cli` names neither binary. */
export const NEON_KEYWORDS = ['neon', 'neonctl', 'neondatabase'];
export const NEON_VALUED = [
  '--api-key',
  '--project-id',
  '--branch',
  '--org-id',
  '-o',
  '--output',
  '--context-file',
  '--config-dir',
  '--api-host',
  '--parent',
  '--name',
  '--source',
  '--database-name',
  '--role-name',
];
export const NEON_DELETE = ['delete', 'remove', 'rm'];
