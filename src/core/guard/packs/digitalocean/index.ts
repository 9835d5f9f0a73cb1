import { definePack } from '../../rule';
import databaseDelete from './database-delete';
import kubernetesDelete from './kubernetes-delete';
import resourceDelete from './resource-delete';
import volumeDelete from './volume-delete';

export default definePack({
  id: 'digitalocean',
  name: 'DigitalOcean',
  description: 'doctl: deleting databases, volumes, Kubernetes clusters, droplets, apps and every other resource.',
  helpSubcommand: ['doctl'],
  rules: [databaseDelete, volumeDelete, kubernetesDelete, resourceDelete],
});
