import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

const HELMFILE_VALUED = [
  '-f',
  '--file',
  '-e',
  '--environment',
  '-l',
  '--selector',
  '--state-values-set',
  '--state-values-file',
  '--kube-context',
  '-n',
  '--namespace',
  '-b',
  '--helm-binary',
  '--chart',
  '--log-level',
];

/** helmfile's teardown commands uninstall every release the helmfile (or its selector) names. */
export default defineRule({
  id: 'helm.helmfile-destroy',
  resource: "every Helm release the helmfile names, with their volumes' claims",
  severity: 'critical',
  decision: 'ask',
  reason:
    'helmfile destroy/delete uninstalls every release in the helmfile: the services go down, and persistent volume claims created by the charts may be deleted with their data.',
  suggestion: 'Run `helmfile -e ENV list` to see the releases and the context first, and narrow it with `-l name=…`.',
  tools: ['helmfile'],
  match: (command) => (matchPath(command, HELMFILE_VALUED, [['destroy', 'delete']]) ? {} : undefined),
  examples: {
    match: [
      { line: 'helmfile destroy', decision: 'ask' },
      { line: 'helmfile -e prod destroy', decision: 'ask' },
      'helmfile --file helmfile.d/ -l app=api delete --purge',
    ],
    noMatch: [{ line: 'helmfile diff', decision: 'allow' }, { line: 'helmfile -e prod list', decision: 'allow' }, 'helmfile apply', 'helmfile destroy --help'],
  },
});
