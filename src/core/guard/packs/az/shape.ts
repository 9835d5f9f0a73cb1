import type { SimpleCommand } from '../../../shell/command';
import { matchLeadingVerb } from '../cli-words';

/** How the Azure CLI reads its arguments: `az GROUP... COMMAND [--flags]`. */
export const AZ_TOOLS = ['az'];
export const AZ_KEYWORDS = ['az'];
const AZ_VALUED = [
  '-n',
  '--name',
  '-g',
  '--resource-group',
  '--subscription',
  '-o',
  '--output',
  '--query',
  '-l',
  '--location',
  '--ids',
  '--vault-name',
  '--account-name',
  '--container-name',
  '-s',
  '--server',
  '--mode',
  '--template-file',
];

/** The command words up to the first of `verbs`, e.g. ['group', 'delete']. */
export function azVerbPath(command: SimpleCommand, verbs: readonly string[]): string[] | undefined {
  return matchLeadingVerb(command, AZ_VALUED, verbs, { maxDepth: 6 });
}
