import { definePack } from '../../rule';
import applyUnattended from './apply-unattended';
import destroy from './destroy';
import replace from './replace';
import stateEdit from './state-edit';
import workspaceDelete from './workspace-delete';

export default definePack({
  id: 'terraform',
  name: 'Terraform / OpenTofu / Terragrunt',
  description: 'terraform, tofu and terragrunt: destroy, apply -destroy, unattended apply, state surgery, workspace deletion.',
  helpSubcommand: ['terraform', 'tofu'],
  rules: [destroy, applyUnattended, stateEdit, workspaceDelete, replace],
});
