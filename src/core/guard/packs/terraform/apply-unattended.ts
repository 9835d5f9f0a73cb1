import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { TERRAFORM_KEYWORDS, TERRAFORM_TOOLS, terraformRun } from './shape';

/**
 * A plain `terraform apply` shows the plan and waits for "yes"; with -auto-approve nobody sees
 * the plan, and any replacement or removal in it happens at once.
 */
export default defineRule({
  id: 'terraform.apply-unattended',
  resource: 'resources the plan replaces or removes',
  severity: 'high',
  decision: 'ask',
  reason:
    'Applies Terraform changes without showing the plan to anyone: resources it replaces or removes (a database forced to be recreated) are destroyed at once.',
  suggestion: 'Save and read the plan first (`terraform plan -out tfplan`, then `terraform apply tfplan`).',
  keywords: TERRAFORM_KEYWORDS,
  tools: TERRAFORM_TOOLS,
  match: (command) => {
    const run = terraformRun(command);
    if (!run || run.words[0] !== 'apply' || hasOption(run.args, '-destroy', '--destroy')) return undefined;
    return run.unattended ? {} : undefined;
  },
  examples: {
    match: [
      { line: 'terraform apply -auto-approve', decision: 'ask' },
      { line: 'tofu apply -auto-approve -var-file prod.tfvars', decision: 'ask' },
      { line: 'terragrunt apply-all', decision: 'ask' },
      { line: 'terragrunt run-all apply --terragrunt-non-interactive', decision: 'ask' },
      'terraform apply --auto-approve',
      'TF_CLI_ARGS_apply=-auto-approve terraform apply',
    ],
    noMatch: ['terraform apply', 'terraform apply tfplan', 'terraform plan -out tfplan', 'terraform apply -auto-approve -help', 'terragrunt run-all plan'],
  },
});
