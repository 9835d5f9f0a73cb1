import type { SimpleCommand } from '../../../shell/command';
import { matchLeadingVerb } from '../cli-words';

/** How Cloudflare's wrangler reads its arguments. Older releases spell groups `kv:namespace`, `kv:key`. */
export const WRANGLER_TOOLS = ['wrangler'];
export const WRANGLER_KEYWORDS = ['wrangler'];
export const WRANGLER_VALUED = [
  '-c',
  '--config',
  '-e',
  '--env',
  '--name',
  '--binding',
  '--namespace-id',
  '--command',
  '--file',
  '--account-id',
  '--project-name',
  '--jurisdiction',
  '--cwd',
];

/** The command path up to its `delete` verb, `kv:key delete` read as `kv key delete`. */
export function wranglerDeletePath(command: SimpleCommand): string[] | undefined {
  return matchLeadingVerb(command, WRANGLER_VALUED, ['delete'], { maxDepth: 4, minWords: 1, topics: true });
}
