import type { SimpleCommand } from '../../../shell/command';
import { matchPath, type PathStep } from '../cli-words';

/** How the Pulumi CLI reads its arguments. */
export const PULUMI_TOOLS = ['pulumi'];
export const PULUMI_KEYWORDS = ['pulumi'];
const PULUMI_VALUED = ['-s', '--stack', '-C', '--cwd', '--config-file', '-m', '--message', '-t', '--target', '-p', '--parallel', '--exclude', '--replace'];

export function pulumiPath(command: SimpleCommand, ...paths: ReadonlyArray<readonly PathStep[]>): string[] | undefined {
  return matchPath(command, PULUMI_VALUED, ...paths);
}
