import { definePack } from '../../rule';
import deleteOperation from './delete-operation';

export default definePack({
  id: 'hosting',
  name: 'Other clouds and hosted databases',
  description: 'hcloud, linode-cli, vultr-cli, openstack, oci, ibmcloud, scw, MongoDB Atlas and Turso: deleting servers, databases, clusters, volumes and buckets.',
  rules: [deleteOperation],
});
