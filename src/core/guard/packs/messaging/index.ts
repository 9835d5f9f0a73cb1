import { definePack } from '../../rule';
import kafka from './kafka';
import nats from './nats';
import rabbitmq from './rabbitmq';

export default definePack({
  id: 'messaging',
  name: 'Message brokers',
  description: 'Kafka, RabbitMQ and NATS command-line tools: deleting or purging topics, queues, streams, users and virtual hosts.',
  rules: [kafka, rabbitmq, nats],
});
