import { defineRule } from '../../rule';
import { AWS_KEYWORDS, AWS_TOOLS, awsCall } from './shape';

export default defineRule({
  id: 'aws.dynamodb-delete-table',
  resource: 'a DynamoDB table and every item in it',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a DynamoDB table with every item in it; point-in-time recovery backups of the table stop being available.',
  suggestion: 'Back it up first (`aws dynamodb create-backup --table-name T --backup-name B`), or turn on deletion protection.',
  keywords: AWS_KEYWORDS,
  tools: AWS_TOOLS,
  match: (command) => (awsCall(command, 'dynamodb', ['delete-table']) ? {} : undefined),
  examples: {
    match: [{ line: 'aws dynamodb delete-table --table-name orders', decision: 'ask' }, 'aws dynamodb delete-table --table-name orders --region us-east-1'],
    noMatch: [
      'aws dynamodb describe-table --table-name orders',
      { line: 'aws dynamodb scan --table-name orders', decision: 'allow' },
      'aws dynamodb create-backup --table-name orders --backup-name b',
    ],
  },
});
