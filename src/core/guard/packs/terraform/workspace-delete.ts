import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { TERRAFORM_KEYWORDS, TERRAFORM_TOOLS, terraformRun } from './shape';

export default defineRule({
  id: 'terraform.workspace-delete',
  resource: 'a Terraform workspace and its state',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes a Terraform workspace and its state; with -force even while it still tracks real resources, which then nobody manages.',
  suggestion: 'Destroy or move its resources deliberately first, and keep a copy of its state (`terraform state pull`).',
  keywords: TERRAFORM_KEYWORDS,
  tools: TERRAFORM_TOOLS,
  match: (command) => {
    const run = terraformRun(command);
    if (!run || run.words[0] !== 'workspace' || run.words[1] !== 'delete') return undefined;
    return hasOption(run.args, '-force', '--force') ? { severity: 'critical' } : {};
  },
  examples: {
    match: [{ line: 'terraform workspace delete staging', decision: 'ask' }, 'terraform workspace delete -force prod', 'tofu workspace delete pr-12'],
    noMatch: [
      { line: 'terraform workspace list', decision: 'allow' },
      { line: 'terraform workspace select prod', decision: 'allow' },
      'terraform workspace new pr-12',
      'terraform workspace show',
    ],
  },
});
