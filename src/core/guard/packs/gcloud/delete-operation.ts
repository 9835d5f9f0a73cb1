import { defineRule } from '../../rule';
import { GCLOUD_KEYWORDS, GCLOUD_TOOLS, gcloudVerbPath } from './shape';

const COVERED = new Set(['projects delete', 'sql instances delete', 'sql databases delete', 'sql backups delete', 'storage buckets delete']);

export default defineRule({
  id: 'gcloud.delete-operation',
  resource: 'the Google Cloud resource the command names',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes a Google Cloud resource (a VM, disk, cluster, function, secret, topic, database...); most cannot be brought back.',
  suggestion: 'Check the project and resource first (`gcloud config get-value project`, the matching `describe`), and snapshot disks you may need.',
  keywords: GCLOUD_KEYWORDS,
  tools: GCLOUD_TOOLS,
  match: (command) => {
    const path = gcloudVerbPath(command, ['delete', 'bulk-delete', 'purge']);
    if (!path || COVERED.has(path.join(' '))) return undefined;
    return { resource: `a Google Cloud ${path.slice(0, -1).join(' ')} resource` };
  },
  examples: {
    match: [
      'gcloud compute instances delete vm-1 --zone us-central1-a',
      'gcloud container clusters delete prod --region us-central1',
      'gcloud compute disks delete data-disk',
      'gcloud functions delete api',
      'gcloud secrets delete db-password',
      'gcloud firestore bulk-delete --collection-ids=users',
      'gcloud --project prod run services delete api',
      'gcloud logging logs delete projects/p/logs/app',
    ],
    noMatch: ['gcloud compute instances list', 'gcloud compute instances describe vm-1', 'gcloud config set project p', 'gcloud auth login', 'gcloud compute instances delete --help', 'gcloud projects delete p'],
  },
});
