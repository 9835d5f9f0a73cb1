import type { SimpleCommand } from '../../../shell/command';
import { matchTopicPath, type PathStep } from '../cli-words';

/** How the Heroku CLI reads its arguments. */
export const HEROKU_TOOLS = ['heroku'];
export const HEROKU_KEYWORDS = ['heroku'];
const HEROKU_VALUED = ['-a', '--app', '-r', '--remote', '--confirm', '-t', '--team', '-o', '--org'];

/** The command path, `apps:destroy` and `apps destroy` alike. */
export function herokuPath(command: SimpleCommand, ...paths: ReadonlyArray<readonly PathStep[]>): string[] | undefined {
  return matchTopicPath(command, HEROKU_VALUED, ...paths);
}
