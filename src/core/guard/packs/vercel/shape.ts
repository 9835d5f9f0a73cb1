/** How the Vercel CLI reads its arguments; `vc` is its short alias. */
export const VERCEL_TOOLS = ['vercel', 'vc'];
export const VERCEL_KEYWORDS = ['vercel', 'vc'];
export const VERCEL_VALUED = [
  '-t',
  '--token',
  '-S',
  '--scope',
  '-T',
  '--team',
  '-A',
  '--local-config',
  '-Q',
  '--global-config',
  '--cwd',
  '-e',
  '--environment',
];
export const VERCEL_REMOVE = ['remove', 'rm', 'delete', 'del'];
