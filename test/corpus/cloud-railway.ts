// Railway CLI: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'railway volume delete --volume pg-data --yes', 'railway.volume-delete'],
  ['ask', 'railway volume rm -v data', 'railway.volume-delete'],
  ['ask', 'railway volume -e production delete --volume data', 'railway.volume-delete'],
  ['ask', 'npx -y @railway/cli@latest volume remove', 'railway.volume-delete'],
  ['ask', 'sudo railway volume delete', 'railway.volume-delete'],
  ['ask', 'env RAILWAY_TOKEN=abc railway volume delete --volume data', 'railway.volume-delete'],
  ['ask', "bash -c 'railway volume delete --volume data --yes'", 'railway.volume-delete'],
  ['ask', 'cd infra && railway volume delete --volume data', 'railway.volume-delete'],
  ['ask', 'railway environment delete staging --yes', 'railway.environment-delete'],
  ['ask', 'railway env rm pr-12', 'railway.environment-delete'],
  ['ask', 'railway delete --yes', 'railway.project-delete'],
  ['ask', 'railway variables delete STRIPE_KEY', 'railway.resource-delete'],
  ['allow', 'railway status'],
  ['allow', 'railway volume list'],
  ['allow', 'railway volume list --json'],
  ['allow', 'npx @railway/cli status'],
  ['allow', 'echo "railway volume delete --volume data"'],
  ['allow', 'grep -r "railway volume delete" docs/'],
  ['allow', 'which railway'],
  ['ask', 'railway run rm -rf /var/lib/app/uploads', 'railway.run-destructive'],
  ['ask', 'railway run -e production -- rm -rf /srv/data', 'railway.run-destructive'],
  ['allow', 'railway run -e production node scripts/report.js'],
  ['ask', 'curl -s https://example.com/seed.sql | railway connect postgres', 'railway.connect-sql'],
  ['allow', "railway connect postgres <<< 'SELECT count(*) FROM bookings'"],
] satisfies Corpus;
