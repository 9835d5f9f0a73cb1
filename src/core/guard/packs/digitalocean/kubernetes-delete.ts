import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';
import { DOCTL_DELETE, DOCTL_KEYWORDS, DOCTL_TOOLS, DOCTL_VALUED } from './shape';

export default defineRule({
  id: 'digitalocean.kubernetes-delete',
  resource: 'a DigitalOcean Kubernetes cluster and the workloads on it',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes a DigitalOcean Kubernetes cluster and everything running on it; with --dangerous, its volumes and load balancers too.',
  suggestion: "Back up the cluster's state (e.g. with Velero) and its volumes first.",
  keywords: DOCTL_KEYWORDS,
  tools: DOCTL_TOOLS,
  match: (command) => {
    if (!matchPath(command, DOCTL_VALUED, [['kubernetes', 'k8s', 'k'], ['cluster', 'clusters', 'c'], DOCTL_DELETE])) return undefined;
    return hasOption(command.argv, '--dangerous')
      ? { severity: 'critical', resource: 'a DigitalOcean Kubernetes cluster with its volumes and load balancers' }
      : {};
  },
  examples: {
    match: ['doctl kubernetes cluster delete prod-cluster', 'doctl k8s cluster delete prod --dangerous --force'],
    noMatch: ['doctl kubernetes cluster list', { line: 'doctl kubernetes cluster kubeconfig save prod', decision: 'allow' }, 'doctl k8s cluster get prod'],
  },
});
