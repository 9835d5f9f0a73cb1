// Message brokers (Kafka, RabbitMQ, NATS): [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', '/opt/kafka/bin/kafka-topics.sh --bootstrap-server broker:9092 --delete --topic orders', 'messaging.kafka-delete'],
  ['ask', 'kafka-consumer-groups --bootstrap-server b:9092 --reset-offsets --to-earliest --group g --topic t --execute', 'messaging.kafka-delete'],
  ['ask', 'rabbitmqctl purge_queue jobs -p /prod', 'messaging.rabbitmq-delete'],
  ['ask', 'nats stream purge ORDERS -f', 'messaging.nats-delete'],
  ['allow', 'kafka-topics --bootstrap-server localhost:9092 --create --topic t --partitions 3 --replication-factor 1'],
  ['allow', 'kafka-console-consumer --bootstrap-server localhost:9092 --topic t --from-beginning'],
  ['allow', 'rabbitmqctl list_queues'],
  ['allow', 'rabbitmqctl cluster_status'],
  ['allow', 'rabbitmqadmin list exchanges'],
  ['allow', 'nats stream ls'],
  ['allow', 'nats sub "orders.>"'],
] satisfies Corpus;
