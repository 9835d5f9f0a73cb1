import { defineRule } from '../../rule';
import { GCLOUD_KEYWORDS, GCLOUD_TOOLS, gcloudVerbPath } from './shape';

export default defineRule({
  id: 'gcloud.project-delete',
  resource: 'a Google Cloud project and every resource in it',
  severity: 'critical',
  decision: 'ask',
  reason: 'Shuts down a Google Cloud project: every VM, database, bucket and service in it stops, and is deleted for good after 30 days.',
  suggestion: 'Check the project id (`gcloud config get-value project`); a deleted project can be restored with `gcloud projects undelete` within 30 days.',
  keywords: GCLOUD_KEYWORDS,
  tools: GCLOUD_TOOLS,
  match: (command) => (gcloudVerbPath(command, ['delete'])?.join(' ') === 'projects delete' ? {} : undefined),
  examples: {
    match: [
      { line: 'gcloud projects delete my-prod-project', decision: 'ask' },
      { line: 'gcloud projects delete my-project --quiet', decision: 'ask' },
    ],
    noMatch: [
      { line: 'gcloud projects list', decision: 'allow' },
      'gcloud projects describe my-project',
      'gcloud projects undelete my-project',
      'gcloud projects delete --help',
    ],
  },
});
