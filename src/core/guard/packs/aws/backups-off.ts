import { optionValue } from '../../../argv';
import { defineRule } from '../../rule';
import { AWS_KEYWORDS, AWS_TOOLS, awsCalls } from './shape';

/**
 * Switching off what makes data recoverable: RDS automated backups (retention 0 deletes the
 * existing ones at once), DynamoDB point-in-time recovery, S3 versioning.
 */
export default defineRule({
  id: 'aws.backups-off',
  resource: 'the automated backups, point-in-time recovery or versions that make the data recoverable',
  severity: 'high',
  decision: 'ask',
  reason:
    'Switches off what makes AWS data recoverable: RDS automated backups (a retention of 0 deletes the existing ones), DynamoDB point-in-time recovery or S3 versioning.',
  suggestion: 'Take a manual snapshot first (`aws rds create-db-snapshot`), and keep retention above 0.',
  keywords: AWS_KEYWORDS,
  tools: AWS_TOOLS,
  match: (command) => {
    for (const call of awsCalls(command)) {
      if (call.service === 'rds' && /^modify-db-(instance|cluster)$/.test(call.operation) && optionValue(call.args, '--backup-retention-period') === '0') {
        return {
          severity: 'critical',
          reason: `aws rds ${call.operation} --backup-retention-period 0 turns automated backups off and deletes the existing ones at once.`,
        };
      }
      if (
        call.service === 'dynamodb' &&
        call.operation === 'update-continuous-backups' &&
        /PointInTimeRecoveryEnabled["']?\s*[=:]\s*false/i.test(call.args.join(' '))
      ) {
        return { reason: 'aws dynamodb update-continuous-backups turns point-in-time recovery off: the table can no longer be restored to an earlier second.' };
      }
      if (call.service === 's3api' && call.operation === 'put-bucket-versioning' && /Status["']?\s*[=:]\s*["']?Suspended/i.test(call.args.join(' '))) {
        return { reason: 'aws s3api put-bucket-versioning Status=Suspended stops keeping old versions: an overwrite or delete from now on cannot be undone.' };
      }
    }
    return undefined;
  },
  examples: {
    match: [
      {
        line: 'aws rds modify-db-instance --db-instance-identifier prod --backup-retention-period 0 --apply-immediately',
        decision: 'ask',
        severity: 'critical',
      },
      'aws rds modify-db-cluster --db-cluster-identifier prod --backup-retention-period=0',
      'aws dynamodb update-continuous-backups --table-name orders --point-in-time-recovery-specification PointInTimeRecoveryEnabled=false',
      'aws s3api put-bucket-versioning --bucket b --versioning-configuration Status=Suspended',
    ],
    noMatch: [
      { line: 'aws rds modify-db-instance --db-instance-identifier prod --backup-retention-period 7', decision: 'allow' },
      'aws dynamodb update-continuous-backups --table-name orders --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true',
      { line: 'aws s3api put-bucket-versioning --bucket b --versioning-configuration Status=Enabled', decision: 'allow' },
      'aws rds describe-db-instances',
    ],
  },
});
