// The files of the PocketOS demo workspace, as a list: add an entry to add a file. Every secret
// in it is FAKE (it grants nothing anywhere) but shaped like the real thing, so Airlock's
// detectors and environment resolution see what they would see in a real project.

/** A Railway API token is a UUID; this one is made up and documented as fake wherever it appears. */
export const FAKE_RAILWAY_TOKEN = 'a3c1f7d2-5b8e-4c49-9e21-7f0d6b4a8c53';

/** Staging and production both point here: the mistake the demo is about. */
export const SHARED_DATABASE_HOST = 'pocketos-db.railway.internal';

/** The Railway volume both environments mount: the database and its backups live in it. */
export const SHARED_VOLUME_ID = 'vol_7f3a9c';

const databaseUrl = (user, password) => `postgresql://${user}:${password}@${SHARED_DATABASE_HOST}:5432/pocketos`;

const fakeRailwayCli = `#!/bin/sh
# A FAKE \`railway\` CLI for the Airlock demo: it only prints what the real one would do.
# It never contacts Railway and never reads a token's value beyond a redacted preview.
token_note="no RAILWAY_TOKEN set"
if [ -n "\${RAILWAY_TOKEN:-}" ]; then
  token_note="RAILWAY_TOKEN $(printf %s "$RAILWAY_TOKEN" | cut -c1-4)... (\${#RAILWAY_TOKEN} chars)"
fi
# Like the real CLI: --environment/-e on the line wins over RAILWAY_ENVIRONMENT.
environment="\${RAILWAY_ENVIRONMENT:-not set (the linked project's default)}"
previous=""
for arg in "$@"; do
  case "$previous" in --environment|-e) environment="$arg" ;; esac
  case "$arg" in --environment=*) environment="\${arg#--environment=}" ;; esac
  previous="$arg"
done
case "$1 $2" in
  "volume delete")
    echo "[fake railway] would send the GraphQL mutation volumeDelete to backboard.railway.com"
    echo "[fake railway] environment: $environment, auth: $token_note"
    echo "[fake railway] the volume holds the database AND its backups: nothing would be left" ;;
  "--version "*|"version "*)
    echo "railway 4.0.0 (fake, Airlock demo)" ;;
  *)
    echo "[fake railway] would run: railway $* (auth: $token_note)" ;;
esac
`;

/** @returns {{ path: string, content: string, executable?: boolean }[]} */
export function demoFiles() {
  return [
    {
      path: '.env.production',
      content: `# PocketOS production. Airlock demo: every value below is FAKE and grants nothing.
RAILWAY_ENVIRONMENT=production
# The Railway project token for production, left here "temporarily" (fake).
RAILWAY_TOKEN=${FAKE_RAILWAY_TOKEN}
DATABASE_URL=${databaseUrl('pocketos', 'fake-prod-password')}
RAILWAY_VOLUME_ID=${SHARED_VOLUME_ID}
NODE_ENV=production
`,
    },
    {
      path: '.env.staging',
      content: `# PocketOS staging. Airlock demo: values are FAKE.
RAILWAY_ENVIRONMENT=staging
# Same host and database as production: staging and production share one volume.
DATABASE_URL=${databaseUrl('pocketos_staging', 'fake-staging-password')}
RAILWAY_VOLUME_ID=${SHARED_VOLUME_ID}
NODE_ENV=production
`,
    },
    {
      path: 'package.json',
      content: `${JSON.stringify(
        {
          name: 'pocketos',
          private: true,
          description: 'Bookings for car-rental firms (Airlock demo workspace)',
          scripts: { start: 'node src/server.js', 'deploy:staging': 'railway up --environment staging' },
        },
        null,
        2,
      )}\n`,
    },
    {
      path: 'src/server.js',
      content: `// PocketOS (demo): the app itself does not matter here; its configuration does.
const http = require('node:http');
http.createServer((_, res) => res.end('PocketOS bookings\\n')).listen(process.env.PORT ?? 3000);
`,
    },
    { path: 'scripts/railway', content: fakeRailwayCli, executable: true },
    {
      // The demo's terminals find the fake \`railway\` first on PATH.
      path: '.vscode/settings.json',
      content: `${JSON.stringify(
        {
          'terminal.integrated.env.linux': { PATH: '${workspaceFolder}/scripts:${env:PATH}' },
          'terminal.integrated.env.osx': { PATH: '${workspaceFolder}/scripts:${env:PATH}' },
        },
        null,
        2,
      )}\n`,
    },
  ];
}
