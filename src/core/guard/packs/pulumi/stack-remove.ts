import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { PULUMI_KEYWORDS, PULUMI_TOOLS, pulumiPath } from './shape';

export default defineRule({
  id: 'pulumi.stack-remove',
  resource: 'a Pulumi stack with its state, configuration and history',
  severity: 'high',
  decision: 'ask',
  reason:
    'Removes a Pulumi stack with its configuration and deployment history; with --force, even while it still manages real resources, which are then orphaned.',
  suggestion: 'Export its state first (`pulumi stack export --file backup.json`).',
  keywords: PULUMI_KEYWORDS,
  tools: PULUMI_TOOLS,
  match: (command) => {
    if (!pulumiPath(command, ['stack', ['rm', 'remove']])) return undefined;
    return hasOption(command.argv, '--force', '-f') ? { severity: 'critical' } : {};
  },
  examples: {
    match: ['pulumi stack rm dev', { line: 'pulumi stack rm prod --force --yes', decision: 'ask' }],
    noMatch: [
      'pulumi stack ls',
      { line: 'pulumi stack select prod', decision: 'allow' },
      'pulumi stack export --file s.json',
      { line: 'pulumi stack init dev', decision: 'allow' },
    ],
  },
});
