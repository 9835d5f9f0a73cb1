// Secret managers (Vault, 1Password, Doppler): [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'vault secrets disable secret/', 'secrets.vault-delete'],
  ['ask', 'vault kv destroy -versions=1-3 secret/myapp/config', 'secrets.vault-delete'],
  ['ask', 'vault kv metadata delete secret/myapp/config', 'secrets.vault-delete'],
  ['ask', 'vault kv delete -mount=secret myapp/config', 'secrets.vault-delete'],
  ['ask', 'VAULT_ADDR=https://vault.prod:8200 vault delete secret/myapp/config', 'secrets.vault-delete'],
  ['ask', 'vault auth disable github', 'secrets.vault-delete'],
  ['ask', 'vault lease revoke -prefix secret/', 'secrets.vault-delete'],
  ['ask', 'op item delete "Database Password"', 'secrets.onepassword-delete'],
  ['ask', 'op vault delete Engineering', 'secrets.onepassword-delete'],
  ['ask', 'doppler secrets delete API_KEY --project backend --config prd --yes', 'secrets.doppler-delete'],
  ['ask', 'doppler projects delete backend -y', 'secrets.doppler-delete'],
  ['ask', 'doppler run --config prd -- rm -rf /srv/uploads', 'secrets.doppler-run'],
  ['allow', 'vault status'],
  ['allow', 'vault kv get secret/myapp/config'],
  ['allow', 'vault kv put secret/myapp/config api_key=x'],
  ['allow', 'vault secrets list'],
  ['allow', 'vault kv delete -help'],
  ['allow', 'op whoami'],
  ['allow', 'op item get "Database Password" --fields password'],
  ['allow', 'op item list --vault Engineering'],
  ['allow', 'doppler secrets list'],
  ['allow', 'doppler setup --project backend --config dev'],
  ['allow', 'doppler run -- npm start'],
] satisfies Corpus;
