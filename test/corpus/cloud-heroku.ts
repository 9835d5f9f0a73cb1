// Heroku CLI: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'heroku apps:destroy my-app --confirm my-app', 'heroku.app-destroy'],
  ['ask', 'heroku apps:destroy -a my-app', 'heroku.app-destroy'],
  ['ask', 'heroku destroy --app my-app', 'heroku.app-destroy'],
  ['ask', 'heroku pg:reset DATABASE_URL --confirm my-app', 'heroku.pg-reset'],
  ['ask', 'npx heroku pg:reset -a my-app', 'heroku.pg-reset'],
  ['ask', 'heroku addons:destroy heroku-postgresql -a my-app --confirm my-app', 'heroku.addon-destroy'],
  ['ask', 'heroku pg:copy src::DATABASE_URL DATABASE_URL -a target', 'heroku.pg-overwrite'],
  ['ask', 'heroku pg:backups:restore b101 DATABASE_URL -a my-app', 'heroku.pg-overwrite'],
  ['ask', 'heroku pg:backups:delete b101 -a my-app', 'heroku.backup-delete'],
  ['ask', 'heroku config:unset SECRET_KEY -a my-app', 'heroku.config-unset'],
  ['ask', 'HEROKU_API_KEY=x heroku apps:destroy my-app --confirm my-app', 'heroku.app-destroy'],
  ['allow', 'heroku apps'],
  ['allow', 'heroku logs --tail -a my-app'],
  ['allow', 'heroku pg:info -a my-app'],
  ['allow', 'heroku pg:backups:capture -a my-app'],
  ['allow', 'heroku pg:backups'],
  ['allow', 'heroku config -a my-app'],
  ['allow', 'heroku ps:scale web=2'],
  ['allow', 'heroku pg:reset --help'],
  ['allow', 'heroku addons:create heroku-redis'],
  ['ask', "heroku run 'rm -rf /app/storage' -a my-app", 'heroku.run-destructive'],
  ['allow', 'heroku run rails console -a my-app'],
  ['allow', 'heroku run bash -a my-app'],
] satisfies Corpus;
