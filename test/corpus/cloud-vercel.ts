// Vercel CLI: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'vercel remove my-app --yes', 'vercel.remove'],
  ['ask', 'vercel rm my-app-abc123.vercel.app', 'vercel.remove'],
  ['ask', 'npx vercel rm my-app -y', 'vercel.remove'],
  ['ask', 'vercel project rm my-app', 'vercel.project-remove'],
  ['ask', 'vercel env rm DATABASE_URL production -y', 'vercel.env-remove'],
  ['ask', 'vercel domains rm example.com', 'vercel.resource-remove'],
  ['ask', 'vercel dns rm rec_123', 'vercel.resource-remove'],
  ['ask', 'vercel --token $VERCEL_TOKEN remove my-app --yes', 'vercel.remove'],
  ['allow', 'vercel'],
  ['allow', 'vercel deploy --prod'],
  ['allow', 'vercel ls'],
  ['allow', 'vercel env ls'],
  ['allow', 'vercel env pull .env.local'],
  ['allow', 'vercel domains ls'],
  ['allow', 'vercel logs my-app.vercel.app'],
  ['allow', 'vercel rm --help'],
  ['allow', 'npx vercel build'],
] satisfies Corpus;
