import { definePack } from '../../rule';
import doppler from './doppler';
import onepassword from './onepassword';
import runDestructive from './run-destructive';
import vault from './vault';

export default definePack({
  id: 'secrets',
  name: 'Secret managers',
  description: 'HashiCorp Vault, 1Password (op) and Doppler: deleting or revoking secrets, vaults, configs and projects; commands run with their secrets.',
  helpSubcommand: ['vault', 'op', 'doppler'],
  rules: [vault, onepassword, doppler, runDestructive],
});
