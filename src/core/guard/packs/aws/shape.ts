import { asksForHelp, hasOption, readings } from '../../../argv';
import type { SimpleCommand } from '../../../shell/command';

/** How the AWS CLI reads its arguments: `aws [global options] SERVICE OPERATION [options]`. */
export const AWS_TOOLS = ['aws'];
export const AWS_KEYWORDS = ['aws'];
const AWS_VALUED = [
  '--region',
  '--profile',
  '--output',
  '--endpoint-url',
  '--query',
  '--color',
  '--ca-bundle',
  '--cli-read-timeout',
  '--cli-connect-timeout',
  '--cli-binary-format',
];

export interface AwsCall {
  service: string;
  operation: string;
  /** Everything after the tool name. */
  args: string[];
  /** Positional words after the operation (S3 paths, for the `s3` commands). */
  operands: string[];
}

/**
 * The service and operation the command calls, in every reading of its options. Help
 * (`aws s3 rm help`, `--help`) and dry runs (`--dryrun` for s3, `--dry-run` for EC2) do nothing,
 * so they yield none.
 */
export function awsCalls(command: SimpleCommand): AwsCall[] {
  const args = command.argv.slice(1);
  if (asksForHelp(args) || hasOption(args, '--dryrun', '--dry-run')) return [];
  return readings(args, AWS_VALUED)
    .filter((words) => words.length >= 2 && words[2] !== 'help')
    .map((words) => ({ service: words[0]!, operation: words[1]!, args, operands: words.slice(2) }));
}

/** The first call to `service` whose operation is one of `operations`. */
export function awsCall(command: SimpleCommand, service: string, operations: readonly string[]): AwsCall | undefined {
  return awsCalls(command).find((c) => c.service === service && operations.includes(c.operation));
}
