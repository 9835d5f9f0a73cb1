import { defineRule } from '../../rule';
import groupDelete from './group-delete';
import lockDelete from './lock-delete';
import { AZ_KEYWORDS, AZ_TOOLS, azVerbPath } from './shape';

/** Rules of this pack that explain their commands better: when one matches, this one stays quiet. */
const SPECIFIC = [groupDelete, lockDelete];

export default defineRule({
  id: 'az.delete-operation',
  resource: 'the Azure resource the command names',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes an Azure resource (a VM, disk, database, storage account or container, web app...); most cannot be brought back.',
  suggestion: 'Check the subscription and resource first (`az account show`, the matching `show`), and take a backup or snapshot of its data.',
  keywords: AZ_KEYWORDS,
  tools: AZ_TOOLS,
  match: (command, context) => {
    const path = azVerbPath(command, ['delete', 'delete-batch']);
    if (!path || SPECIFIC.some((rule) => rule.match(command, context))) return undefined;
    const group = path.slice(0, -1).join(' ');
    const wholesale = path.at(-1) === 'delete-batch' || /^(storage account|sql (server|db)|cosmosdb|postgres|mysql)/.test(group);
    return { resource: `an Azure ${group}`, severity: wholesale ? 'critical' : 'high' };
  },
  examples: {
    match: [
      { line: 'az vm delete -g rg -n web-1 --yes', decision: 'ask' },
      'az storage account delete -n prodstore -g rg',
      { line: 'az storage blob delete-batch --source uploads --account-name prodstore', decision: 'ask' },
      'az sql db delete -g rg -s server -n app',
      'az webapp delete -g rg -n site',
      'az aks delete -g rg -n cluster',
    ],
    noMatch: [
      'az vm list',
      'az vm show -g rg -n web-1',
      'az storage blob list --container-name c',
      { line: 'az login', decision: 'allow' },
      'az vm delete --help',
      'az group delete -n rg',
      'az lock delete --name keep -g rg',
    ],
  },
});
