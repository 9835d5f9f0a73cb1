import { defineRule } from '../../rule';
import { NETLIFY_KEYWORDS, NETLIFY_TOOLS, netlifyPath } from './shape';

export default defineRule({
  id: 'netlify.blob-delete',
  resource: 'an object in a Netlify Blobs store',
  severity: 'medium',
  decision: 'ask',
  reason: 'Deletes an object from a Netlify Blobs store; it cannot be restored.',
  suggestion: 'Fetch it first (`netlify blobs:get STORE KEY -O file`).',
  keywords: NETLIFY_KEYWORDS,
  tools: NETLIFY_TOOLS,
  match: (command) =>
    netlifyPath(command, [
      ['blobs', 'blob'],
      ['delete', 'remove', 'rm'],
    ])
      ? {}
      : undefined,
  examples: {
    match: [{ line: 'netlify blobs:delete uploads avatar.png', decision: 'ask' }, 'netlify blobs delete uploads a'],
    noMatch: ['netlify blobs:list uploads', 'netlify blobs:get uploads a', 'netlify blobs:set uploads a b'],
  },
});
