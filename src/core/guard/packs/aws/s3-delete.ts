import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { AWS_KEYWORDS, AWS_TOOLS, awsCall } from './shape';

export default defineRule({
  id: 'aws.s3-delete',
  resource: 'objects in an S3 bucket, or the bucket itself',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes objects from S3 (`aws s3 rm`) or a bucket (`aws s3 rb`); without versioning they cannot be recovered.',
  suggestion: "Preview with `--dryrun` first, and check the bucket's versioning (`aws s3api get-bucket-versioning`).",
  keywords: AWS_KEYWORDS,
  tools: AWS_TOOLS,
  match: (command) => {
    const call = awsCall(command, 's3', ['rm', 'rb']);
    if (!call) return undefined;
    const everything = call.operation === 'rb' ? hasOption(call.args, '--force') : hasOption(call.args, '--recursive');
    if (call.operation === 'rb') {
      return everything
        ? {
            severity: 'critical',
            resource: 'an S3 bucket and every object in it',
            reason: '`aws s3 rb --force` deletes every object in the bucket, then the bucket.',
          }
        : { resource: 'an S3 bucket' };
    }
    return everything
      ? {
          severity: 'critical',
          resource: 'every object under an S3 prefix',
          reason: '`aws s3 rm --recursive` deletes every object under the path; filters narrow it, but nothing asks first.',
        }
      : { severity: 'medium', resource: 'an S3 object' };
  },
  examples: {
    match: [
      { line: 'aws s3 rm s3://my-bucket --recursive', decision: 'ask' },
      { line: 'aws s3 rb s3://my-bucket --force', decision: 'ask' },
      { line: 'aws s3 rm s3://my-bucket/report.csv', decision: 'ask' },
      'aws --profile prod s3 rm s3://b/p --recursive --exclude "*" --include "*.log"',
    ],
    noMatch: [
      { line: 'aws s3 ls s3://my-bucket', decision: 'allow' },
      'aws s3 cp /tmp/f s3://my-bucket/',
      { line: 'aws s3 rm s3://my-bucket --recursive --dryrun', decision: 'allow' },
      'aws s3 rm help',
      'aws s3 mb s3://new-bucket',
    ],
  },
});
