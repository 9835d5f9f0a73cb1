import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { TERRAFORM_KEYWORDS, TERRAFORM_TOOLS, terraformRun } from './shape';

export default defineRule({
  id: 'terraform.state-edit',
  resource: 'the Terraform state that records what the configuration manages',
  severity: 'high',
  decision: 'ask',
  reason:
    'Changes Terraform state by hand: removed entries leave real resources unmanaged (a later apply may recreate or orphan them), a pushed state overwrites the remote one, a forced unlock can corrupt a run in progress.',
  suggestion: 'Back up the state first (`terraform state pull > backup.tfstate`); prefer `moved`/`removed` blocks reviewed in a plan.',
  keywords: TERRAFORM_KEYWORDS,
  tools: TERRAFORM_TOOLS,
  match: (command) => {
    const run = terraformRun(command);
    if (!run) return undefined;
    const [first, second] = run.words;
    if (first === 'force-unlock') return { resource: 'the lock that protects a Terraform run in progress' };
    if (first !== 'state') return undefined;
    if (second === 'rm') return {};
    if (second === 'push') return hasOption(run.args, '-force', '--force') ? { severity: 'critical' } : {};
    return undefined;
  },
  examples: {
    match: [
      { line: 'terraform state rm aws_db_instance.main', decision: 'ask' },
      'terraform state push terraform.tfstate',
      { line: 'terraform state push -force old.tfstate', decision: 'ask' },
      'tofu force-unlock 6638b7a1',
    ],
    noMatch: [
      { line: 'terraform state list', decision: 'allow' },
      { line: 'terraform state show aws_db_instance.main', decision: 'allow' },
      'terraform state pull',
      'terraform state mv a b',
      'terraform state rm -help',
    ],
  },
});
