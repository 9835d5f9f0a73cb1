import { definePack } from '../../rule';
import branchDelete from './branch-delete';
import databaseDelete from './database-delete';
import resourceDelete from './resource-delete';
import shellSql from './shell-sql';

export default definePack({
  id: 'planetscale',
  name: 'PlanetScale',
  description: 'pscale: deleting databases, branches, backups, keyspaces and passwords.',
  helpSubcommand: ['pscale'],
  packages: { '@planetscale/cli': 'pscale' },
  rules: [databaseDelete, branchDelete, resourceDelete, shellSql],
});
