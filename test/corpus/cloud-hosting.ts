// Other clouds and hosted databases: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'openstack --os-cloud prod server delete web-1', 'hosting.delete-operation'],
  ['ask', 'oci os bucket delete --bucket-name backups --force', 'hosting.delete-operation'],
  ['ask', 'ibmcloud resource service-instance-delete my-db -f', 'hosting.delete-operation'],
  ['ask', 'scw instance server delete 11111111-1111-1111-1111-111111111111', 'hosting.delete-operation'],
  ['ask', 'atlas schema clean -u "postgres://app@prod:5432/app"', 'hosting.delete-operation'],
  ['allow', 'oci os object list --bucket-name backups'],
  ['allow', 'atlas clusters list'],
  ['allow', 'atlas schema inspect -u "postgres://app@prod:5432/app"'],
  ['allow', 'turso db create preview'],
] satisfies Corpus;
