import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

const HELM_VALUED = [
  '-n',
  '--namespace',
  '--kube-context',
  '--kubeconfig',
  '--timeout',
  '--description',
  '--cascade',
  '--kube-apiserver',
  '--kube-token',
  '--registry-config',
  '--repository-config',
];

export default defineRule({
  id: 'helm.uninstall',
  resource: 'a Helm release and every Kubernetes resource it installed',
  severity: 'high',
  decision: 'ask',
  reason:
    'Uninstalls a Helm release: every Kubernetes resource it created is deleted (volume claims from its stateful sets are usually kept, but what they served goes down).',
  suggestion:
    'Check the context and namespace (`helm list -n NS`), preview with `--dry-run`, and keep the history with `--keep-history` so it can be rolled back.',
  tools: ['helm'],
  match: (command) => {
    if (!matchPath(command, HELM_VALUED, [['uninstall', 'delete', 'del', 'un']])) return undefined;
    return hasOption(command.argv, '--dry-run') ? undefined : {};
  },
  examples: {
    match: [
      { line: 'helm uninstall web -n prod', decision: 'ask' },
      { line: 'helm delete postgres', decision: 'ask' },
      { line: 'helm un web --keep-history', decision: 'ask' },
      { line: 'helm --kube-context prod uninstall api', decision: 'ask' },
    ],
    noMatch: [
      { line: 'helm list -A', decision: 'allow' },
      { line: 'helm status web', decision: 'allow' },
      { line: 'helm uninstall web --dry-run', decision: 'allow' },
      'helm upgrade --install web ./chart',
      { line: 'helm uninstall --help', decision: 'allow' },
    ],
  },
});
