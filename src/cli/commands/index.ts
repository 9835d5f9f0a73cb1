import type { CliCommand } from '../io';

/**
 * Every `airlock` subcommand, in the order `airlock --help` lists them. Each feature adds its
 * command here. Commands are loaded lazily so a hook call never pays for the others' code.
 */
export const commands: Array<{ name: string; summary: string; load: () => Promise<CliCommand> }> = [
  { name: 'log', summary: 'print or verify the workspace activity log', load: async () => (await import('./log.js')).logCommand },
  { name: 'env', summary: 'show the workspace\'s environments and the resources they share', load: async () => (await import('./env.js')).envCommand },
];
