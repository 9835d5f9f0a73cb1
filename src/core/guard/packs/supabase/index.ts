import { definePack } from '../../rule';
import branchDelete from './branch-delete';
import dbResetRemote from './db-reset-remote';
import projectDelete from './project-delete';
import resourceDelete from './resource-delete';

export default definePack({
  id: 'supabase',
  name: 'Supabase',
  description: 'Supabase CLI: resetting a hosted database, deleting projects, branches, storage objects, functions and secrets.',
  helpSubcommand: ['supabase'],
  packages: { supabase: 'supabase' },
  rules: [dbResetRemote, projectDelete, branchDelete, resourceDelete],
});
