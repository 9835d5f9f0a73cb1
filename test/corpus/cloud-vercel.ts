// Vercel CLI: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'npx vercel rm my-app -y', 'vercel.remove'],
  ['ask', 'vercel env rm DATABASE_URL production -y', 'vercel.env-remove'],
  ['ask', 'vercel --token $VERCEL_TOKEN remove my-app --yes', 'vercel.remove'],
  ['allow', 'vercel'],
  ['allow', 'vercel ls'],
  ['allow', 'vercel domains ls'],
  ['allow', 'vercel logs my-app.vercel.app'],
  ['allow', 'npx vercel build'],
] satisfies Corpus;
