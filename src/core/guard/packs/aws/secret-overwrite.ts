import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { AWS_KEYWORDS, AWS_TOOLS, awsCall } from './shape';

export default defineRule({
  id: 'aws.secret-overwrite',
  resource: 'the current value of a Secrets Manager secret',
  severity: 'medium',
  decision: 'ask',
  reason: 'Replaces the current value (or encryption key) of a Secrets Manager secret: every client reading it gets the new value at once.',
  suggestion: 'Rotate with a staging label (`--version-stages AWSPENDING`) and test before moving AWSCURRENT.',
  keywords: AWS_KEYWORDS,
  tools: AWS_TOOLS,
  match: (command) => {
    const call = awsCall(command, 'secretsmanager', ['put-secret-value', 'update-secret']);
    if (!call) return undefined;
    if (call.operation === 'put-secret-value') return {};
    return hasOption(call.args, '--secret-string', '--secret-binary', '--kms-key-id') ? {} : undefined;
  },
  examples: {
    match: [
      { line: 'aws secretsmanager put-secret-value --secret-id my/secret --secret-string "{}"', decision: 'ask' },
      'aws secretsmanager update-secret --secret-id my/secret --secret-binary fileb://p.bin',
      'aws secretsmanager update-secret --secret-id s --kms-key-id alias/k',
    ],
    noMatch: [
      { line: 'aws secretsmanager get-secret-value --secret-id my/secret', decision: 'allow' },
      'aws secretsmanager update-secret --secret-id s --description "new text"',
      'aws secretsmanager list-secrets',
    ],
  },
});
