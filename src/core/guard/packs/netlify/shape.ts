import type { SimpleCommand } from '../../../shell/command';
import { matchTopicPath, type PathStep } from '../cli-words';

/** How the Netlify CLI reads its arguments (`topic:command`, or space-separated); `ntl` is its alias. */
export const NETLIFY_TOOLS = ['netlify', 'ntl'];
/** `netlify-cli` is one word to the fast path: `npx netlify-cli` needs it listed. */
export const NETLIFY_KEYWORDS = ['netlify', 'ntl', 'netlify-cli'];
const NETLIFY_VALUED = ['--site', '--auth', '--context', '--filter', '--scope', '--store'];

export function netlifyPath(command: SimpleCommand, ...paths: ReadonlyArray<readonly PathStep[]>): string[] | undefined {
  return matchTopicPath(command, NETLIFY_VALUED, ...paths);
}
