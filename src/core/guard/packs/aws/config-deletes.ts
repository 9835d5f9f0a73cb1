import { optionValue } from '../../../argv';
import type { SimpleCommand } from '../../../shell/command';
import type { RuleContext } from '../../rule';
import { defineRule } from '../../rule';
import { AWS_KEYWORDS, AWS_TOOLS, awsCalls } from './shape';

/** An AWS CLI value: inline JSON, or `file://path` read from disk (undefined when it cannot be read). */
function readValue(value: string, command: SimpleCommand, context: RuleContext): string | undefined {
  if (value.startsWith('file://')) return context.readFile(value.slice(7), command.cwd);
  if (value.startsWith('fileb://')) return undefined;
  return value;
}

/**
 * Configuration whose content deletes: an S3 lifecycle rule that expires objects (S3 then deletes
 * them on its own schedule, with no prompt), and a Route 53 change batch with DELETE actions. The
 * configuration is read; one Airlock cannot read asks.
 */
export default defineRule({
  id: 'aws.config-deletes',
  resource: 'S3 objects a lifecycle rule expires, or DNS records a change batch deletes',
  severity: 'high',
  decision: 'ask',
  reason:
    'Applies configuration that deletes: an S3 lifecycle rule that expires objects, or Route 53 changes that DELETE records (the domain stops resolving).',
  suggestion: 'Read the JSON first; for lifecycle rules, scope them with a Filter prefix and test on a copy of the bucket.',
  keywords: AWS_KEYWORDS,
  tools: AWS_TOOLS,
  match: (command, context) => {
    for (const call of awsCalls(command)) {
      if (call.service === 's3api' && /^put-bucket-lifecycle(-configuration)?$/.test(call.operation)) {
        const value = optionValue(call.args, '--lifecycle-configuration');
        const text = value === undefined ? undefined : readValue(value, command, context);
        if (text === undefined)
          return { reason: `aws s3api ${call.operation} applies a lifecycle configuration Airlock cannot read: it may expire (delete) objects.` };
        if (/Expiration|ExpiredObjectDeleteMarker|"Days"\s*:\s*0/i.test(text))
          return { reason: `aws s3api ${call.operation} applies lifecycle rules that expire objects: S3 deletes them on its own schedule.` };
        continue;
      }
      if (call.service === 'route53' && call.operation === 'change-resource-record-sets') {
        const value = optionValue(call.args, '--change-batch');
        const text = value === undefined ? undefined : readValue(value, command, context);
        if (text === undefined)
          return { reason: 'aws route53 change-resource-record-sets applies a change batch Airlock cannot read: it may delete DNS records.' };
        if (/"?Action"?\s*[:=]\s*"?DELETE/i.test(text))
          return {
            severity: 'critical',
            resource: 'DNS records',
            reason: 'aws route53 change-resource-record-sets DELETEs DNS records: the names stop resolving.',
          };
      }
    }
    return undefined;
  },
  examples: {
    match: [
      {
        line: `aws s3api put-bucket-lifecycle-configuration --bucket b --lifecycle-configuration '{"Rules":[{"ID":"x","Status":"Enabled","Filter":{},"Expiration":{"Days":1}}]}'`,
        decision: 'ask',
      },
      'aws s3api put-bucket-lifecycle-configuration --bucket b --lifecycle-configuration file:///nonexistent/airlock/lifecycle.json',
      {
        line: `aws route53 change-resource-record-sets --hosted-zone-id Z1 --change-batch '{"Changes":[{"Action":"DELETE","ResourceRecordSet":{"Name":"api.acme.dev"}}]}'`,
        decision: 'ask',
        severity: 'critical',
      },
      'aws route53 change-resource-record-sets --hosted-zone-id Z1 --change-batch file:///nonexistent/airlock/delete.json',
    ],
    noMatch: [
      {
        line: `aws s3api put-bucket-lifecycle-configuration --bucket b --lifecycle-configuration '{"Rules":[{"ID":"x","Status":"Enabled","Filter":{},"Transitions":[{"Days":30,"StorageClass":"GLACIER"}]}]}'`,
        decision: 'allow',
      },
      {
        line: `aws route53 change-resource-record-sets --hosted-zone-id Z1 --change-batch '{"Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"api.acme.dev"}}]}'`,
        decision: 'allow',
      },
      'aws s3api get-bucket-lifecycle-configuration --bucket b',
      'aws route53 list-resource-record-sets --hosted-zone-id Z1',
    ],
  },
});
