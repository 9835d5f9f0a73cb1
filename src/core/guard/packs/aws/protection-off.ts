import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { AWS_KEYWORDS, AWS_TOOLS, awsCalls } from './shape';

/** Switching off a guard rail is the step before a delete that would otherwise be refused. */
const SWITCHES = ['--no-deletion-protection', '--no-deletion-protection-enabled', '--no-disable-api-termination', '--no-enable-termination-protection'];

export default defineRule({
  id: 'aws.protection-off',
  resource: 'the deletion or termination protection of an AWS resource',
  severity: 'high',
  decision: 'ask',
  reason:
    'Turns off deletion or termination protection on an AWS resource (a database, table, instance or stack): the one setting that stops an accidental delete.',
  suggestion: 'Leave protection on unless a person has decided to delete this resource.',
  keywords: AWS_KEYWORDS,
  tools: AWS_TOOLS,
  match: (command) => (awsCalls(command).some((c) => hasOption(c.args, ...SWITCHES)) ? {} : undefined),
  examples: {
    match: [
      { line: 'aws rds modify-db-instance --db-instance-identifier prod --no-deletion-protection --apply-immediately', decision: 'ask' },
      'aws dynamodb update-table --table-name orders --no-deletion-protection-enabled',
      'aws ec2 modify-instance-attribute --instance-id i-1 --no-disable-api-termination',
      'aws cloudformation update-termination-protection --stack-name app --no-enable-termination-protection',
    ],
    noMatch: [
      { line: 'aws rds modify-db-instance --db-instance-identifier prod --deletion-protection', decision: 'allow' },
      'aws dynamodb describe-table --table-name orders',
    ],
  },
});
