// Netlify CLI: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'netlify env:unset API_KEY --context production', 'netlify.env-unset'],
  ['allow', 'netlify deploy --prod'],
  ['allow', 'netlify status'],
  ['allow', 'netlify env:list'],
  ['allow', 'npx netlify-cli build'],
] satisfies Corpus;
