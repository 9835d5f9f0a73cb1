import { definePack } from '../../rule';
import connectSql from './connect-sql';
import down from './down';
import environmentDelete from './environment-delete';
import projectDelete from './project-delete';
import resourceDelete from './resource-delete';
import runDestructive from './run-destructive';
import volumeDelete from './volume-delete';
import volumeDetach from './volume-detach';

export default definePack({
  id: 'railway',
  name: 'Railway',
  description: 'Railway CLI: deleting volumes, environments, projects, services and deployments.',
  helpSubcommand: ['railway'],
  packages: { '@railway/cli': 'railway', railway: 'railway' },
  rules: [volumeDelete, environmentDelete, projectDelete, down, resourceDelete, runDestructive, connectSql, volumeDetach],
});
