import { defineRule } from '../../rule';
import { AZ_KEYWORDS, AZ_TOOLS, azVerbPath } from './shape';

export default defineRule({
  id: 'az.lock-delete',
  resource: 'a delete lock that protects Azure resources',
  severity: 'high',
  decision: 'ask',
  reason: 'Removes an Azure resource lock: what it protected (often a production resource group) can then be deleted.',
  suggestion: 'Leave the lock unless a person has decided to delete what it protects.',
  keywords: AZ_KEYWORDS,
  tools: AZ_TOOLS,
  match: (command) => (azVerbPath(command, ['delete'])?.join(' ') === 'lock delete' ? {} : undefined),
  examples: {
    match: ['az lock delete --name keep -g prod-rg', 'az lock delete --ids /subscriptions/1/resourceGroups/rg/providers/Microsoft.Authorization/locks/keep'],
    noMatch: [{ line: 'az lock list -g prod-rg', decision: 'allow' }, 'az lock create --name keep --lock-type CanNotDelete -g prod-rg'],
  },
});
