import { hasFlag, hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { gcloudVerbPath } from './shape';

/** `gcloud storage` and the older `gsutil` delete objects and buckets alike. */
export default defineRule({
  id: 'gcloud.storage-delete',
  resource: 'objects in a Cloud Storage bucket, or the bucket itself',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes Cloud Storage objects or buckets; without object versioning they cannot be recovered.',
  suggestion: "List what would go first (`gcloud storage ls -r PATH`) and check the bucket's versioning and soft-delete policy.",
  tools: ['gcloud', 'gsutil'],
  match: (command) => {
    const args = command.argv.slice(1);
    const recursive = hasFlag(args, '-r', '-R', '--recursive');
    if (command.argv[0] === 'gsutil') {
      const words = matchPath(command, ['-o', '-h', '-p'], ['rm'], ['rb'], ['rsync']);
      if (!words) return undefined;
      if (words[0] === 'rsync') return hasFlag(args, '-d') ? { resource: 'objects at the rsync destination missing from the source' } : undefined;
      return recursive || words[0] === 'rb' ? { severity: 'critical', resource: 'every object under a Cloud Storage path, or a bucket' } : {};
    }
    const path = gcloudVerbPath(command, ['rm', 'delete', 'rsync'])?.join(' ');
    if (path === 'storage rm') return recursive ? { severity: 'critical', resource: 'every object under a Cloud Storage path' } : {};
    if (path === 'storage buckets delete') return { severity: 'critical', resource: 'a Cloud Storage bucket' };
    if (path === 'storage rsync') return hasOption(args, '--delete-unmatched-destination-objects') ? {} : undefined;
    return undefined;
  },
  examples: {
    match: [
      { line: 'gcloud storage rm -r gs://my-bucket', decision: 'ask' },
      'gcloud storage rm gs://my-bucket/a.txt',
      { line: 'gcloud storage buckets delete gs://my-bucket', decision: 'ask' },
      { line: 'gsutil rm -r gs://my-bucket', decision: 'ask' },
      'gsutil -m rm -r gs://b/path',
      'gsutil -h "Cache-Control:no-cache" rm -r gs://b',
      { line: 'gsutil rb gs://my-bucket', decision: 'ask' },
      'gsutil rsync -d ./dist gs://site',
    ],
    noMatch: [
      { line: 'gcloud storage ls gs://my-bucket', decision: 'allow' },
      'gcloud storage cp a.txt gs://b/',
      'gsutil ls gs://b',
      { line: 'gsutil cp -r ./dist gs://site', decision: 'allow' },
      'gsutil rsync -r ./dist gs://site',
    ],
  },
});
