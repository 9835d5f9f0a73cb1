import { hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

/** Vault's flags are single-dash (`-address=…`); these may also take a separate value. */
const VAULT_VALUED = ['-address', '-namespace', '-mount', '-format', '-field', '-output-curl-string', '-ca-cert', '-versions', '-version'];

/** What each destructive path does, and how bad it is. */
const PATHS: Array<{ path: string[]; severity: 'critical' | 'high'; what: string }> = [
  { path: ['secrets', 'disable'], severity: 'critical', what: 'unmounts a secrets engine and deletes every secret stored in it' },
  { path: ['kv', 'destroy'], severity: 'critical', what: 'permanently destroys versions of a secret' },
  { path: ['kv', 'metadata', 'delete'], severity: 'critical', what: 'deletes a secret with all its versions and history' },
  { path: ['auth', 'disable'], severity: 'critical', what: 'disables an auth method: every token it issued is revoked' },
  { path: ['kv', 'delete'], severity: 'high', what: 'deletes the latest version of a secret' },
  { path: ['delete'], severity: 'high', what: 'deletes the data at a path' },
  { path: ['policy', 'delete'], severity: 'high', what: 'deletes a policy: tokens that relied on it lose access' },
  { path: ['lease', 'revoke'], severity: 'high', what: 'revokes leases: the credentials they back stop working' },
  { path: ['token', 'revoke'], severity: 'high', what: 'revokes a token and its children' },
];

export default defineRule({
  id: 'secrets.vault-delete',
  resource: 'secrets, policies or auth methods in HashiCorp Vault',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes or revokes secrets in HashiCorp Vault.',
  suggestion: 'Read and keep the current value first (`vault kv get -format=json PATH`), and check VAULT_ADDR points where you think.',
  tools: ['vault'],
  match: (command) => {
    const words = matchPath(command, VAULT_VALUED, ...PATHS.map((p) => p.path));
    if (!words) return undefined;
    const hit = PATHS.find((p) => p.path.every((w, i) => words[i] === w))!;
    const prefix = hit.path[0] === 'lease' && hasOption(command.argv, '-prefix');
    return { severity: prefix ? 'critical' : hit.severity, reason: `Vault: ${hit.what}${prefix ? ', for every lease under the prefix' : ''}.` };
  },
  examples: {
    match: [
      { line: 'vault secrets disable secret/', decision: 'ask' },
      { line: 'vault kv destroy -versions=1-3 secret/myapp/config', decision: 'ask' },
      { line: 'vault kv metadata delete secret/myapp/config', decision: 'ask' },
      'vault kv delete secret/myapp/config',
      'vault delete secret/myapp/config',
      'vault policy delete myapp-policy',
      { line: 'vault auth disable github', decision: 'ask' },
      { line: 'vault lease revoke -prefix secret/', decision: 'ask' },
    ],
    noMatch: [
      { line: 'vault status', decision: 'allow' },
      'vault read secret/myapp/config',
      { line: 'vault kv get secret/myapp/config', decision: 'allow' },
      'vault kv list secret/',
      { line: 'vault secrets list', decision: 'allow' },
      'vault lease lookup lease_id',
      { line: 'vault kv delete -help', decision: 'allow' },
    ],
  },
});
