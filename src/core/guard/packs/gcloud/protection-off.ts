import { asksForHelp, hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { GCLOUD_KEYWORDS, GCLOUD_TOOLS } from './shape';

export default defineRule({
  id: 'gcloud.protection-off',
  resource: 'the deletion protection of a Google Cloud resource',
  severity: 'high',
  decision: 'ask',
  reason: 'Turns off deletion protection on a Google Cloud resource (a Cloud SQL instance, a VM, a cluster): the setting that stops an accidental delete.',
  suggestion: 'Leave protection on unless a person has decided to delete this resource.',
  keywords: GCLOUD_KEYWORDS,
  tools: GCLOUD_TOOLS,
  match: (command) => {
    const args = command.argv.slice(1);
    return !asksForHelp(args) && hasOption(args, '--no-deletion-protection') ? {} : undefined;
  },
  examples: {
    match: [
      { line: 'gcloud sql instances patch prod-db --no-deletion-protection', decision: 'ask' },
      'gcloud compute instances update vm-1 --no-deletion-protection',
    ],
    noMatch: [{ line: 'gcloud sql instances patch prod-db --deletion-protection', decision: 'allow' }, 'gcloud sql instances describe prod-db'],
  },
});
