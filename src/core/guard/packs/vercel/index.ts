import { definePack } from '../../rule';
import envRemove from './env-remove';
import projectRemove from './project-remove';
import remove from './remove';
import resourceRemove from './resource-remove';

export default definePack({
  id: 'vercel',
  name: 'Vercel',
  description: 'Vercel CLI: removing deployments, projects, environment variables, domains, DNS records and blobs.',
  helpSubcommand: ['vercel'],
  packages: { vercel: 'vercel' },
  rules: [remove, projectRemove, envRemove, resourceRemove],
});
