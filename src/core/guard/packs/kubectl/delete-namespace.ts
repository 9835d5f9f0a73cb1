import { defineRule } from '../../rule';
import { KUBECTL_KEYWORDS, KUBECTL_TOOLS, kubectlDelete, NAMESPACE_KINDS } from './shape';

const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease', 'openshift', 'openshift-etcd', 'openshift-apiserver'];

export default defineRule({
  id: 'kubectl.delete-namespace',
  resource: 'a Kubernetes namespace and everything in it: workloads, services, secrets, volume claims',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes a Kubernetes namespace and everything in it, persistent volume claims (and often their data) included.',
  suggestion: 'Check the context first (`kubectl config current-context`) and list what is inside (`kubectl get all,pvc -n NS`).',
  keywords: KUBECTL_KEYWORDS,
  tools: KUBECTL_TOOLS,
  match: (command) => {
    const del = kubectlDelete(command);
    if (!del?.kinds.some((k) => NAMESPACE_KINDS.includes(k))) return undefined;
    // The cluster's own namespaces, or every namespace at once: never a step in normal work.
    const system = del.names.find((n) => SYSTEM_NAMESPACES.includes(n));
    if (system || del.wholesale) {
      return {
        decision: 'deny',
        reason: system
          ? `Deletes the ${system} namespace: the cluster's own components run there, and the cluster stops working.`
          : 'Deletes every namespace in the cluster, and everything in them.',
      };
    }
    return {};
  },
  examples: {
    match: [
      { line: 'kubectl delete namespace prod', decision: 'ask' },
      { line: 'kubectl delete ns staging --context prod-cluster', decision: 'ask' },
      { line: 'kubectl delete namespace/prod', decision: 'ask' },
      'oc delete ns team-a',
      'kubectl delete ns kube-system',
      'kubectl delete namespaces --all',
    ],
    noMatch: [
      'kubectl get ns',
      'kubectl create namespace dev',
      { line: 'kubectl delete ns prod --dry-run=client', decision: 'allow' },
      'kubectl delete pod web-1 -n prod',
    ],
  },
});
