import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { AWS_KEYWORDS, AWS_TOOLS, awsCall } from './shape';

const DATABASES = ['delete-db-instance', 'delete-db-cluster', 'delete-global-cluster'];
const SNAPSHOTS = ['delete-db-snapshot', 'delete-db-cluster-snapshot', 'delete-db-instance-automated-backup'];

export default defineRule({
  id: 'aws.rds-delete',
  resource: 'an RDS database instance or cluster, or one of its snapshots',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes an RDS database instance or cluster. Its automated backups are removed with it unless kept explicitly.',
  suggestion: 'Take a final snapshot (`--final-db-snapshot-identifier NAME`, never `--skip-final-snapshot`) and keep automated backups.',
  keywords: AWS_KEYWORDS,
  tools: AWS_TOOLS,
  match: (command) => {
    const call = awsCall(command, 'rds', [...DATABASES, ...SNAPSHOTS]);
    if (!call) return undefined;
    if (SNAPSHOTS.includes(call.operation)) return { severity: 'high', resource: 'an RDS snapshot or backup: a restore point' };
    if (hasOption(call.args, '--skip-final-snapshot')) {
      return { reason: 'Deletes an RDS database with --skip-final-snapshot: no final snapshot is taken, so the data may be unrecoverable.' };
    }
    return {};
  },
  examples: {
    match: [
      { line: 'aws rds delete-db-instance --db-instance-identifier prod --skip-final-snapshot', decision: 'ask' },
      { line: 'aws rds delete-db-cluster --db-cluster-identifier prod --final-db-snapshot-identifier last', decision: 'ask' },
      'aws rds delete-db-snapshot --db-snapshot-identifier s1',
    ],
    noMatch: [
      { line: 'aws rds describe-db-instances', decision: 'allow' },
      'aws rds create-db-snapshot --db-instance-identifier prod --db-snapshot-identifier s1',
      'aws rds delete-db-instance help',
    ],
  },
});
