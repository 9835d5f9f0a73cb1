import { defineRule } from '../../rule';
import { AZ_KEYWORDS, AZ_TOOLS, azVerbPath } from './shape';

export default defineRule({
  id: 'az.vault-purge',
  resource: 'a soft-deleted Key Vault, key, secret or certificate, for good',
  severity: 'critical',
  decision: 'ask',
  reason:
    'Purges a Key Vault or one of its keys, secrets or certificates: soft delete is bypassed and it can never be recovered; data encrypted with a purged key is lost.',
  suggestion: 'Leave it soft-deleted until its retention period ends; `az keyvault recover` brings it back until then.',
  keywords: AZ_KEYWORDS,
  tools: AZ_TOOLS,
  match: (command) => (azVerbPath(command, ['purge'])?.[0] === 'keyvault' ? {} : undefined),
  examples: {
    match: [
      { line: 'az keyvault purge --name prod-kv', decision: 'ask' },
      { line: 'az keyvault secret purge --vault-name kv -n db-password', decision: 'ask' },
      'az keyvault key purge --vault-name kv --name k',
    ],
    noMatch: ['az keyvault list', { line: 'az keyvault recover --name prod-kv', decision: 'allow' }, 'az keyvault secret show --vault-name kv -n x'],
  },
});
