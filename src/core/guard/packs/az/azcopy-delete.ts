import { optionValue, positionals } from '../../../argv';
import { defineRule } from '../../rule';

/**
 * azcopy: `rm`/`remove` deletes blobs or files, and `sync --delete-destination=true` deletes
 * whatever the destination has that the source lacks, without asking (`prompt` asks first).
 */
export default defineRule({
  id: 'az.azcopy-delete',
  resource: 'Azure Storage blobs or files',
  severity: 'high',
  decision: 'ask',
  reason:
    'azcopy deletes Azure Storage blobs or files: `remove`, or `sync --delete-destination true`, which deletes everything at the destination that the source lacks.',
  suggestion: 'Run with --dry-run first, or use --delete-destination prompt.',
  tools: ['azcopy'],
  match: (command) => {
    const args = command.argv.slice(1);
    if (args.includes('--dry-run') || args.includes('--help') || args.includes('-h')) return undefined;
    const [verb, target] = positionals(args, [
      '--include-pattern',
      '--exclude-pattern',
      '--from-to',
      '--log-level',
      '--include-path',
      '--exclude-path',
      '--list-of-files',
      '--delete-destination',
    ]);
    if (verb === 'rm' || verb === 'remove')
      return {
        reason: `azcopy ${verb} deletes ${target ?? 'blobs'}${args.includes('--recursive') || args.includes('--recursive=true') ? ' and everything under it' : ''}.`,
      };
    if ((verb === 'sync' || verb === 'copy' || verb === 'cp') && optionValue(args, '--delete-destination')?.toLowerCase() === 'true') {
      return {
        severity: 'critical',
        reason: `azcopy ${verb} --delete-destination true deletes everything at the destination that the source lacks, without asking.`,
      };
    }
    return undefined;
  },
  examples: {
    match: [
      { line: 'azcopy sync ./site "https://acme.blob.core.windows.net/web" --delete-destination true', decision: 'ask', severity: 'critical' },
      'azcopy sync ./site "https://acme.blob.core.windows.net/web" --delete-destination=true --recursive',
      { line: 'azcopy remove "https://acme.blob.core.windows.net/data/2024" --recursive', decision: 'ask' },
      'azcopy rm "https://acme.file.core.windows.net/share/report.csv"',
    ],
    noMatch: [
      { line: 'azcopy sync ./site "https://acme.blob.core.windows.net/web"', decision: 'allow' },
      { line: 'azcopy sync ./site "https://acme.blob.core.windows.net/web" --delete-destination prompt', decision: 'allow' },
      'azcopy copy ./a "https://acme.blob.core.windows.net/c"',
      'azcopy list "https://acme.blob.core.windows.net/c"',
      'azcopy remove "https://acme.blob.core.windows.net/c" --dry-run',
    ],
  },
});
