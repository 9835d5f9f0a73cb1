// Helm: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', "sh -c 'helm uninstall web -n prod'", 'helm.uninstall'],
  ['allow', 'helm history web'],
  ['allow', 'helm upgrade --install web ./chart -n prod'],
  ['allow', 'helm rollback web 3'],
  ['allow', 'helm template ./chart'],
  ['allow', 'helm repo update'],
] satisfies Corpus;
