import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

/** Options that take a value in `cdk` and `cdktf`. */
const CDK_VALUED = ['-a', '--app', '-c', '--context', '--profile', '-o', '--output', '--role-arn', '-e', '--exclusively', '--ca-bundle-path'];

export default defineRule({
  id: 'cdk.destroy',
  resource: 'the CloudFormation (or Terraform) stacks of the CDK app and what they created',
  severity: 'critical',
  decision: 'ask',
  reason: 'Destroys CDK stacks and every resource in them that is not set to be retained: databases, buckets, queues.',
  suggestion: 'Check what the stacks hold (`cdk diff`, `cdk list`) and set `removalPolicy: RETAIN` on data you must keep.',
  // `npx aws-cdk` and `npx cdktf-cli` are single words to the fast path.
  keywords: ['cdk', 'cdktf', 'aws-cdk', 'cdktf-cli'],
  tools: ['cdk', 'cdktf'],
  match: (command) => (matchPath(command, CDK_VALUED, ['destroy']) ? {} : undefined),
  examples: {
    match: [
      { line: 'cdk destroy', decision: 'ask' },
      { line: 'cdk destroy --all --force', decision: 'ask' },
      { line: 'cdk destroy ProdStack -f', decision: 'ask' },
      { line: 'cdktf destroy --auto-approve', decision: 'ask' },
      { line: 'npx aws-cdk destroy --all --force', decision: 'ask' },
      'npx cdktf-cli destroy',
    ],
    noMatch: [
      'cdk diff',
      { line: 'cdk synth', decision: 'allow' },
      { line: 'cdk deploy ProdStack', decision: 'allow' },
      'cdk list',
      { line: 'cdk destroy --help', decision: 'allow' },
    ],
  },
});
