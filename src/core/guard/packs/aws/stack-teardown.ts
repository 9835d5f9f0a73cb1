import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

/** Options of these tools that take a value. */
const VALUED = [
  '--stack-name',
  '--region',
  '-r',
  '--profile',
  '--config',
  '-c',
  '--stage',
  '-s',
  '--name',
  '-n',
  '--app',
  '-a',
  '--env',
  '-e',
  '--cluster',
  '--config-file',
  '-f',
];

/**
 * Deployment tools built on CloudFormation or EKS tear down a whole stack or cluster in one
 * word: AWS SAM, the Serverless Framework, eksctl and AWS Copilot.
 */
export default defineRule({
  id: 'aws.stack-teardown',
  resource: 'a deployed AWS stack or EKS cluster and everything in it',
  severity: 'critical',
  decision: 'ask',
  reason:
    'Tears down a deployed AWS application or cluster (a CloudFormation stack or EKS cluster): its functions, tables, buckets and queues go with it unless retained.',
  suggestion: 'Check the stage, region and account first (`aws sts get-caller-identity`), and back up the tables and buckets it owns.',
  tools: ['sam', 'serverless', 'sls', 'eksctl', 'copilot'],
  match: (command) => {
    const tool = command.argv[0];
    if (tool === 'sam') return matchPath(command, VALUED, ['delete']) ? {} : undefined;
    if (tool === 'serverless' || tool === 'sls') return matchPath(command, VALUED, ['remove']) ? {} : undefined;
    if (tool === 'eksctl') {
      const words = matchPath(command, VALUED, ['delete', '*']);
      if (!words) return undefined;
      return words[1] === 'cluster' ? {} : { severity: 'high', resource: `an EKS ${words[1]}` };
    }
    return matchPath(command, VALUED, [['app', 'env', 'svc', 'job', 'pipeline', 'storage'], 'delete']) ? {} : undefined;
  },
  examples: {
    match: [
      { line: 'sam delete --stack-name api --no-prompts', decision: 'ask' },
      'serverless remove --stage prod',
      'sls remove -s prod',
      { line: 'eksctl delete cluster --name prod', decision: 'ask' },
      'eksctl delete nodegroup --cluster prod --name ng-1',
      'copilot app delete --yes',
    ],
    noMatch: [
      { line: 'sam deploy --guided', decision: 'allow' },
      'serverless deploy --stage prod',
      'sls info',
      { line: 'eksctl get cluster', decision: 'allow' },
      'copilot svc deploy',
      'sam delete --help',
    ],
  },
});
