import { asksForHelp, hasFlag, hasOption, optionValue, readings } from '../../../argv';
import type { SimpleCommand } from '../../../shell/command';

/** kubectl, OpenShift's `oc` and the `kubecolor` wrapper read the same arguments. */
export const KUBECTL_TOOLS = ['kubectl', 'oc', 'kubecolor'];
export const KUBECTL_KEYWORDS = ['kubectl', 'oc', 'kubecolor'];
export const KUBECTL_VALUED = [
  '-n',
  '--namespace',
  '--context',
  '--cluster',
  '--user',
  '--kubeconfig',
  '-s',
  '--server',
  '--token',
  '-l',
  '--selector',
  '-f',
  '--filename',
  '-k',
  '--kustomize',
  '-o',
  '--output',
  '--field-selector',
  '-c',
  '--container',
  '--timeout',
  '--grace-period',
  '--as',
  '--as-group',
  '--request-timeout',
  '--cascade',
  '--replicas',
  '--prune-allowlist',
  '--pod-selector',
  '--chunk-size',
];

export interface KubectlCall {
  /** The verb (`delete`, `drain`...) and its operands. */
  words: string[];
  args: string[];
}

/**
 * The kubectl verb and operands, in every reading of the options. A dry run (`--dry-run`,
 * `--dry-run=client|server`) or a help request changes nothing, so it yields no call.
 */
export function kubectlCalls(command: SimpleCommand): KubectlCall[] {
  const args = command.argv.slice(1);
  const beforeExec = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (asksForHelp(beforeExec, KUBECTL_VALUED)) return [];
  const dryRun = optionValue(beforeExec, '--dry-run');
  if ((dryRun !== undefined && dryRun !== 'none') || beforeExec.includes('--dry-run')) return [];
  // OpenShift keeps cluster-admin verbs under `oc adm` (`oc adm drain NODE`).
  const admin = command.argv[0] === 'oc';
  return readings(beforeExec, KUBECTL_VALUED).map((words) => ({ words: admin && words[0] === 'adm' ? words.slice(1) : words, args: beforeExec }));
}

/** Resource kinds named by `TYPE`, `TYPE/NAME`, `TYPE1,TYPE2` or `TYPE.group`, lowercased. */
export function kindsOf(operands: readonly string[]): string[] {
  const first = operands[0];
  if (!first) return [];
  const typePart = first.includes('/')
    ? operands
        .filter((o) => o.includes('/'))
        .map((o) => o.split('/')[0]!)
        .join(',')
    : first;
  return typePart
    .split(',')
    .map((t) => t.toLowerCase().split('.')[0]!)
    .filter(Boolean);
}

export interface KubectlDelete {
  kinds: string[];
  /** Names given after the kind, or in TYPE/NAME form. */
  names: string[];
  /** --all, -A / --all-namespaces, or the `all` pseudo-kind. */
  wholesale: boolean;
  /** Manifests or kustomizations to delete what they describe. */
  files: string[];
  args: string[];
}

/** A `kubectl delete` call, read. */
export function kubectlDelete(command: SimpleCommand): KubectlDelete | undefined {
  const call = kubectlCalls(command).find((c) => c.words[0] === 'delete');
  if (!call) return undefined;
  const operands = call.words.slice(1);
  const kinds = kindsOf(operands);
  const files = [optionValue(call.args, '-f', '--filename'), optionValue(call.args, '-k', '--kustomize')].filter((f): f is string => f !== undefined);
  const wholesale = hasOption(call.args, '--all', '--all-namespaces') || hasFlag(call.args, '-A') || kinds.includes('all');
  const names = operands.some((o) => o.includes('/')) ? operands.filter((o) => o.includes('/')).map((o) => o.slice(o.indexOf('/') + 1)) : operands.slice(1);
  return { kinds, names, wholesale, files, args: call.args };
}

/** OpenShift's projects are namespaces. */
export const NAMESPACE_KINDS = ['ns', 'namespace', 'namespaces', 'project', 'projects'];
export const STORAGE_KINDS = ['pv', 'pvc', 'persistentvolume', 'persistentvolumes', 'persistentvolumeclaim', 'persistentvolumeclaims'];
