/** An environment as `env -0` prints it (NUL-separated KEY=VALUE), as the launcher sends it to Airlock's warm processes. */
export function parseEnvZero(text: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const entry of text.split('\0')) {
    const at = entry.indexOf('=');
    if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return env;
}
