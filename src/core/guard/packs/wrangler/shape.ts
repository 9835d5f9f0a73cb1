import type { SimpleCommand } from '../../types';
import { asksForHelp, leadingVerb, readings } from '../cli-words';

/** How Cloudflare's wrangler reads its arguments. Older releases spell groups `kv:namespace`, `kv:key`. */
export const WRANGLER_TOOLS = ['wrangler'];
export const WRANGLER_KEYWORDS = ['wrangler'];
export const WRANGLER_VALUED = ['-c', '--config', '-e', '--env', '--name', '--binding', '--namespace-id', '--command', '--file', '--account-id', '--project-name', '--jurisdiction', '--cwd'];

/** The command path up to its `delete` verb, `kv:key delete` read as `kv key delete`. */
export function wranglerDeletePath(command: SimpleCommand): string[] | undefined {
  const args = command.argv.slice(1);
  if (asksForHelp(args)) return undefined;
  for (const reading of readings(args, WRANGLER_VALUED)) {
    const words = reading.flatMap((w, i) => (i === 0 ? w.split(':') : [w]));
    const path = leadingVerb(words, ['delete'], 4);
    if (path) return path;
  }
  return undefined;
}
