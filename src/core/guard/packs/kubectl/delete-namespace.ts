import { defineRule } from '../../rule';
import { KUBECTL_KEYWORDS, KUBECTL_TOOLS, NAMESPACE_KINDS, kubectlDelete } from './shape';

export default defineRule({
  id: 'kubectl.delete-namespace',
  resource: 'a Kubernetes namespace and everything in it: workloads, services, secrets, volume claims',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a Kubernetes namespace and everything in it, persistent volume claims (and often their data) included.',
  suggestion: 'Check the context first (`kubectl config current-context`) and list what is inside (`kubectl get all,pvc -n NS`).',
  keywords: KUBECTL_KEYWORDS,
  tools: KUBECTL_TOOLS,
  match: (command) => (kubectlDelete(command)?.kinds.some((k) => NAMESPACE_KINDS.includes(k)) ? {} : undefined),
  examples: {
    match: ['kubectl delete namespace prod', 'kubectl delete ns staging --context prod-cluster', 'kubectl delete namespace/prod', 'oc delete ns team-a'],
    noMatch: ['kubectl get ns', 'kubectl create namespace dev', 'kubectl delete ns prod --dry-run=client', 'kubectl delete pod web-1 -n prod'],
  },
});
