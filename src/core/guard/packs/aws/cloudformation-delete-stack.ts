import { defineRule } from '../../rule';
import { AWS_KEYWORDS, AWS_TOOLS, awsCall } from './shape';

export default defineRule({
  id: 'aws.cloudformation-delete-stack',
  resource: 'a CloudFormation stack and every resource it created (databases and buckets included)',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a CloudFormation stack and every resource it manages that is not marked Retain: databases, buckets, queues, functions.',
  suggestion: "Check the stack's resources and their DeletionPolicy (`aws cloudformation describe-stack-resources`) and turn on termination protection.",
  keywords: AWS_KEYWORDS,
  tools: AWS_TOOLS,
  match: (command) => (awsCall(command, 'cloudformation', ['delete-stack', 'delete-stack-set']) ? {} : undefined),
  examples: {
    match: [
      { line: 'aws cloudformation delete-stack --stack-name prod-app', decision: 'ask' },
      'aws cloudformation delete-stack --stack-name app --retain-resources Bucket',
    ],
    noMatch: [
      'aws cloudformation describe-stacks',
      { line: 'aws cloudformation deploy --template-file t.yml --stack-name app', decision: 'allow' },
      'aws cloudformation delete-stack help',
    ],
  },
});
