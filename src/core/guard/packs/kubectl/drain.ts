import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { KUBECTL_KEYWORDS, KUBECTL_TOOLS, kubectlCalls } from './shape';

export default defineRule({
  id: 'kubectl.drain',
  resource: 'the pods running on a Kubernetes node',
  severity: 'high',
  decision: 'ask',
  reason:
    'Drains a node: every pod on it is evicted; with --delete-emptydir-data their scratch data is lost, and with --force unmanaged pods are gone for good.',
  suggestion: 'Cordon it first (`kubectl cordon NODE`) and check what runs there (`kubectl get pods -A --field-selector spec.nodeName=NODE`).',
  keywords: KUBECTL_KEYWORDS,
  tools: KUBECTL_TOOLS,
  match: (command) => {
    const call = kubectlCalls(command).find((c) => c.words[0] === 'drain');
    if (!call) return undefined;
    return hasOption(call.args, '--delete-emptydir-data', '--delete-local-data', '--force') ? { severity: 'critical' } : {};
  },
  examples: {
    match: ['kubectl drain node-1', 'oc adm drain node-1 --force', 'kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data --force'],
    noMatch: [{ line: 'kubectl cordon node-1', decision: 'allow' }, 'kubectl uncordon node-1', 'kubectl drain node-1 --dry-run=client', 'kubectl get nodes'],
  },
});
