// AWS CDK and CDK for Terraform: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'npx cdk destroy ProdStack', 'cdk.destroy'],
  ['allow', 'cdk diff'],
  ['allow', 'cdk list'],
  ['allow', 'npx aws-cdk diff'],
] satisfies Corpus;
