// Fly.io (flyctl): [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'fly apps destroy my-app --yes', 'fly.app-destroy'],
  ['ask', 'flyctl apps destroy my-app -y', 'fly.app-destroy'],
  ['ask', 'fly destroy my-db', 'fly.app-destroy'],
  ['ask', 'fly volumes destroy vol_123 --yes', 'fly.volume-destroy'],
  ['ask', 'fly vol delete vol_123 -a web', 'fly.volume-destroy'],
  ['ask', 'sudo -E flyctl volumes destroy vol_1', 'fly.volume-destroy'],
  ['ask', 'fly mpg destroy cluster-1', 'fly.database-destroy'],
  ['ask', 'fly redis destroy cache', 'fly.database-destroy'],
  ['ask', 'fly machine destroy 148ed --force', 'fly.machine-destroy'],
  ['ask', 'fly secrets unset DATABASE_URL -a web', 'fly.config-remove'],
  ['ask', "sh -c 'fly apps destroy web --yes'", 'fly.app-destroy'],
  ['allow', 'fly status'],
  ['allow', 'fly deploy'],
  ['allow', 'fly apps list'],
  ['allow', 'fly volumes list -a web'],
  ['allow', 'fly volumes snapshots create vol_1'],
  ['allow', 'fly logs -a web'],
  ['allow', 'fly machine stop 148ed'],
  ['allow', 'fly apps destroy --help'],
  ['allow', 'fly secrets list'],
  ['ask', 'fly ssh console -C "rm -rf /data/uploads"', 'fly.ssh-destructive'],
  ['allow', 'fly ssh console -C "df -h /data"'],
  ['allow', 'fly ssh console'],
] satisfies Corpus;
