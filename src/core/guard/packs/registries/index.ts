import { definePack } from '../../rule';
import accessRevoke from './access-revoke';
import unpublish from './unpublish';

export default definePack({
  id: 'registries',
  name: 'Package registries',
  description: 'npm, pnpm, yarn, cargo and gem: unpublishing or yanking versions, revoking tokens and removing owners, organisation or team members.',
  helpSubcommand: ['npm', 'pnpm', 'yarn', 'cargo', 'gem'],
  rules: [unpublish, accessRevoke],
});
