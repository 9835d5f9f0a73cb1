import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

const VELERO_VALUED = ['-n', '--namespace', '--kubeconfig', '--kubecontext', '-l', '--selector', '--name', '-o', '--output'];
const OBJECTS = ['backup', 'backups', 'restore', 'restores', 'schedule', 'schedules', 'snapshot', 'snapshots', 'snapshot-location', 'backup-location'];

export default defineRule({
  id: 'backup.velero-delete',
  resource: 'Velero backups, restores, schedules or snapshots of a Kubernetes cluster',
  severity: 'high',
  decision: 'ask',
  reason: "Deletes Velero backups (with their volume snapshots), restores or schedules: the cluster's restore points are gone.",
  suggestion: 'List them first (`velero backup get`) and keep at least one recent backup.',
  tools: ['velero'],
  match: (command) => {
    const words = matchPath(command, VELERO_VALUED, [OBJECTS, 'delete'], ['delete', OBJECTS]);
    if (!words) return undefined;
    return command.argv.includes('--all') ? { severity: 'critical' } : {};
  },
  examples: {
    match: [
      'velero backup delete daily-backup',
      { line: 'velero backup delete --all --confirm', decision: 'ask' },
      'velero schedule delete nightly',
      'velero snapshot delete --name snap-01',
      'velero delete backup daily-backup',
    ],
    noMatch: ['velero backup get', 'velero backup describe daily-backup', 'velero restore get', 'velero get backups', 'velero version'],
  },
});
