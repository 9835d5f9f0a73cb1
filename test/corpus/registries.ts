import type { Corpus } from './types';

/** Package registries and accounts: taking versions or access away. */
export default [
  ['ask', 'npm unpublish @acme/ui@1.4.0', 'registries.unpublish'],
  ['ask', 'npm unpublish @acme/ui --force', 'registries.unpublish'],
  ['ask', 'pnpm unpublish @acme/ui@1.4.0 --otp 123456', 'registries.unpublish'],
  ['ask', 'yarn npm unpublish --all', 'registries.unpublish'],
  ['ask', 'bash -c "npm unpublish left-pad@1.0.0"', 'registries.unpublish'],
  ['ask', 'cargo yank --version 0.3.1', 'registries.unpublish'],
  ['ask', 'npm token revoke a1b2c3', 'registries.access-revoke'],
  ['ask', 'npm access revoke @acme:ci @acme/ui', 'registries.access-revoke'],
  ['ask', 'npm owner rm alice @acme/ui', 'registries.access-revoke'],
  ['ask', 'npm org rm acme alice', 'registries.access-revoke'],
  ['ask', 'npm team destroy acme:contractors', 'registries.access-revoke'],
  ['ask', 'pnpm owner rm alice @acme/ui', 'registries.access-revoke'],
  ['ask', 'gcloud auth revoke --all', 'gcloud.auth-revoke'],
  ['ask', 'gcloud auth application-default revoke', 'gcloud.auth-revoke'],
  ['allow', 'npm publish --access public'],
  ['allow', 'npm unpublish @acme/ui@1.4.0 --dry-run'],
  ['allow', 'npm token list'],
  ['allow', 'npm owner ls @acme/ui'],
  ['allow', 'npm team ls acme'],
  ['allow', 'npm deprecate @acme/ui@1.4.0 "broken build, use 1.4.1"'],
  ['allow', 'cargo test --workspace'],
  ['allow', 'gem install rails'],
  ['allow', 'gcloud auth list'],
  // The same, reached other ways.
  ['ask', 'env NPM_TOKEN=x npm unpublish @acme/ui@1.4.0', 'registries.unpublish'],
  ['ask', 'npx -y npm@10 unpublish @acme/ui@1.4.0', 'registries.unpublish'],
  ['ask', "sh -c 'npm token revoke a1b2c3'", 'registries.access-revoke'],
] satisfies Corpus;
