import { defineRule } from '../../rule';
import { hasOption } from '../../../argv';
import cloudformationDeleteStack from './cloudformation-delete-stack';
import dynamodbDeleteTable from './dynamodb-delete-table';
import ec2Terminate from './ec2-terminate';
import kmsKeyDeletion from './kms-key-deletion';
import rdsDelete from './rds-delete';
import { AWS_KEYWORDS, AWS_TOOLS, awsCalls } from './shape';

/** Rules of this pack that explain their operations better: when one matches, this one stays quiet. */
const SPECIFIC = [rdsDelete, ec2Terminate, dynamodbDeleteTable, cloudformationDeleteStack, kmsKeyDeletion];

/** Where the data itself lives: deleting one of these loses what it holds, not just configuration. */
const DATA_STORES = /-(db|database|cluster|table|file-system|bucket|cache-cluster|replication-group|hosted-zone|recovery-point|backup-vault|repository|stream|keyspace|domain|volume)s?$/;

/** The AWS CLI names operations after the API: these prefixes destroy what they name. */
const DESTRUCTIVE = /^(delete|batch-delete|terminate|purge)-|^(unsubscribe|deregister-image)$/;

export default defineRule({
  id: 'aws.delete-operation',
  resource: 'the AWS resource the operation names',
  severity: 'high',
  decision: 'ask',
  reason: 'Calls an AWS API operation that deletes, terminates or purges a resource (a bucket, table, queue, function, role, volume, secret...).',
  suggestion: 'Check the resource and the account first (`aws sts get-caller-identity`, the matching describe-/get- call), and back up its data.',
  keywords: AWS_KEYWORDS,
  tools: AWS_TOOLS,
  match: (command, context) => {
    const call = awsCalls(command).find((c) => DESTRUCTIVE.test(c.operation));
    if (!call || SPECIFIC.some((rule) => rule.match(command, context))) return undefined;
    const resource = `an AWS ${call.service} resource (${call.operation})`;
    if (DATA_STORES.test(call.operation) || call.args.some((a) => a.startsWith('--skip-final'))) return { severity: 'critical', resource };
    if (call.service === 'secretsmanager' && hasOption(call.args, '--force-delete-without-recovery')) {
      return { severity: 'critical', resource, reason: 'Deletes a secret with --force-delete-without-recovery: it is gone at once, with no recovery window.' };
    }
    return { resource };
  },
  examples: {
    match: [
      { line: 'aws s3api delete-bucket --bucket my-bucket', decision: 'ask' },
      'aws s3api delete-objects --bucket b --delete file://d.json',
      'aws sqs purge-queue --queue-url https://sqs.us-east-1.amazonaws.com/1/q',
      'aws sns unsubscribe --subscription-arn arn:aws:sns:us-east-1:1:t:x',
      { line: 'aws iam delete-role --role-name app', decision: 'ask' },
      { line: 'aws lambda delete-function --function-name api', decision: 'ask' },
      { line: 'aws ec2 delete-volume --volume-id vol-1', decision: 'ask' },
      'aws ecr batch-delete-image --repository-name app --image-ids imageTag=latest',
      'aws secretsmanager delete-secret --secret-id s --force-delete-without-recovery',
    ],
    noMatch: [
      { line: 'aws s3api list-buckets', decision: 'allow' },
      'aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/1/q',
      'aws iam get-role --role-name app',
      { line: 'aws lambda delete-function help', decision: 'allow' },
      'aws ec2 delete-volume --volume-id vol-1 --dry-run',
      'aws rds delete-db-instance --db-instance-identifier x',
      'aws ec2 remove-tags --resources i-1',
      'aws sts get-caller-identity',
    ],
  },
});
