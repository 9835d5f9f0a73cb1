import backupsOff from './backups-off';
import configDeletes from './config-deletes';
import s3cmdDelete from './s3cmd-delete';
import { definePack } from '../../rule';
import cloudformationDeleteStack from './cloudformation-delete-stack';
import deleteOperation from './delete-operation';
import dynamodbDeleteTable from './dynamodb-delete-table';
import ec2Terminate from './ec2-terminate';
import kmsKeyDeletion from './kms-key-deletion';
import rdsDelete from './rds-delete';
import s3Delete from './s3-delete';
import s3SyncDelete from './s3-sync-delete';
import secretOverwrite from './secret-overwrite';
import protectionOff from './protection-off';
import stackTeardown from './stack-teardown';

export default definePack({
  id: 'aws',
  name: 'AWS CLI',
  description: 'aws: S3 deletes and sync --delete, RDS, DynamoDB, CloudFormation, EC2, KMS, secrets, every delete-/terminate-/purge- operation; SAM, Serverless, eksctl and Copilot teardowns.',
  helpSubcommand: ['aws'],
  packages: { serverless: 'serverless' },
  rules: [s3Delete, s3SyncDelete, rdsDelete, ec2Terminate, dynamodbDeleteTable, cloudformationDeleteStack, kmsKeyDeletion, secretOverwrite, deleteOperation, protectionOff, stackTeardown, backupsOff, configDeletes, s3cmdDelete],
});
