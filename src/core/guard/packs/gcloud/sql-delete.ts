import { defineRule } from '../../rule';
import { GCLOUD_KEYWORDS, GCLOUD_TOOLS, gcloudVerbPath } from './shape';

export default defineRule({
  id: 'gcloud.sql-delete',
  resource: 'a Cloud SQL instance or database and its data',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a Cloud SQL instance (with its automated backups) or a database in it, or restores a backup over a running instance.',
  suggestion: 'Export first (`gcloud sql export sql INSTANCE gs://bucket/backup.sql`) and turn on deletion protection.',
  keywords: GCLOUD_KEYWORDS,
  tools: GCLOUD_TOOLS,
  match: (command) => {
    const path = gcloudVerbPath(command, ['delete', 'restore-backup'])?.join(' ');
    if (path === 'sql instances delete' || path === 'sql databases delete' || path === 'sql instances restore-backup') return {};
    if (path === 'sql backups delete') return { severity: 'high', resource: 'a Cloud SQL backup: a restore point' };
    return undefined;
  },
  examples: {
    match: [
      { line: 'gcloud sql instances delete prod-db', decision: 'ask' },
      { line: 'gcloud sql databases delete app --instance prod-db', decision: 'ask' },
      { line: 'gcloud beta sql instances delete prod-db --quiet', decision: 'ask' },
      'gcloud sql backups delete 1234 --instance prod-db',
    ],
    noMatch: [
      'gcloud sql instances list',
      'gcloud sql instances describe prod-db',
      'gcloud sql export sql prod-db gs://b/x.sql',
      'gcloud sql backups list --instance prod-db',
    ],
  },
});
