import { optionValue } from '../../../argv';
import { defineRule } from '../../rule';
import { matchPath, nestedVerdict } from '../cli-words';
import { FLY_KEYWORDS, FLY_TOOLS, FLY_VALUED } from './shape';

/** `fly ssh console -C CMD` runs CMD on a machine of the app, next to its volumes. */
export default defineRule({
  id: 'fly.ssh-destructive',
  resource: 'what the command destroys, on a Fly.io machine',
  severity: 'high',
  decision: 'ask',
  reason: "Runs a destructive command on a Fly.io machine, where the app's volumes are mounted.",
  suggestion: 'Snapshot the volume first (`fly volumes snapshots create`).',
  keywords: FLY_KEYWORDS,
  tools: FLY_TOOLS,
  match: (command, context) => {
    if (!matchPath(command, [...FLY_VALUED, '-C', '--command'], ['ssh', 'console'])) return undefined;
    const remote = optionValue(command.argv, '-C', '--command');
    return remote ? nestedVerdict(context.checkLine(remote, '/'), 'On a Fly.io machine') : undefined;
  },
  examples: {
    match: [{ line: 'fly ssh console -C "rm -rf /data/uploads"', decision: 'ask' }, "flyctl ssh console -a web --command 'rm -rf /data'"],
    noMatch: [{ line: 'fly ssh console', decision: 'allow' }, 'fly ssh console -C "ls /data"', 'fly ssh issue'],
  },
});
