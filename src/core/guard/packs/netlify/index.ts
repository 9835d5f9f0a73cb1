import { definePack } from '../../rule';
import blobDelete from './blob-delete';
import envUnset from './env-unset';
import siteDelete from './site-delete';

export default definePack({
  id: 'netlify',
  name: 'Netlify',
  description: 'Netlify CLI: deleting sites and blobs, removing environment variables.',
  helpSubcommand: ['netlify'],
  packages: { 'netlify-cli': 'netlify' },
  rules: [siteDelete, envUnset, blobDelete],
});
