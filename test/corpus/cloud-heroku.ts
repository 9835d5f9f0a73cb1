// Heroku CLI: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'npx heroku pg:reset -a my-app', 'heroku.pg-reset'],
  ['ask', 'heroku addons:destroy heroku-postgresql -a my-app --confirm my-app', 'heroku.addon-destroy'],
  ['ask', 'heroku pg:copy src::DATABASE_URL DATABASE_URL -a target', 'heroku.pg-overwrite'],
  ['ask', 'heroku pg:backups:delete b101 -a my-app', 'heroku.backup-delete'],
  ['ask', 'heroku config:unset SECRET_KEY -a my-app', 'heroku.config-unset'],
  ['ask', 'HEROKU_API_KEY=x heroku apps:destroy my-app --confirm my-app', 'heroku.app-destroy'],
  ['allow', 'heroku logs --tail -a my-app'],
  ['allow', 'heroku pg:info -a my-app'],
  ['allow', 'heroku pg:backups'],
  ['allow', 'heroku config -a my-app'],
  ['ask', "heroku run 'rm -rf /app/storage' -a my-app", 'heroku.run-destructive'],
  ['allow', 'heroku ps:scale web=2 -a my-app'],
  ['ask', 'heroku pg:psql -a my-app -c "DROP TABLE bookings"', 'heroku.pg-psql'],
  ['allow', 'heroku pg:psql -a my-app -c "SELECT count(*) FROM bookings"'],
  ['ask', 'heroku pg:psql -a my-app < wipe.sql', 'heroku.pg-psql'],
] satisfies Corpus;
