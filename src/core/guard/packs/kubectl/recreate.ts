import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { KUBECTL_KEYWORDS, KUBECTL_TOOLS, kubectlCalls } from './shape';

export default defineRule({
  id: 'kubectl.recreate',
  resource: 'live Kubernetes resources the manifests replace or no longer list',
  severity: 'high',
  decision: 'ask',
  reason:
    '`kubectl apply --prune` deletes every matching resource the manifests no longer list; `kubectl replace --force` deletes and recreates resources, dropping their live state.',
  suggestion: 'Preview with `kubectl diff -f ...` (and `--dry-run=server` for the prune list).',
  keywords: KUBECTL_KEYWORDS,
  tools: KUBECTL_TOOLS,
  match: (command) => {
    const call = kubectlCalls(command).find(
      (c) => (c.words[0] === 'apply' && hasOption(c.args, '--prune')) || (c.words[0] === 'replace' && hasOption(c.args, '--force')),
    );
    return call
      ? { resource: call.words[0] === 'apply' ? 'live resources the manifests no longer list' : 'the replaced resources and their live state' }
      : undefined;
  },
  examples: {
    match: [
      { line: 'kubectl apply -f k8s/ --prune -l app=web', decision: 'ask' },
      { line: 'kubectl replace --force -f pod.yaml', decision: 'ask' },
    ],
    noMatch: [
      'kubectl apply -f k8s/',
      'kubectl replace -f deploy.yaml',
      { line: 'kubectl diff -f k8s/', decision: 'allow' },
      'kubectl apply -f k8s/ --prune --dry-run=server -l app=web',
    ],
  },
});
