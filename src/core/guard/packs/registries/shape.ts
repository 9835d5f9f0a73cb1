/** How the package managers read `npm|pnpm|yarn [npm] COMMAND ...`, for the registry rules. */
import { asksForHelp, hasOption, readings } from '../../../argv';
import type { SimpleCommand } from '../../../shell/command';

export const REGISTRY_TOOLS = ['npm', 'pnpm', 'yarn', 'cargo', 'gem'];
const VALUED = [
  '--registry',
  '--otp',
  '--scope',
  '-w',
  '--workspace',
  '--userconfig',
  '--prefix',
  '-C',
  '--dir',
  '--filter',
  '-F',
  '--loglevel',
  '--tag',
  '--access',
  '--cwd',
  '--index',
  '--token',
  '--host',
  '--key',
  '-k',
  '--version',
  '-v',
];

/**
 * The command words of a registry call, `yarn npm …` read as `npm …` (Yarn 2+ puts its registry
 * commands there); none for help or a dry run, which change nothing.
 */
export function registryWords(command: SimpleCommand): string[][] {
  const args = command.argv.slice(1);
  if (asksForHelp(args, VALUED) || hasOption(args, '--dry-run')) return [];
  return readings(args, VALUED).map((words) => (command.argv[0] === 'yarn' && words[0] === 'npm' ? words.slice(1) : words));
}
