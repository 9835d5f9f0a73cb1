import { definePack } from '../../rule';
import destroy from './destroy';
import envRemove from './env-remove';
import stackRemove from './stack-remove';
import stateDelete from './state-delete';
import upUnattended from './up-unattended';

export default definePack({
  id: 'pulumi',
  name: 'Pulumi',
  description: 'pulumi: destroy, stack rm, state delete, and unattended updates.',
  helpSubcommand: ['pulumi'],
  packages: { '@pulumi/pulumi': 'pulumi' },
  rules: [destroy, stackRemove, stateDelete, upUnattended, envRemove],
});
