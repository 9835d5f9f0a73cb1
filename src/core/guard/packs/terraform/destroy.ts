import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { TERRAFORM_KEYWORDS, TERRAFORM_TOOLS, terraformRun } from './shape';

export default defineRule({
  id: 'terraform.destroy',
  resource: 'every resource the configuration manages (or the -target ones): databases, buckets, clusters',
  severity: 'critical',
  decision: 'ask',
  reason: 'Destroys the infrastructure this Terraform configuration manages in the selected workspace: databases, buckets and clusters included.',
  suggestion: 'See what it would destroy first with `terraform plan -destroy`, and check the workspace (`terraform workspace show`).',
  keywords: TERRAFORM_KEYWORDS,
  tools: TERRAFORM_TOOLS,
  match: (command) => {
    const run = terraformRun(command);
    if (!run) return undefined;
    const destroys = run.words[0] === 'destroy' || (run.words[0] === 'apply' && hasOption(run.args, '-destroy', '--destroy'));
    if (!destroys) return undefined;
    return run.allModules
      ? {
          resource: 'the infrastructure of every Terragrunt module below this folder',
          reason: 'Destroys the infrastructure of every Terragrunt module below this folder.',
        }
      : {};
  },
  examples: {
    match: [
      { line: 'terraform destroy', decision: 'ask' },
      { line: 'terraform destroy -auto-approve', decision: 'ask' },
      'terraform -chdir=infra/prod destroy -target=aws_db_instance.main',
      { line: 'terraform apply -destroy -auto-approve', decision: 'ask' },
      { line: 'tofu destroy', decision: 'ask' },
      { line: 'terragrunt destroy', decision: 'ask' },
      { line: 'terragrunt run-all destroy', decision: 'ask' },
      { line: 'terragrunt run --all -- destroy', decision: 'ask' },
      'terragrunt run -- apply -destroy -auto-approve',
      'terragrunt destroy-all',
      'TF_CLI_ARGS=-destroy terraform apply',
    ],
    noMatch: [
      'terraform plan -destroy',
      { line: 'terraform plan', decision: 'allow' },
      { line: 'terraform destroy -help', decision: 'allow' },
      { line: 'terraform destroy --help', decision: 'allow' },
      'terraform output',
      'terragrunt run-all plan',
      'tofu apply',
    ],
  },
});
