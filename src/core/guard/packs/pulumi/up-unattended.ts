import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { PULUMI_KEYWORDS, PULUMI_TOOLS, pulumiPath } from './shape';

export default defineRule({
  id: 'pulumi.up-unattended',
  resource: 'resources the update replaces or deletes',
  severity: 'high',
  decision: 'ask',
  reason:
    'Runs `pulumi up` without anyone seeing the preview (--yes, --skip-preview or PULUMI_SKIP_CONFIRMATIONS): resources it replaces or deletes are destroyed at once.',
  suggestion: 'Run `pulumi preview` first and read it, then `pulumi up` interactively.',
  keywords: PULUMI_KEYWORDS,
  tools: PULUMI_TOOLS,
  match: (command) => {
    if (!pulumiPath(command, [['up', 'update']])) return undefined;
    const skipped = /^(1|true)$/i.test(command.assignments.PULUMI_SKIP_CONFIRMATIONS ?? '');
    return skipped || hasOption(command.argv, '--yes', '-y', '--skip-preview', '-f') ? {} : undefined;
  },
  examples: {
    match: [
      { line: 'pulumi up --yes', decision: 'ask' },
      { line: 'pulumi up -y --stack prod', decision: 'ask' },
      'pulumi update --skip-preview',
      'PULUMI_SKIP_CONFIRMATIONS=true pulumi up',
    ],
    noMatch: ['pulumi up', 'pulumi preview', 'pulumi up --help', 'pulumi config set region eu'],
  },
});
