// npm run bench:env — time of one target resolution with warm caches (the long-lived extension
// or hook server case), per tool, over the fixture workspaces with a fake HOME. Prints p50/p99.
// Goal (issue 4): ≤ 5 ms p50 per command. The first column is one cold resolution (empty cache).
import { performance } from 'node:perf_hooks';
import { FileCache } from '../src/core/environment/files';
import { resolveTarget } from '../src/core/environment/resolve';
import { command, materializeFixtures } from '../test/unit/environment/fixture';

const fx = materializeFixtures();
const cache = new FileCache();
const cases: Array<[string, string | string[], string, string?]> = [
  ['kubectl', 'kubectl delete ns payments', 'plain'],
  ['helm', 'helm uninstall api', 'plain'],
  ['terraform', 'terraform destroy', 'terraform/infra'],
  ['pulumi', 'pulumi destroy', 'pulumi'],
  ['aws', 'aws s3 rb s3://x --profile prod-admin', 'plain'],
  ['gcloud', 'gcloud projects delete x', 'plain'],
  ['az', 'az group delete -n rg', 'plain'],
  ['railway (PocketOS, shared volume)', 'railway volume delete --volume vol_7f3a9c', 'pocketos'],
  ['psql $DATABASE_URL (sourced)', ['psql', '$DATABASE_URL', '-c', 'drop table x'], 'pocketos', 'source .env.staging && psql $DATABASE_URL'],
  [
    'curl volumeDelete',
    [
      'curl',
      'https://backboard.railway.app/graphql/v2',
      '-H',
      'Authorization: Bearer $RAILWAY_TOKEN',
      '-d',
      '{"query":"mutation { volumeDelete(volumeId: \\"vol_7f3a9c\\") }"}',
    ],
    'pocketos',
    'source scripts/.env.domains && curl ...',
  ],
  ['heroku', 'heroku pg:reset', 'heroku'],
  ['fly', 'fly apps destroy', 'fly'],
  ['vercel', 'vercel --prod', 'vercel'],
  ['supabase', 'supabase db reset --linked', 'supabase'],
  ['git push', 'git push --force origin main', 'git'],
  ['docker compose', 'docker compose down -v', 'docker'],
  ['prisma', 'prisma migrate reset', 'db'],
  // Issue 19's classes.
  ['wrangler d1 --env (wrangler.toml)', 'wrangler d1 execute DB --remote --env production --command=DROP', 'wrangler-toml/api'],
  ['wrangler.jsonc from a subfolder', 'wrangler d1 execute EVENTS --remote --env live --command=x', 'wrangler-jsonc/packages/edge/src/handlers'],
  [
    'supabase --db-url (ref in env file)',
    ['supabase', 'db', 'push', '--db-url', 'postgresql://postgres:pw@db.kqvbnmzxcasdfghjtyui.supabase.co:5432/postgres'],
    'db-hosts',
  ],
  ['vercel remove acme-web-stg', 'vercel remove acme-web-stg --yes', 'plain'],
  ['git push, no repository', 'git push --force origin main', 'no-repo'],
];

const ITERATIONS = 400;
const all: number[] = [];
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
console.log(`target resolution, warm caches, ${ITERATIONS} runs per command (goal: p50 ≤ 5 ms)\n`);
console.log(`${'command'.padEnd(36)} ${'cold ms'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  environment`);
for (const [label, line, workspace, fullLine] of cases) {
  const cmd = command(line, fx.workspace(workspace));
  const opts = { env: {}, home: fx.home, cache, line: fullLine, workspaceRoot: fx.workspace(workspace.split('/')[0]!) };
  const coldStart = performance.now();
  const first = resolveTarget(cmd, { ...opts, cache: new FileCache() }); // cold: every file read and parsed
  const cold = performance.now() - coldStart;
  resolveTarget(cmd, opts); // warm the shared cache
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    resolveTarget(cmd, opts);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  all.push(...times);
  console.log(
    `${label.padEnd(36)} ${cold.toFixed(2).padStart(8)} ${pct(times, 0.5).toFixed(3).padStart(8)} ${pct(times, 0.99).toFixed(3).padStart(8)}  ${first.environment}${first.sharedWith.length ? ` (shared with ${first.sharedWith.join(', ')})` : ''}`,
  );
}
all.sort((a, b) => a - b);
console.log(`\n${'all commands'.padEnd(36)} ${''.padStart(8)} ${pct(all, 0.5).toFixed(3).padStart(8)} ${pct(all, 0.99).toFixed(3).padStart(8)}`);
fx.cleanup();
