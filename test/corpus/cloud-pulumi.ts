// Pulumi: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'pulumi destroy -s org/app/prod --remove --yes', 'pulumi.destroy'],
  ['ask', 'pulumi stack rm dev --yes', 'pulumi.stack-remove'],
  ['ask', 'pulumi state delete urn:pulumi:prod::app::aws:rds/instance:Instance::db', 'pulumi.state-delete'],
  ['ask', 'PULUMI_CONFIG_PASSPHRASE=x pulumi destroy --yes', 'pulumi.destroy'],
  ['allow', 'pulumi preview'],
  ['allow', 'pulumi up'],
  ['allow', 'pulumi destroy --preview-only'],
  ['allow', 'pulumi stack ls'],
  ['allow', 'pulumi stack export --file backup.json'],
  ['allow', 'pulumi config set aws:region eu-west-1'],
] satisfies Corpus;
