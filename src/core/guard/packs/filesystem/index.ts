import { definePack } from '../../rule';
import diskOverwrite from './disk-overwrite';
import findDelete from './find-delete';
import inplaceBlank from './inplace-blank';
import irreversibleTools from './irreversible-tools';
import recursivePermissions from './recursive-permissions';
import rmRecursive from './rm-recursive';
import rmRootOrHome from './rm-root-or-home';
import rmUnrecoverable from './rm-unrecoverable';
import rmUnsetVariable from './rm-unset-variable';
import rsyncDelete from './rsync-delete';
import shred from './shred';
import truncateDatabaseFile from './truncate-database-file';
import truncateFile from './truncate-file';
import windowsRecursiveDelete from './windows-recursive-delete';

export default definePack({
  id: 'filesystem',
  name: 'Files and disks',
  description: 'Recursive deletes outside temp and build folders, wiping and formatting disks, emptying database files.',
  packages: { rimraf: 'rimraf', 'del-cli': 'del', 'trash-cli': 'trash' },
  rules: [
    rmRootOrHome,
    rmUnsetVariable,
    rmRecursive,
    findDelete,
    shred,
    diskOverwrite,
    truncateDatabaseFile,
    windowsRecursiveDelete,
    rsyncDelete,
    recursivePermissions,
    rmUnrecoverable,
    truncateFile,
    irreversibleTools,
    inplaceBlank,
  ],
});
