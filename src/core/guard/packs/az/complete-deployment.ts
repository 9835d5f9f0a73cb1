import { optionValue } from '../../../argv';
import { defineRule } from '../../rule';
import { AZ_KEYWORDS, AZ_TOOLS, azVerbPath } from './shape';

export default defineRule({
  id: 'az.complete-deployment',
  resource: 'every resource in the group that the template does not list',
  severity: 'high',
  decision: 'ask',
  reason: 'A deployment in Complete mode deletes every resource in the resource group that the template does not mention.',
  suggestion: 'Preview it with `az deployment group what-if`, or deploy in Incremental mode (the default).',
  keywords: AZ_KEYWORDS,
  tools: AZ_TOOLS,
  match: (command) => {
    const path = azVerbPath(command, ['create'])?.join(' ');
    if (path !== 'deployment group create' && path !== 'group deployment create') return undefined;
    return optionValue(command.argv, '--mode')?.toLowerCase() === 'complete' ? {} : undefined;
  },
  examples: {
    match: [
      { line: 'az deployment group create -g rg --template-file main.bicep --mode Complete', decision: 'ask' },
      'az group deployment create -g rg --template-file t.json --mode complete',
    ],
    noMatch: [
      { line: 'az deployment group create -g rg --template-file main.bicep', decision: 'allow' },
      { line: 'az deployment group what-if -g rg --template-file main.bicep --mode Complete', decision: 'allow' },
      'az deployment group create -g rg --mode Incremental --template-file t.json',
    ],
  },
});
