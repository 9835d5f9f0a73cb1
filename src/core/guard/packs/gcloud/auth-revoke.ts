import { defineRule } from '../../rule';
import { gcloudVerbPath } from './shape';

/** Revoking credentials: everything on this machine that used them (scripts, ADC, Terraform) stops working. */
export default defineRule({
  id: 'gcloud.auth-revoke',
  resource: 'the Google Cloud credentials stored on this machine',
  severity: 'medium',
  decision: 'ask',
  reason:
    'Revokes Google Cloud credentials (one account, all of them, or application-default): every tool on this machine that used them stops working until someone signs in again.',
  suggestion: 'Switch accounts instead (`gcloud config set account …`), or revoke only the account you mean.',
  tools: ['gcloud'],
  match: (command) => {
    const path = gcloudVerbPath(command, ['revoke']);
    if (!path || path[0] !== 'auth') return undefined;
    return command.argv.includes('--all') ? { reason: 'gcloud auth revoke --all revokes every credential stored on this machine.' } : {};
  },
  examples: {
    match: [{ line: 'gcloud auth revoke --all', decision: 'ask' }, 'gcloud auth revoke dev@acme.dev', 'gcloud auth application-default revoke'],
    noMatch: [
      { line: 'gcloud auth list', decision: 'allow' },
      { line: 'gcloud auth login', decision: 'allow' },
      'gcloud auth revoke --help',
      'gcloud auth print-access-token',
    ],
  },
});
