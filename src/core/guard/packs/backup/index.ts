import { definePack } from '../../rule';
import borg from './borg';
import rclone from './rclone';
import restic from './restic';
import velero from './velero';

export default definePack({
  id: 'backup',
  name: 'Backup and sync tools',
  description: 'rclone, restic, Borg and Velero: deleting remote files, backup snapshots, archives and repositories.',
  helpSubcommand: ['restic', 'borg', 'velero', 'rclone'],
  rules: [rclone, restic, borg, velero],
});
