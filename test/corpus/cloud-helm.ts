// Helm: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'helm uninstall web -n prod', 'helm.uninstall'],
  ['ask', 'helm delete postgres', 'helm.uninstall'],
  ['ask', 'helm un web --keep-history', 'helm.uninstall'],
  ['ask', 'helm --kube-context prod uninstall api', 'helm.uninstall'],
  ['ask', "sh -c 'helm uninstall web -n prod'", 'helm.uninstall'],
  ['allow', 'helm list -A'],
  ['allow', 'helm status web'],
  ['allow', 'helm history web'],
  ['allow', 'helm uninstall web --dry-run'],
  ['allow', 'helm upgrade --install web ./chart -n prod'],
  ['allow', 'helm rollback web 3'],
  ['allow', 'helm template ./chart'],
  ['allow', 'helm repo update'],
  ['allow', 'helm uninstall --help'],
] satisfies Corpus;
