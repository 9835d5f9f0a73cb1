import { defineRule } from '../../rule';
import { AWS_KEYWORDS, AWS_TOOLS, awsCall } from './shape';

export default defineRule({
  id: 'aws.ec2-terminate',
  resource: 'EC2 instances, their instance-store data and root volumes set to delete on termination',
  severity: 'high',
  decision: 'ask',
  reason: 'Terminates EC2 instances: they cannot be started again, and their instance storage and delete-on-termination volumes are erased.',
  suggestion: 'Stop them instead (`aws ec2 stop-instances`), or snapshot their volumes first; `--dry-run` checks permissions without acting.',
  keywords: AWS_KEYWORDS,
  tools: AWS_TOOLS,
  match: (command) => (awsCall(command, 'ec2', ['terminate-instances']) ? {} : undefined),
  examples: {
    match: ['aws ec2 terminate-instances --instance-ids i-0abc', 'aws --region eu-west-1 ec2 terminate-instances --instance-ids i-1 i-2'],
    noMatch: [
      'aws ec2 describe-instances',
      'aws ec2 stop-instances --instance-ids i-0abc',
      { line: 'aws ec2 terminate-instances --instance-ids i-0abc --dry-run', decision: 'allow' },
    ],
  },
});
