import { defineRule } from '../../rule';
import { AWS_KEYWORDS, AWS_TOOLS, awsCall } from './shape';

export default defineRule({
  id: 'aws.kms-key-deletion',
  resource: 'a KMS key, and with it every piece of data encrypted under it',
  severity: 'critical',
  decision: 'ask',
  reason:
    'Schedules a KMS key for deletion (or disables it): once deleted, everything encrypted with it (volumes, databases, secrets, objects) can never be decrypted.',
  suggestion: 'Disable the key for a while first and watch for failures; keep the longest waiting period (`--pending-window-in-days 30`).',
  keywords: AWS_KEYWORDS,
  tools: AWS_TOOLS,
  match: (command) => {
    const call = awsCall(command, 'kms', ['schedule-key-deletion', 'disable-key', 'delete-imported-key-material']);
    return call ? (call.operation === 'disable-key' ? { severity: 'high' } : {}) : undefined;
  },
  examples: {
    match: [{ line: 'aws kms schedule-key-deletion --key-id 1234abcd --pending-window-in-days 7', decision: 'ask' }, 'aws kms disable-key --key-id 1234abcd'],
    noMatch: ['aws kms describe-key --key-id 1234abcd', 'aws kms cancel-key-deletion --key-id 1234abcd', 'aws kms encrypt --key-id k --plaintext fileb://p'],
  },
});
