import { hasOption, positionals } from '../../../argv';
import { defineRule } from '../../rule';

const VALUED = [
  '-c',
  '--config',
  '--access_key',
  '--secret_key',
  '--region',
  '--host',
  '--host-bucket',
  '--exclude',
  '--include',
  '--rexclude',
  '--rinclude',
  '--exclude-from',
  '--include-from',
  '--max-delete',
];

/** s3cmd, the other S3 CLI: `rm`/`del`, `rb` and `sync --delete-removed` delete objects or buckets. */
export default defineRule({
  id: 'aws.s3cmd-delete',
  resource: 'S3 objects or a whole bucket',
  severity: 'high',
  decision: 'ask',
  reason: 's3cmd deletes S3 objects (rm/del, sync --delete-removed) or a bucket (rb); without versioning they cannot be brought back.',
  suggestion: 'List first (`s3cmd ls --recursive s3://bucket/prefix`), or run with --dry-run.',
  tools: ['s3cmd'],
  match: (command) => {
    const args = command.argv.slice(1);
    if (hasOption(args, '--dry-run', '-n', '--help', '-h')) return undefined;
    const [verb, ...targets] = positionals(args, VALUED);
    const recursive = hasOption(args, '--recursive', '-r', '--force', '-f');
    if (verb === 'rm' || verb === 'del')
      return {
        reason: `s3cmd ${verb} deletes ${targets.join(', ') || 'objects'}${recursive ? ' and everything under it' : ''}.`,
        ...(recursive ? { severity: 'critical' as const } : {}),
      };
    if (verb === 'rb')
      return { severity: 'critical', reason: `s3cmd rb removes the bucket ${targets[0] ?? ''}${recursive ? ' with every object in it' : ''}.` };
    if (verb === 'sync' && hasOption(args, '--delete-removed', '--delete-after'))
      return { reason: 's3cmd sync --delete-removed deletes objects at the destination that the source lacks.' };
    return undefined;
  },
  examples: {
    match: [
      { line: 's3cmd rm s3://bucket/file', decision: 'ask' },
      { line: 's3cmd del --recursive s3://bucket/', decision: 'ask', severity: 'critical' },
      's3cmd rb --force s3://old-bucket',
      's3cmd sync --delete-removed ./site/ s3://www.acme.dev/',
    ],
    noMatch: [
      { line: 's3cmd ls s3://bucket', decision: 'allow' },
      { line: 's3cmd sync ./site/ s3://www.acme.dev/', decision: 'allow' },
      's3cmd rm --dry-run --recursive s3://bucket/',
      's3cmd get s3://bucket/file',
    ],
  },
});
