import { flagValue, hasFlag } from '../../../argv';
import { defineRule } from '../../rule';
import { targetsOf } from './paths';

/** A block device: writing to it destroys every partition and file system on it. */
export function isBlockDevice(path: string): boolean {
  return (
    /^\/dev\/(sd[a-z]|hd[a-z]|vd[a-z]|xvd[a-z]|nvme\d|mmcblk\d|disk\d|rdisk\d|md\d|dm-\d|mapper\/|loop\d|sr\d|root)/.test(path) ||
    /^\\\\\.\\PhysicalDrive\d/i.test(path)
  );
}

const FILE_SYSTEMS = [
  'ext2',
  'ext3',
  'ext4',
  'xfs',
  'btrfs',
  'vfat',
  'fat',
  'msdos',
  'exfat',
  'ntfs',
  'f2fs',
  'jfs',
  'reiserfs',
  'minix',
  'bfs',
  'cramfs',
  'hfsplus',
  'apfs',
  'udf',
];
const FORMATTERS = [
  'mkfs',
  ...FILE_SYSTEMS.map((fs) => `mkfs.${fs}`),
  'mke2fs',
  'mkswap',
  'wipefs',
  'sgdisk',
  'newfs',
  'newfs_apfs',
  'newfs_hfs',
  'mkdosfs',
  'mkntfs',
];

export default defineRule({
  id: 'filesystem.disk-overwrite',
  resource: 'a whole disk or partition and every file on it',
  severity: 'critical',
  decision: 'deny',
  reason: 'Writes over a disk device or formats it: every file system on it is gone.',
  suggestion: 'Double-check the device with lsblk; write to an image file instead when testing.',
  keywords: ['dd', 'mkfs', 'mke2fs', 'mkswap', 'wipefs', 'sgdisk', 'newfs', 'mkdosfs', 'mkntfs', 'diskutil', 'fdisk', 'parted'],
  tools: ['dd', ...FORMATTERS, 'diskutil', 'fdisk', 'parted'],
  match(command) {
    const [tool, ...args] = command.argv;
    if (tool === 'dd') {
      const output = args.find((a) => a.startsWith('of='))?.slice(3);
      return output && isBlockDevice(output) ? { reason: `dd would write straight over ${output}, destroying everything on it.` } : undefined;
    }
    if (tool === 'diskutil') {
      return /^(erase|zero|secureerase|partitiondisk|reformat)/i.test(args[0] ?? '') ? { reason: `diskutil ${args[0]} erases a disk.` } : undefined;
    }
    if (tool === 'fdisk' || tool === 'parted') {
      // Listing partitions is everyday work; changing them is not.
      if (args.some((a) => a === '-l' || a === '--list' || a === 'print')) return undefined;
      const device = targetsOf(args).find(isBlockDevice);
      return device && (tool === 'fdisk' || args.some((a) => /^(mklabel|rm|mkpart|resizepart)$/.test(a)))
        ? { decision: 'ask', severity: 'high', reason: `${tool} would change the partition table of ${device}.` }
        : undefined;
    }
    // wipefs without -a/--all or -o/--offset only lists signatures; -n/--no-act never writes.
    if (tool === 'wipefs' && (!hasFlag(args, '-a', '--all', '-o', '--offset') || hasFlag(args, '-n', '--no-act'))) return undefined;
    const device = targetsOf(args).find(isBlockDevice) ?? flagValue(args, '--device');
    if (device) return { reason: `${tool} would format or wipe ${device}: every file system on it is gone.` };
    const target = targetsOf(args)[0];
    return target ? { decision: 'ask', severity: 'high', reason: `${tool} would format ${target}.` } : undefined;
  },
  examples: {
    match: [
      { line: 'dd if=/dev/zero of=/dev/sda bs=1M', decision: 'deny' },
      'sudo dd if=image.iso of=/dev/disk2',
      { line: 'mkfs.ext4 /dev/sdb1', decision: 'deny' },
      'mkfs -t ext4 /dev/nvme0n1p1',
      'wipefs -a /dev/sdb',
      'sudo wipefs --all --force /dev/nvme0n1',
      'wipefs -o 0x1fe /dev/sdb',
      'diskutil eraseDisk JHFS+ Blank disk2',
      { line: 'mkfs.ext4 disk.img', decision: 'ask' },
    ],
    noMatch: [
      'dd if=/dev/zero of=./disk.img bs=1M count=10',
      'dd if=/dev/sda of=backup.img',
      { line: 'fdisk -l', decision: 'allow' },
      { line: 'diskutil list', decision: 'allow' },
      'mkfs.ext4 --help',
      { line: 'wipefs /dev/sdb', decision: 'allow' },
      { line: 'wipefs -n -a /dev/sdb', decision: 'allow' },
      { line: 'wipefs --no-act --all /dev/sdb1', decision: 'allow' },
    ],
  },
});
