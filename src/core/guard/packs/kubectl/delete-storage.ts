import { defineRule } from '../../rule';
import { KUBECTL_KEYWORDS, KUBECTL_TOOLS, kubectlDelete, STORAGE_KINDS } from './shape';

export default defineRule({
  id: 'kubectl.delete-storage',
  resource: 'Kubernetes persistent volumes or claims, and the data on them',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes persistent volumes or volume claims: with the usual Delete reclaim policy, the disk and its data go with them.',
  suggestion: "Check the reclaim policy (`kubectl get pv`) and snapshot the volume (VolumeSnapshot or your cloud's disk snapshot) first.",
  keywords: KUBECTL_KEYWORDS,
  tools: KUBECTL_TOOLS,
  match: (command) => (kubectlDelete(command)?.kinds.some((k) => STORAGE_KINDS.includes(k)) ? {} : undefined),
  examples: {
    match: [
      'kubectl delete pvc data-postgres-0 -n prod',
      { line: 'kubectl delete pv pvc-1234', decision: 'ask' },
      'kubectl delete persistentvolumeclaim/data',
      'kubectl -n db delete pvc --all',
    ],
    noMatch: ['kubectl get pvc -n prod', 'kubectl describe pv pvc-1234', 'kubectl delete pvc data --dry-run=server'],
  },
});
