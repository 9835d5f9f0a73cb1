import { definePack } from '../../rule';
import uninstall from './uninstall';

export default definePack({
  id: 'helm',
  name: 'Helm',
  description: 'helm: uninstalling releases.',
  helpSubcommand: ['helm'],
  rules: [uninstall],
});
