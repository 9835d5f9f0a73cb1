// Message brokers (Kafka, RabbitMQ, NATS): [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'kafka-topics --bootstrap-server localhost:9092 --delete --topic payments', 'messaging.kafka-delete'],
  ['ask', '/opt/kafka/bin/kafka-topics.sh --bootstrap-server broker:9092 --delete --topic orders', 'messaging.kafka-delete'],
  ['ask', 'kafka-delete-records --bootstrap-server localhost:9092 --offset-json-file offsets.json', 'messaging.kafka-delete'],
  ['ask', 'kafka-consumer-groups --bootstrap-server localhost:9092 --delete --group billing', 'messaging.kafka-delete'],
  ['ask', 'kafka-consumer-groups --bootstrap-server b:9092 --reset-offsets --to-earliest --group g --topic t --execute', 'messaging.kafka-delete'],
  ['ask', 'kafka-configs --bootstrap-server localhost:9092 --alter --delete-config retention.ms --entity-type topics --entity-name logs', 'messaging.kafka-delete'],
  ['ask', 'rabbitmqctl delete_vhost /prod', 'messaging.rabbitmq-delete'],
  ['ask', 'rabbitmqctl purge_queue jobs -p /prod', 'messaging.rabbitmq-delete'],
  ['ask', 'rabbitmqadmin delete queue name=jobs', 'messaging.rabbitmq-delete'],
  ['ask', 'nats stream delete ORDERS', 'messaging.nats-delete'],
  ['ask', 'nats stream purge ORDERS -f', 'messaging.nats-delete'],
  ['ask', 'nats kv del CONFIG api-key --purge', 'messaging.nats-delete'],
  ['allow', 'kafka-topics --bootstrap-server localhost:9092 --list'],
  ['allow', 'kafka-topics --bootstrap-server localhost:9092 --create --topic t --partitions 3 --replication-factor 1'],
  ['allow', 'kafka-consumer-groups --bootstrap-server localhost:9092 --describe --group billing'],
  ['allow', 'kafka-console-consumer --bootstrap-server localhost:9092 --topic t --from-beginning'],
  ['allow', 'rabbitmqctl list_queues'],
  ['allow', 'rabbitmqctl cluster_status'],
  ['allow', 'rabbitmqadmin list exchanges'],
  ['allow', 'nats stream ls'],
  ['allow', 'nats kv get CONFIG api-key'],
  ['allow', 'nats sub "orders.>"'],
] satisfies Corpus;
