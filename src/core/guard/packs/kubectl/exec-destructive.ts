import { asksForHelp, positionals } from '../../../argv';
import { defineRule } from '../../rule';
import { nestedVerdict } from '../cli-words';
import { KUBECTL_KEYWORDS, KUBECTL_TOOLS, KUBECTL_VALUED } from './shape';

/** `kubectl exec POD -- CMD` runs CMD inside the container: it gets the same rules as a local command. */
export default defineRule({
  id: 'kubectl.exec-destructive',
  resource: 'data inside a running container',
  severity: 'high',
  decision: 'ask',
  reason: 'Runs a destructive command inside a Kubernetes container.',
  suggestion: 'Check the context and pod first (`kubectl config current-context`), and back up what the command touches.',
  keywords: KUBECTL_KEYWORDS,
  tools: KUBECTL_TOOLS,
  match: (command, context) => {
    const args = command.argv.slice(1);
    const split = args.indexOf('--');
    if (split < 0) return undefined;
    const before = args.slice(0, split);
    if (asksForHelp(before, KUBECTL_VALUED) || positionals(before, KUBECTL_VALUED)[0] !== 'exec') return undefined;
    const inner = args.slice(split + 1);
    if (!inner.length) return undefined;
    return nestedVerdict(context.checkArgv(inner, '/'), 'Inside a Kubernetes container');
  },
  examples: {
    match: ['kubectl exec -it postgres-0 -n db -- psql -c "DROP TABLE users"', 'kubectl exec web-0 -n prod -- rm -rf /var/lib/app'],
    noMatch: ['kubectl exec -it postgres-0 -- psql -c "SELECT 1"', 'kubectl exec web-1 -- ls /data', 'kubectl logs web-1'],
  },
});
