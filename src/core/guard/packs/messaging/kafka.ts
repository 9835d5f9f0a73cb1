import { asksForHelp, hasOption } from '../../../argv';
import { defineRule } from '../../rule';

/** Kafka's tools ship as `kafka-topics` (Confluent) or `kafka-topics.sh` (Apache). */
const TOOLS = ['kafka-topics', 'kafka-delete-records', 'kafka-consumer-groups', 'kafka-acls', 'kafka-configs', 'kafka-streams-application-reset'];

export default defineRule({
  id: 'messaging.kafka-delete',
  resource: 'Kafka topics and their messages, consumer groups and their offsets, ACLs or topic settings',
  severity: 'high',
  decision: 'ask',
  reason: "Deletes Kafka data or state: a topic with its messages, records, a consumer group's offsets, ACLs or topic configuration.",
  suggestion: 'Describe it first (`--describe`) and check the bootstrap server is the cluster you mean.',
  keywords: TOOLS,
  tools: [...TOOLS, ...TOOLS.map((t) => `${t}.sh`)],
  match: (command) => {
    const args = command.argv.slice(1);
    if (asksForHelp(args)) return undefined;
    const tool = command.argv[0]!.replace(/\.sh$/, '');
    switch (tool) {
      case 'kafka-topics':
        return hasOption(args, '--delete') ? { severity: 'critical', resource: 'a Kafka topic and every message in it' } : undefined;
      case 'kafka-delete-records':
        return { severity: 'critical', resource: 'Kafka records up to the given offsets' };
      case 'kafka-consumer-groups':
        if (hasOption(args, '--delete', '--delete-offsets')) return { resource: 'a Kafka consumer group and its committed offsets' };
        return hasOption(args, '--reset-offsets') && hasOption(args, '--execute') ? { resource: 'the committed offsets of a consumer group' } : undefined;
      case 'kafka-acls':
        return hasOption(args, '--remove') ? { severity: 'medium', resource: 'Kafka ACLs' } : undefined;
      case 'kafka-configs':
        return hasOption(args, '--delete-config') ? { severity: 'medium', resource: 'topic or broker settings (retention, cleanup policy)' } : undefined;
      case 'kafka-streams-application-reset':
        return hasOption(args, '--dry-run') ? undefined : { resource: "a Kafka Streams application's offsets and internal topics" };
      default:
        return undefined;
    }
  },
  examples: {
    match: [
      { line: 'kafka-topics --bootstrap-server localhost:9092 --delete --topic payments', decision: 'ask' },
      'kafka-topics.sh --bootstrap-server broker:9092 --delete --topic orders',
      { line: 'kafka-delete-records --bootstrap-server localhost:9092 --offset-json-file offsets.json', decision: 'ask' },
      { line: 'kafka-consumer-groups --bootstrap-server localhost:9092 --delete --group billing', decision: 'ask' },
      'kafka-acls --bootstrap-server localhost:9092 --remove --topic payments --operation All',
      { line: 'kafka-configs --bootstrap-server localhost:9092 --alter --delete-config retention.ms --entity-type topics --entity-name logs', decision: 'ask' },
    ],
    noMatch: [
      { line: 'kafka-topics --bootstrap-server localhost:9092 --list', decision: 'allow' },
      'kafka-topics --bootstrap-server localhost:9092 --create --topic t --partitions 3',
      { line: 'kafka-consumer-groups --bootstrap-server localhost:9092 --describe --group billing', decision: 'allow' },
      'kafka-consumer-groups --bootstrap-server localhost:9092 --reset-offsets --to-earliest --group g --topic t --dry-run',
      'kafka-acls --bootstrap-server localhost:9092 --list',
    ],
  },
});
