import { definePack } from '../../rule';
import destroy from './destroy';

export default definePack({
  id: 'cdk',
  name: 'AWS CDK',
  description: 'cdk and cdktf: destroying stacks.',
  helpSubcommand: ['cdk'],
  packages: { 'aws-cdk': 'cdk', 'cdktf-cli': 'cdktf' },
  rules: [destroy],
});
