import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

const NATS_VALUED = [
  '-s',
  '--server',
  '--context',
  '--creds',
  '--user',
  '--password',
  '--nkey',
  '--tlscert',
  '--tlskey',
  '--tlsca',
  '--js-domain',
  '--subject',
  '--seq',
];
const OBJECTS = ['stream', 'str', 'consumer', 'con', 'kv', 'bucket', 'object', 'obj'];

export default defineRule({
  id: 'messaging.nats-delete',
  resource: 'NATS JetStream streams, consumers, key-value buckets or objects, and their messages',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes or purges NATS JetStream data: a stream and its messages, a consumer, a key-value bucket or its keys.',
  suggestion: 'Back the stream up first (`nats stream backup STREAM DIR`) and check the context (`nats context info`).',
  tools: ['nats'],
  match: (command) => {
    const words = matchPath(command, NATS_VALUED, [OBJECTS, ['delete', 'del', 'rm', 'purge', 'rmm']]);
    if (!words) return undefined;
    const wholeStore = (words[1] === 'purge' || words.length === 3 || words[0] === 'bucket') && words[0] !== 'consumer' && words[0] !== 'con';
    return wholeStore ? { severity: 'critical' } : {};
  },
  examples: {
    match: [
      { line: 'nats stream delete ORDERS', decision: 'ask' },
      'nats stream purge ORDERS',
      'nats consumer delete ORDERS CONSUMER1',
      { line: 'nats kv del CONFIG api-key --purge', decision: 'ask' },
      'nats kv purge CONFIG',
      'nats bucket delete CONFIG',
    ],
    noMatch: [
      'nats stream list',
      'nats stream info ORDERS',
      { line: 'nats kv get CONFIG api-key', decision: 'allow' },
      'nats kv put CONFIG k v',
      'nats server list',
      'nats pub orders hi',
    ],
  },
});
