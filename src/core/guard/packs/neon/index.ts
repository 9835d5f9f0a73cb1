import { definePack } from '../../rule';
import branchDelete from './branch-delete';
import databaseDelete from './database-delete';
import projectDelete from './project-delete';

export default definePack({
  id: 'neon',
  name: 'Neon',
  description: 'Neon CLI: deleting projects, branches, databases and roles; resetting or restoring branches.',
  helpSubcommand: ['neonctl'],
  packages: { neonctl: 'neonctl', '@neondatabase/cli': 'neonctl' },
  rules: [projectDelete, branchDelete, databaseDelete],
});
