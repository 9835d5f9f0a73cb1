// Netlify CLI: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'netlify sites:delete 1a2b3c --force', 'netlify.site-delete'],
  ['ask', 'npx netlify-cli sites:delete 1a2b3c', 'netlify.site-delete'],
  ['ask', 'ntl sites:delete 1a2b3c', 'netlify.site-delete'],
  ['ask', 'netlify env:unset API_KEY --context production', 'netlify.env-unset'],
  ['ask', 'netlify blobs:delete uploads avatar.png', 'netlify.blob-delete'],
  ['allow', 'netlify deploy --prod'],
  ['allow', 'netlify status'],
  ['allow', 'netlify sites:list'],
  ['allow', 'netlify env:list'],
  ['allow', 'netlify sites:delete --help'],
  ['allow', 'npx netlify-cli build'],
] satisfies Corpus;
