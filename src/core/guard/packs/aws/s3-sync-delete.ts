import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { AWS_KEYWORDS, AWS_TOOLS, awsCall } from './shape';

export default defineRule({
  id: 'aws.s3-sync-delete',
  resource: 'files at the sync destination that the source does not have',
  severity: 'high',
  decision: 'ask',
  reason: '`aws s3 sync --delete` deletes everything at the destination that is missing from the source: a wrong or empty source empties the destination.',
  suggestion: 'Run it with `--dryrun` first and read what it would delete.',
  keywords: AWS_KEYWORDS,
  tools: AWS_TOOLS,
  match: (command) => {
    const call = awsCall(command, 's3', ['sync']);
    return call && hasOption(call.args, '--delete') ? {} : undefined;
  },
  examples: {
    match: [
      { line: 'aws s3 sync /empty s3://my-bucket --delete', decision: 'ask' },
      { line: 'aws s3 sync s3://my-bucket /restore --delete', decision: 'ask' },
    ],
    noMatch: [
      { line: 'aws s3 sync ./dist s3://my-bucket', decision: 'allow' },
      'aws s3 sync /src s3://my-bucket --dryrun --delete',
      'aws s3 sync ./dist s3://b --exclude "*.tmp"',
    ],
  },
});
