// Terraform, OpenTofu and Terragrunt: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'terraform destroy -target=aws_db_instance.main -auto-approve', 'terraform.destroy'],
  ['ask', 'terraform -chdir=infra/prod destroy', 'terraform.destroy'],
  ['ask', 'cd infra && terraform destroy -auto-approve', 'terraform.destroy'],
  ['ask', 'T=terraform; $T destroy', 'terraform.destroy'],
  ['ask', 'sudo terraform destroy', 'terraform.destroy'],
  ['ask', 'timeout 600 terraform destroy -auto-approve', 'terraform.destroy'],
  ['ask', 'env TF_WORKSPACE=prod terraform destroy', 'terraform.destroy'],
  ['ask', "bash -c 'terraform destroy -auto-approve'", 'terraform.destroy'],
  ['ask', '/usr/local/bin/terraform destroy', 'terraform.destroy'],
  ['ask', 'terraform force-unlock 6638b7a1', 'terraform.state-edit'],
  ['allow', 'terraform init'],
  ['allow', 'terraform plan -destroy'],
  ['allow', 'terraform plan -destroy -out destroy.tfplan'],
  ['allow', 'terraform validate'],
  ['allow', 'terraform fmt -recursive'],
  ['allow', 'terraform output -json'],
  ['allow', 'terraform show'],
  ['allow', 'terraform state pull'],
  ['allow', 'terraform apply'],
  ['allow', 'terraform apply tfplan'],
  ['allow', 'terragrunt run-all plan'],
  ['allow', 'tofu plan'],
  ['allow', 'echo "terraform destroy"'],
  ['allow', 'git commit -m "stop running terraform destroy"'],
] satisfies Corpus;
