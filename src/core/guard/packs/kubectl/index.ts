import { definePack } from '../../rule';
import deleteResources from './delete';
import deleteAll from './delete-all';
import deleteNamespace from './delete-namespace';
import deleteStorage from './delete-storage';
import drain from './drain';
import execDestructive from './exec-destructive';
import recreate from './recreate';
import scaleToZero from './scale-to-zero';

export default definePack({
  id: 'kubectl',
  name: 'Kubernetes (kubectl)',
  description: 'kubectl and oc: deleting namespaces, volumes and resources, drain, scale to zero, apply --prune, replace --force, destructive exec.',
  helpSubcommand: ['kubectl'],
  rules: [deleteNamespace, deleteStorage, deleteAll, deleteResources, drain, scaleToZero, recreate, execDestructive],
});
