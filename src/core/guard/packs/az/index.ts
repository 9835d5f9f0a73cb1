import { definePack } from '../../rule';
import azcopyDelete from './azcopy-delete';
import completeDeployment from './complete-deployment';
import deleteOperation from './delete-operation';
import groupDelete from './group-delete';
import lockDelete from './lock-delete';
import vaultPurge from './vault-purge';

export default definePack({
  id: 'az',
  name: 'Azure CLI',
  description: 'az: deleting resource groups and resources, purging Key Vault items, Complete-mode deployments.',
  helpSubcommand: ['az'],
  packages: { '@azure/static-web-apps-cli': 'swa' },
  rules: [groupDelete, vaultPurge, completeDeployment, deleteOperation, lockDelete, azcopyDelete],
});
