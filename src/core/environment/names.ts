import { lastOptionValue } from '../argv';

/**
 * Options across the packs' tools whose value names the project, app, service, stack, cluster or
 * database a command acts on (`aws cloudformation delete-stack --stack-name api-stg`, `railway
 * down --service web-prod`). Long forms only: short letters mean different things per tool.
 * Option values that hold settings rather than names (`--env KEY=VALUE`) are left out on purpose.
 */
const NAME_OPTIONS = [
  '--project',
  '--project-name',
  '--project-id',
  '--app',
  '--app-name',
  '--application-name',
  '--service',
  '--service-name',
  '--stack',
  '--stack-name',
  '--cluster',
  '--cluster-name',
  '--cluster-identifier',
  '--database',
  '--database-name',
  '--db',
  '--db-name',
  '--db-instance-identifier',
  '--db-cluster-identifier',
  '--instance',
  '--instance-name',
  '--function-name',
  '--bucket',
  '--table-name',
  '--replication-group-id',
  '--cache-cluster-id',
  '--environment-name',
  '--resource-group',
];

/** A name the command line itself gives to what it acts on, and the option that gave it. */
export interface LineName {
  option: string;
  value: string;
}

/** Names given by NAME_OPTIONS on the line, bounded; each classified like any other label (words split on `-_./:`). */
export function lineNames(args: readonly string[]): LineName[] {
  if (!args.some((a) => a.startsWith('--'))) return [];
  const out: LineName[] = [];
  for (const option of NAME_OPTIONS) {
    const value = lastOptionValue(args, [option], false);
    if (value && value.length <= 256 && !value.startsWith('-')) out.push({ option, value });
    if (out.length >= 8) break;
  }
  return out;
}
