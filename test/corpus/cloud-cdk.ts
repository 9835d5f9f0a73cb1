// AWS CDK and CDK for Terraform: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'cdk destroy', 'cdk.destroy'],
  ['ask', 'cdk destroy --all --force', 'cdk.destroy'],
  ['ask', 'cdk destroy ProdStack -f', 'cdk.destroy'],
  ['ask', 'npx aws-cdk destroy --all --force', 'cdk.destroy'],
  ['ask', 'npx cdk destroy ProdStack', 'cdk.destroy'],
  ['ask', 'cdktf destroy --auto-approve', 'cdk.destroy'],
  ['allow', 'cdk synth'],
  ['allow', 'cdk diff'],
  ['allow', 'cdk deploy ProdStack'],
  ['allow', 'cdk list'],
  ['allow', 'npx aws-cdk diff'],
  ['allow', 'cdk destroy --help'],
] satisfies Corpus;
