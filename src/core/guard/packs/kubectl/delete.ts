import { defineRule } from '../../rule';
import { KUBECTL_KEYWORDS, KUBECTL_TOOLS, kubectlDelete, NAMESPACE_KINDS, STORAGE_KINDS } from './shape';

/** Deleting these one at a time is routine: controllers recreate pods, jobs and events are throwaway. */
const ROUTINE_KINDS = ['po', 'pod', 'pods', 'job', 'jobs', 'event', 'events', 'ev'];
/** Deleting a custom resource definition deletes every object of that type, in every namespace. */
const DEFINITION_KINDS = ['crd', 'crds', 'customresourcedefinition', 'customresourcedefinitions'];
/** Stateful workloads: their pods hold the database; the volume claims stay, but the service stops. */
const STATEFUL_KINDS = ['statefulset', 'statefulsets', 'sts'];
/** Kinds a manifest may name that take data with them. */
const DATA_KINDS = /^\s*kind:\s*["']?(Namespace|PersistentVolumeClaim|PersistentVolume|StatefulSet|CustomResourceDefinition)\b/m;

export default defineRule({
  id: 'kubectl.delete',
  resource: 'the Kubernetes resources named (deployments, services, secrets, config...)',
  severity: 'medium',
  decision: 'ask',
  reason: 'Deletes Kubernetes resources: what they run or hold (a deployment, a service, a secret) is gone until re-applied.',
  suggestion: 'Check the context (`kubectl config current-context`) and preview with `--dry-run=server`, or use `kubectl diff` for manifests.',
  keywords: KUBECTL_KEYWORDS,
  tools: KUBECTL_TOOLS,
  match: (command, context) => {
    const del = kubectlDelete(command);
    if (!del || del.wholesale) return undefined;
    if (del.kinds.some((k) => NAMESPACE_KINDS.includes(k) || STORAGE_KINDS.includes(k))) return undefined;
    if (del.files.length) {
      const texts = del.files.map((f) => (f === '-' || /^https?:/.test(f) ? undefined : context.readFile(f, command.cwd)));
      if (texts.some((t) => t !== undefined && DATA_KINDS.test(t))) {
        return { severity: 'critical', resource: 'what the manifest describes, including namespaces, volumes or stateful sets' };
      }
      return { resource: 'whatever the manifest describes' };
    }
    if (del.kinds.length && del.kinds.every((k) => ROUTINE_KINDS.includes(k))) return undefined;
    if (del.kinds.some((k) => DEFINITION_KINDS.includes(k))) {
      return { severity: 'critical', resource: 'a custom resource definition and every object of that type, in every namespace' };
    }
    if (del.kinds.some((k) => STATEFUL_KINDS.includes(k))) return { severity: 'high' };
    return del.kinds.length ? {} : undefined;
  },
  examples: {
    match: [
      { line: 'kubectl delete deployment web -n prod', decision: 'ask' },
      { line: 'kubectl delete svc,deploy web', decision: 'ask' },
      { line: 'kubectl delete -f k8s/', decision: 'ask' },
      'kubectl delete -k overlays/prod',
      { line: 'kubectl delete secret db-credentials', decision: 'ask' },
      'kubectl delete crd certificates.cert-manager.io',
      { line: 'kubectl delete statefulset postgres', decision: 'ask' },
    ],
    noMatch: [
      'kubectl delete pod web-7d9f -n prod',
      { line: 'kubectl delete pods -l app=web', decision: 'allow' },
      { line: 'kubectl delete job migrate-1', decision: 'allow' },
      'kubectl get deployments',
      'kubectl delete deployment web --dry-run=client',
      'kubectl apply -f k8s/',
    ],
  },
});
