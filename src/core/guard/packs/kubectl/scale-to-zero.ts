import { optionValue } from '../../../argv';
import { defineRule } from '../../rule';
import { KUBECTL_KEYWORDS, KUBECTL_TOOLS, kubectlCalls } from './shape';

export default defineRule({
  id: 'kubectl.scale-to-zero',
  resource: 'every running replica of a workload',
  severity: 'medium',
  decision: 'ask',
  reason: 'Scales a workload to zero replicas: it stops serving until scaled back up.',
  suggestion: 'Note the current replica count first (`kubectl get deploy NAME`) so it can be restored.',
  keywords: KUBECTL_KEYWORDS,
  tools: KUBECTL_TOOLS,
  match: (command) => {
    const call = kubectlCalls(command).find((c) => c.words[0] === 'scale');
    return call && optionValue(call.args, '--replicas') === '0' ? {} : undefined;
  },
  examples: {
    match: [{ line: 'kubectl scale deployment web --replicas=0', decision: 'ask' }, 'kubectl scale sts postgres --replicas 0 -n db'],
    noMatch: [
      { line: 'kubectl scale deployment web --replicas=3', decision: 'allow' },
      'kubectl get deploy web',
      'kubectl scale deployment web --replicas=0 --dry-run=client',
    ],
  },
});
