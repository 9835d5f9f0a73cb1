import { defineRule } from '../../rule';
import { GCLOUD_KEYWORDS, GCLOUD_TOOLS, gcloudVerbPath } from './shape';

/**
 * `gcloud sql import` runs a dump from Cloud Storage against an instance. Airlock cannot read
 * the file, and dumps routinely start by dropping what they recreate: never guess, ask.
 */
export default defineRule({
  id: 'gcloud.sql-import',
  resource: 'the tables a SQL dump replaces in a Cloud SQL database',
  severity: 'high',
  decision: 'ask',
  reason: 'Imports a dump Airlock cannot read into a Cloud SQL database; dumps usually drop and recreate the tables they contain.',
  suggestion: 'Export the database first (`gcloud sql export sql INSTANCE gs://bucket/before-import.sql`), and import into a clone to check.',
  keywords: GCLOUD_KEYWORDS,
  tools: GCLOUD_TOOLS,
  match: (command) => (gcloudVerbPath(command, ['import'])?.join(' ') === 'sql import' ? {} : undefined),
  examples: {
    match: [
      { line: 'gcloud sql import sql prod-db gs://backups/dump.sql --database=app', decision: 'ask' },
      'gcloud sql import csv prod-db gs://b/users.csv --database=app --table=users',
    ],
    noMatch: [{ line: 'gcloud sql export sql prod-db gs://backups/dump.sql --database=app', decision: 'allow' }, 'gcloud sql instances list'],
  },
});
