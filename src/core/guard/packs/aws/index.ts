import { definePack } from '../../rule';
import backupsOff from './backups-off';
import cloudformationDeleteStack from './cloudformation-delete-stack';
import configDeletes from './config-deletes';
import deleteOperation from './delete-operation';
import dynamodbDeleteTable from './dynamodb-delete-table';
import ec2Terminate from './ec2-terminate';
import kmsKeyDeletion from './kms-key-deletion';
import protectionOff from './protection-off';
import rdsDelete from './rds-delete';
import s3Delete from './s3-delete';
import s3SyncDelete from './s3-sync-delete';
import s3cmdDelete from './s3cmd-delete';
import secretOverwrite from './secret-overwrite';
import stackTeardown from './stack-teardown';

export default definePack({
  id: 'aws',
  name: 'AWS CLI',
  description:
    'aws: S3 deletes and sync --delete, RDS, DynamoDB, CloudFormation, EC2, KMS, secrets, every delete-/terminate-/purge- operation; SAM, Serverless, eksctl and Copilot teardowns.',
  helpSubcommand: ['aws'],
  packages: { serverless: 'serverless' },
  rules: [
    s3Delete,
    s3SyncDelete,
    rdsDelete,
    ec2Terminate,
    dynamodbDeleteTable,
    cloudformationDeleteStack,
    kmsKeyDeletion,
    secretOverwrite,
    deleteOperation,
    protectionOff,
    stackTeardown,
    backupsOff,
    configDeletes,
    s3cmdDelete,
  ],
});
