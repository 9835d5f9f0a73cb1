import { definePack } from '../../rule';
import deleteOperation from './delete-operation';

export default definePack({
  id: 'hosting',
  name: 'Other clouds and hosted databases',
  description:
    'hcloud, linode-cli, vultr-cli, openstack, oci, ibmcloud, scw, MongoDB Atlas, Turso, Render, Upstash and glab: deleting servers, databases, clusters, volumes, buckets and repositories.',
  rules: [deleteOperation],
});
