// Fly.io (flyctl): [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'flyctl apps destroy my-app -y', 'fly.app-destroy'],
  ['ask', 'fly destroy my-db', 'fly.app-destroy'],
  ['ask', 'fly vol delete vol_123 -a web', 'fly.volume-destroy'],
  ['ask', 'sudo -E flyctl volumes destroy vol_1', 'fly.volume-destroy'],
  ['ask', 'fly redis destroy cache', 'fly.database-destroy'],
  ['ask', 'fly secrets unset DATABASE_URL -a web', 'fly.config-remove'],
  ['ask', "sh -c 'fly apps destroy web --yes'", 'fly.app-destroy'],
  ['allow', 'fly status'],
  ['allow', 'fly volumes list -a web'],
  ['allow', 'fly logs -a web'],
  ['allow', 'fly secrets list'],
  ['allow', 'fly ssh console -C "df -h /data"'],
  ['allow', 'fly scale count 3 -a web'],
  ['ask', "fly postgres connect -a my-db <<< 'TRUNCATE users'", 'fly.connect-sql'],
] satisfies Corpus;
