import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { PULUMI_KEYWORDS, PULUMI_TOOLS, pulumiPath } from './shape';

export default defineRule({
  id: 'pulumi.destroy',
  resource: 'every resource in the Pulumi stack',
  severity: 'critical',
  decision: 'ask',
  reason: 'Destroys every resource in the selected Pulumi stack (databases and buckets included); with --remove the stack and its history go too.',
  suggestion: 'Preview it first (`pulumi destroy --preview-only`) and check the stack (`pulumi stack --show-name`).',
  keywords: PULUMI_KEYWORDS,
  tools: PULUMI_TOOLS,
  match: (command) => {
    if (!pulumiPath(command, [['destroy', 'down']])) return undefined;
    return hasOption(command.argv, '--preview-only') ? undefined : {};
  },
  examples: {
    match: [
      { line: 'pulumi destroy', decision: 'ask' },
      { line: 'pulumi destroy --yes --stack prod', decision: 'ask' },
      { line: 'pulumi down -y', decision: 'ask' },
      'pulumi destroy -s org/app/prod --remove',
    ],
    noMatch: ['pulumi destroy --preview-only', 'pulumi preview', 'pulumi up --help', 'pulumi stack ls', { line: 'pulumi destroy --help', decision: 'allow' }],
  },
});
