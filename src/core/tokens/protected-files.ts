import { minimatch } from 'minimatch';

/**
 * Files an agent must not read without a person's yes: Airlock's read gate blocks these and
 * the scanner reports findings in them as not agent-readable. The default of the
 * `airlock.gates.protectedFiles` setting; the gates and the scanner share this one list.
 */
export const DEFAULT_PROTECTED_FILES: readonly string[] = [
  '**/.env',
  '**/.env.*',
  '**/*.env',
  '**/.envrc',
  '**/*.pem',
  '**/*.key',
  '**/*.p12',
  '**/*.pfx',
  '**/id_rsa',
  '**/id_dsa',
  '**/id_ecdsa',
  '**/id_ed25519',
  '**/id_*',
  '**/.npmrc',
  '**/.pypirc',
  '**/.netrc',
  '**/.git-credentials',
  '**/.docker/config.json',
  '**/.aws/credentials',
  '**/.aws/config',
  '**/credentials',
  '**/credentials.json',
  '**/*credentials*.json',
  '**/service-account*.json',
  '**/secrets.*',
  '**/*.tfvars',
  '**/*.tfstate',
  '**/.railway/**',
  '**/.vercel/**',
  '**/.kube/config',
];

/** Whether a workspace-relative path (forward slashes) matches one of the globs. */
export function matchesAnyGlob(relativePath: string, globs: readonly string[]): boolean {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  return globs.some((glob) => minimatch(path, glob, { dot: true, nocase: process.platform !== 'linux', matchBase: !glob.includes('/') }));
}
