import { defineRule } from '../../rule';
import { KUBECTL_KEYWORDS, KUBECTL_TOOLS, kubectlDelete, NAMESPACE_KINDS, STORAGE_KINDS } from './shape';

export default defineRule({
  id: 'kubectl.delete-all',
  resource: 'every resource of the named kinds in the namespace (or in all namespaces)',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes every resource of a kind at once (--all, --all-namespaces or `all`): whole applications go down.',
  suggestion: 'Run it with `--dry-run=server -o name` first to see the list, and name the resources instead.',
  keywords: KUBECTL_KEYWORDS,
  tools: KUBECTL_TOOLS,
  match: (command) => {
    const del = kubectlDelete(command);
    if (!del?.wholesale) return undefined;
    // Namespaces and storage have their own, more specific rule.
    if (del.kinds.some((k) => NAMESPACE_KINDS.includes(k) || STORAGE_KINDS.includes(k))) return undefined;
    return {};
  },
  examples: {
    match: [
      { line: 'kubectl delete all --all', decision: 'ask' },
      { line: 'kubectl delete deployments --all -n prod', decision: 'ask' },
      'kubectl delete pods --all-namespaces --all',
      'kubectl delete all -l app=web',
      'kubectl delete pods -A -l app=web',
    ],
    noMatch: ['kubectl get all --all-namespaces', 'kubectl delete deployment web', 'kubectl delete all --all --dry-run=client', 'kubectl delete ns prod'],
  },
});
