import { definePack } from '../../rule';
import ghDelete from './gh-delete';

export default definePack({
  id: 'github',
  name: 'GitHub CLI',
  description: 'gh: deleting or archiving repositories, releases, issues, gists, secrets, keys, runs and caches.',
  helpSubcommand: ['gh'],
  rules: [ghDelete],
});
