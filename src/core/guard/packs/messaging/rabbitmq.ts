import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

const CTL_VALUED = ['-p', '--vhost', '-n', '--node', '-t', '--timeout'];
const CTL_VERBS = [
  'delete_user',
  'delete_vhost',
  'clear_permissions',
  'clear_topic_permissions',
  'delete_queue',
  'purge_queue',
  'reset',
  'force_reset',
  'clear_policy',
  'clear_parameter',
  'forget_cluster_node',
];
const ADMIN_VALUED = ['-H', '--host', '-P', '--port', '-V', '--vhost', '-u', '--username', '-p', '--password', '-c', '--config', '-N', '--node'];

export default defineRule({
  id: 'messaging.rabbitmq-delete',
  resource: 'RabbitMQ queues and their messages, exchanges, virtual hosts, users or permissions',
  severity: 'high',
  decision: 'ask',
  reason:
    "Deletes RabbitMQ state: a queue (and its messages), an exchange, a virtual host with everything in it, a user or their permissions, or the node's whole data (`reset`).",
  suggestion: 'List it first (`rabbitmqctl list_queues`, `rabbitmqadmin list queues`) and export definitions (`rabbitmqctl export_definitions`).',
  tools: ['rabbitmqctl', 'rabbitmqadmin'],
  match: (command) => {
    if (command.argv[0] === 'rabbitmqadmin') {
      return matchPath(command, ADMIN_VALUED, [['delete', 'purge', 'close'], '*']) ? {} : undefined;
    }
    const words = matchPath(command, CTL_VALUED, [CTL_VERBS]);
    if (!words) return undefined;
    return ['delete_vhost', 'reset', 'force_reset'].includes(words[0]!) ? { severity: 'critical' } : {};
  },
  examples: {
    match: [
      'rabbitmqctl delete_user deployer',
      { line: 'rabbitmqctl delete_vhost /prod', decision: 'ask' },
      'rabbitmqctl clear_permissions -p /prod deployer',
      'rabbitmqctl purge_queue jobs',
      { line: 'rabbitmqadmin delete queue name=jobs', decision: 'ask' },
      'rabbitmqadmin delete exchange name=events',
      'rabbitmqadmin purge queue name=jobs',
    ],
    noMatch: ['rabbitmqctl list_users', 'rabbitmqctl list_queues', 'rabbitmqctl status', 'rabbitmqadmin list queues', 'rabbitmqadmin declare queue name=jobs'],
  },
});
