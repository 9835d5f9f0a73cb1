// Pulumi: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'pulumi destroy', 'pulumi.destroy'],
  ['ask', 'pulumi destroy --yes --stack prod', 'pulumi.destroy'],
  ['ask', 'pulumi down -y', 'pulumi.destroy'],
  ['ask', 'pulumi destroy -s org/app/prod --remove --yes', 'pulumi.destroy'],
  ['ask', 'pulumi stack rm dev --yes', 'pulumi.stack-remove'],
  ['ask', 'pulumi stack rm prod --force --yes', 'pulumi.stack-remove'],
  ['ask', 'pulumi state delete urn:pulumi:prod::app::aws:rds/instance:Instance::db', 'pulumi.state-delete'],
  ['ask', 'pulumi up --yes', 'pulumi.up-unattended'],
  ['ask', 'pulumi up -y --stack prod', 'pulumi.up-unattended'],
  ['ask', 'PULUMI_CONFIG_PASSPHRASE=x pulumi destroy --yes', 'pulumi.destroy'],
  ['allow', 'pulumi preview'],
  ['allow', 'pulumi up'],
  ['allow', 'pulumi destroy --preview-only'],
  ['allow', 'pulumi stack ls'],
  ['allow', 'pulumi stack select prod'],
  ['allow', 'pulumi stack export --file backup.json'],
  ['allow', 'pulumi config set aws:region eu-west-1'],
  ['allow', 'pulumi destroy --help'],
] satisfies Corpus;
