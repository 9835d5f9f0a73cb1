import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import cloudformationDeleteStack from './cloudformation-delete-stack';
import dynamodbDeleteTable from './dynamodb-delete-table';
import ec2Terminate from './ec2-terminate';
import kmsKeyDeletion from './kms-key-deletion';
import rdsDelete from './rds-delete';
import { AWS_KEYWORDS, AWS_TOOLS, awsCalls } from './shape';

/** Rules of this pack that explain their operations better: when one matches, this one stays quiet. */
const SPECIFIC = [rdsDelete, ec2Terminate, dynamodbDeleteTable, cloudformationDeleteStack, kmsKeyDeletion];

/** Where the data itself lives: deleting one of these loses what it holds, not just configuration. */
const DATA_STORES =
  /-(db|database|cluster|table|file-system|bucket|cache-cluster|replication-group|hosted-zone|recovery-point|backup-vault|repository|stream|keyspace|domain|volume)s?$/;

/** Verbs that destroy what the operation names, wherever they stand in its name (`admin-delete-user`, `revoke-certificate`). */
const DESTRUCTIVE_VERBS = new Set(['delete', 'terminate', 'purge', 'deregister', 'revoke', 'destroy', 'erase', 'unsubscribe']);
/** Operations that only read, whatever their name holds (`describe-delete-...`, `get-deletion-...`). */
const READ_ONLY = /^(describe|get|list|batch-get|check|validate|preview|estimate|search|lookup|query|scan|test)-/;

/** The AWS CLI names operations after the API: a destructive verb anywhere in the name destroys what it names. */
function isDestructive(operation: string): boolean {
  return !READ_ONLY.test(operation) && operation.split('-').some((w) => DESTRUCTIVE_VERBS.has(w));
}

export default defineRule({
  id: 'aws.delete-operation',
  resource: 'the AWS resource the operation names',
  severity: 'high',
  decision: 'ask',
  reason:
    'Calls an AWS API operation that deletes, terminates, purges, deregisters or revokes a resource (a bucket, table, queue, function, role, user, image, certificate, volume, secret...).',
  suggestion: 'Check the resource and the account first (`aws sts get-caller-identity`, the matching describe-/get- call), and back up its data.',
  keywords: AWS_KEYWORDS,
  tools: AWS_TOOLS,
  match: (command, context) => {
    const call = awsCalls(command).find((c) => isDestructive(c.operation));
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
      { line: 'aws cognito-idp admin-delete-user --user-pool-id us-east-1_x --username bob', decision: 'ask' },
      'aws acm-pca revoke-certificate --certificate-authority-arn arn:aws:acm-pca:x --certificate-serial 1 --revocation-reason KEY_COMPROMISE',
      'aws ecs deregister-task-definition --task-definition api:7',
      'aws ec2 deregister-image --image-id ami-1',
      'aws iam remove-role-from-instance-profile --instance-profile-name p --role-name r && aws iam delete-instance-profile --instance-profile-name p',
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
      { line: 'aws kms cancel-key-deletion --key-id 1', decision: 'allow' },
      'aws cognito-idp admin-get-user --user-pool-id us-east-1_x --username bob',
      'aws ec2 describe-images --owners self',
    ],
  },
});
