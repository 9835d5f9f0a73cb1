// Backup and sync tools (rclone, restic, Borg, Velero): [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'rclone sync ./dist s3:site --delete-excluded', 'backup.rclone-delete'],
  ['ask', 'rclone purge remote:important-bucket', 'backup.rclone-delete'],
  ['ask', 'rclone delete remote:important-bucket/path', 'backup.rclone-delete'],
  ['ask', 'rclone move /src remote:important-bucket', 'backup.rclone-delete'],
  ['ask', 'sudo rclone sync /srv remote:backup', 'backup.rclone-delete'],
  ['ask', 'restic -r /srv/restic-repo prune', 'backup.restic-forget'],
  ['ask', 'RESTIC_REPOSITORY=s3:s3.amazonaws.com/b restic forget latest', 'backup.restic-forget'],
  ['ask', 'borg prune --keep-daily 7 repo', 'backup.borg-delete'],
  ['ask', 'borg compact repo', 'backup.borg-delete'],
  ['ask', 'velero backup delete daily-backup --confirm', 'backup.velero-delete'],
  ['allow', 'rclone copy /src remote:important-bucket'],
  ['allow', 'rclone sync /src remote:important-bucket --dry-run'],
  ['allow', 'rclone ls remote:important-bucket'],
  ['allow', 'rclone check /src remote:important-bucket'],
  ['allow', 'restic snapshots'],
  ['allow', 'restic forget --keep-last 3 --dry-run'],
  ['allow', 'borg prune --dry-run --list --keep-daily 7 repo'],
  ['allow', 'velero backup get'],
  ['allow', 'velero backup create nightly --include-namespaces prod'],
] satisfies Corpus;
