import { defineRule } from '../../rule';
import { matchLeadingVerb, matchPath } from '../cli-words';

/**
 * Other clouds and hosted databases whose CLIs are shaped `tool GROUP... VERB NAME`: Hetzner,
 * Linode, Vultr, OpenStack, Oracle Cloud, IBM Cloud, Scaleway, MongoDB Atlas, Turso, Render,
 * Upstash and GitLab's glab.
 */
const TOOLS = ['hcloud', 'linode-cli', 'vultr-cli', 'openstack', 'oci', 'ibmcloud', 'scw', 'atlas', 'turso', 'render', 'upstash', 'glab'];
const VALUED = [
  '--context',
  '--config',
  '--profile',
  '--region',
  '--zone',
  '-o',
  '--output',
  '--format',
  '-f',
  '--project',
  '--projectId',
  '--os-cloud',
  '--os-project-name',
  '--compartment-id',
  '--instance-id',
  '-g',
  '--resource-group',
  '--group',
  '--org',
  '-R',
  '--repo',
  '--id',
  '--email',
  '--api-key',
];
/** Verbs (and IBM Cloud's `thing-delete` commands) that destroy what they name. */
const DESTROY = /^(delete|destroy|rm|remove|terminate|purge|bulk-delete)$|^[a-z][a-z-]*-(delete|rm)$/;
/** Where the data itself lives. */
const DATA = /(cluster|database|^db$|^dbs$|rdb|volume|bucket|stack|project|group|backup|snapshot|redis|kafka|vector|^repo$|^disk)/;

export default defineRule({
  id: 'hosting.delete-operation',
  resource: 'the server, database, volume or bucket the command names',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes a hosted resource (a server, database, cluster, volume or bucket); what it holds cannot be brought back.',
  suggestion: 'Check the account, project and resource first (the matching `list`/`describe`), and snapshot or dump its data.',
  tools: TOOLS,
  match: (command) => {
    // `atlas` is also Ariga's schema tool, whose `schema clean` drops every object in the database.
    if (command.argv[0] === 'atlas' && matchPath(command, ['-u', '--url', '--env', '-c', '--config'], ['schema', 'clean'])) {
      return {
        severity: 'critical',
        resource: 'every table, view and function in the database',
        reason: '`atlas schema clean` drops every object in the database.',
      };
    }
    const path = matchLeadingVerb(command, VALUED, DESTROY, { maxDepth: 5 });
    if (!path) return undefined;
    const group = path.slice(0, -1).join(' ');
    return { resource: `${command.argv[0]} ${group}`, severity: DATA.test(group) || DATA.test(path.at(-1)!) ? 'critical' : 'high' };
  },
  examples: {
    match: [
      { line: 'render services delete srv-123', decision: 'ask' },
      { line: 'glab repo delete acme/api --yes', decision: 'ask', severity: 'critical' },
      'upstash redis delete --id 7f3a',
      'upstash kafka cluster delete 42',
      { line: 'hcloud server delete web-1', decision: 'ask' },
      { line: 'hcloud volume delete data', decision: 'ask' },
      { line: 'linode-cli linodes delete 12345', decision: 'ask' },
      'vultr-cli instance delete 4f0f',
      'openstack server delete web-1',
      'openstack stack delete prod',
      'oci compute instance terminate --instance-id ocid1.instance.oc1..x',
      'oci os bucket delete --bucket-name backups',
      'ibmcloud resource service-instance-delete my-db',
      'ibmcloud cos bucket-delete --bucket b',
      'scw rdb instance delete 11111111-1111-1111-1111-111111111111',
      { line: 'atlas clusters delete prod --force', decision: 'ask' },
      { line: 'turso db destroy prod-db --yes', decision: 'ask' },
      'atlas schema clean -u postgres://prod/app',
    ],
    noMatch: [
      { line: 'hcloud server list', decision: 'allow' },
      'hcloud server describe web-1',
      { line: 'linode-cli linodes list', decision: 'allow' },
      { line: 'openstack server show web-1', decision: 'allow' },
      'oci os bucket list',
      'ibmcloud resource service-instances',
      'atlas clusters describe prod',
      { line: 'turso db shell prod-db', decision: 'allow' },
      'turso db create dev',
      'atlas schema inspect -u postgres://prod/app',
      'atlas clusters delete --help',
      { line: 'glab repo view acme/api', decision: 'allow' },
      { line: 'render services list', decision: 'allow' },
      'upstash redis list',
    ],
  },
});
