import { defineRule } from '../../rule';
import { AZ_KEYWORDS, AZ_TOOLS, azVerbPath } from './shape';

export default defineRule({
  id: 'az.group-delete',
  resource: 'an Azure resource group and every resource in it',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes an Azure resource group and every resource in it: VMs, databases, storage accounts, key vaults.',
  suggestion:
    'List what is in it first (`az resource list -g GROUP -o table`) and put a delete lock on groups that must stay (`az lock create --lock-type CanNotDelete`).',
  keywords: AZ_KEYWORDS,
  tools: AZ_TOOLS,
  match: (command) => (azVerbPath(command, ['delete'])?.join(' ') === 'group delete' ? {} : undefined),
  examples: {
    match: [
      { line: 'az group delete --name prod-rg --yes', decision: 'ask' },
      { line: 'az group delete -n prod-rg -y --no-wait', decision: 'ask' },
      'az group delete -g rg',
    ],
    noMatch: ['az group list', 'az group show -n prod-rg', 'az group create -n rg -l westeurope', { line: 'az group delete --help', decision: 'allow' }],
  },
});
