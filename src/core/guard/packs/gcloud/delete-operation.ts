import { defineRule } from '../../rule';
import projectDelete from './project-delete';
import { GCLOUD_KEYWORDS, GCLOUD_TOOLS, gcloudVerbPath } from './shape';
import sqlDelete from './sql-delete';
import storageDelete from './storage-delete';

/** Rules of this pack that explain their commands better: when one matches, this one stays quiet. */
const SPECIFIC = [projectDelete, sqlDelete, storageDelete];

export default defineRule({
  id: 'gcloud.delete-operation',
  resource: 'the Google Cloud resource the command names',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes a Google Cloud resource (a VM, disk, cluster, function, secret, topic, database...); most cannot be brought back.',
  suggestion: 'Check the project and resource first (`gcloud config get-value project`, the matching `describe`), and snapshot disks you may need.',
  keywords: GCLOUD_KEYWORDS,
  tools: GCLOUD_TOOLS,
  match: (command, context) => {
    const path = gcloudVerbPath(command, ['delete', 'bulk-delete', 'purge']);
    if (!path || SPECIFIC.some((rule) => rule.match(command, context))) return undefined;
    return { resource: `a Google Cloud ${path.slice(0, -1).join(' ')} resource` };
  },
  examples: {
    match: [
      { line: 'gcloud compute instances delete vm-1 --zone us-central1-a', decision: 'ask' },
      { line: 'gcloud container clusters delete prod --region us-central1', decision: 'ask' },
      'gcloud compute disks delete data-disk',
      'gcloud functions delete api',
      { line: 'gcloud secrets delete db-password', decision: 'ask' },
      'gcloud firestore bulk-delete --collection-ids=users',
      'gcloud --project prod run services delete api',
      'gcloud logging logs delete projects/p/logs/app',
    ],
    noMatch: [
      { line: 'gcloud compute instances list', decision: 'allow' },
      'gcloud compute instances describe vm-1',
      'gcloud config set project p',
      { line: 'gcloud auth login', decision: 'allow' },
      { line: 'gcloud compute instances delete --help', decision: 'allow' },
      'gcloud projects delete p',
    ],
  },
});
