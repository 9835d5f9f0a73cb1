/** How the Railway CLI reads its arguments: the options that take a separate value. */
export const RAILWAY_TOOLS = ['railway'];
export const RAILWAY_KEYWORDS = ['railway'];
export const RAILWAY_VALUED = [
  '-s',
  '--service',
  '-e',
  '--environment',
  '-p',
  '--project',
  '-v',
  '--volume',
  '-m',
  '--mount-path',
  '-n',
  '--name',
  '--2fa-code',
];
export const RAILWAY_DELETE = ['delete', 'remove', 'rm'];
