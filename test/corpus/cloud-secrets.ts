// Secret managers (Vault, 1Password, Doppler): [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'vault kv delete -mount=secret myapp/config', 'secrets.vault-delete'],
  ['ask', 'VAULT_ADDR=https://vault.prod:8200 vault delete secret/myapp/config', 'secrets.vault-delete'],
  ['ask', 'doppler secrets delete API_KEY --project backend --config prd --yes', 'secrets.doppler-delete'],
  ['ask', 'doppler projects delete backend -y', 'secrets.doppler-delete'],
  ['ask', 'doppler run --config prd -- rm -rf /srv/uploads', 'secrets.run-destructive'],
  ['ask', 'op run --env-file prod.env -- rm -rf /srv/uploads', 'secrets.run-destructive'],
  ['allow', 'vault kv put secret/myapp/config api_key=x'],
  ['allow', 'op whoami'],
  ['allow', 'op item get "Database Password" --fields password'],
  ['allow', 'doppler setup --project backend --config dev'],
] satisfies Corpus;
