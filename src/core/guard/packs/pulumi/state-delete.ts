import { defineRule } from '../../rule';
import { PULUMI_KEYWORDS, PULUMI_TOOLS, pulumiPath } from './shape';

export default defineRule({
  id: 'pulumi.state-delete',
  resource: 'entries of the Pulumi state',
  severity: 'high',
  decision: 'ask',
  reason: "Deletes resources from Pulumi's state by hand: the real resources stay but nothing manages them, and a later update may recreate them.",
  suggestion: 'Export the state first (`pulumi stack export --file backup.json`).',
  keywords: PULUMI_KEYWORDS,
  tools: PULUMI_TOOLS,
  match: (command) => (pulumiPath(command, ['state', ['delete', 'unprotect']]) ? {} : undefined),
  examples: {
    match: ["pulumi state delete 'urn:pulumi:prod::app::aws:rds/instance:Instance::db'", 'pulumi state delete --all', 'pulumi state unprotect urn:x'],
    noMatch: ['pulumi stack export', 'pulumi state rename urn:x new', 'pulumi state --help'],
  },
});
