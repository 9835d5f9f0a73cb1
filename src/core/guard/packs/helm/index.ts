import { definePack } from '../../rule';
import helmfileDestroy from './helmfile-destroy';
import uninstall from './uninstall';

export default definePack({
  id: 'helm',
  name: 'Helm',
  description: 'helm and helmfile: uninstalling releases.',
  helpSubcommand: ['helm'],
  rules: [uninstall, helmfileDestroy],
});
