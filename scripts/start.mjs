// `npm start [-- --port N]` (N=0: any free port): packages Airlock, regenerates the PocketOS demo workspace in demo/,
// and serves a real VS Code (code-server) on 127.0.0.1 with Airlock installed from the .vsix and
// the demo open. Prints the address; Ctrl-C stops the editor and everything it started.
import { fileURLToPath } from 'node:url';
import { generateDemo } from './demo/generate.mjs';
import { ensureEditor } from './editor/install.mjs';
import { freePort, startEditor } from './editor/server.mjs';
import { packageExtension } from './package.mjs';

const preferredPort = 8080;

function requestedPort() {
  const index = process.argv.indexOf('--port');
  const value = index > 0 ? process.argv[index + 1] : process.env.PORT;
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port wants a port number (0: any free one), got "${value}"`);
  return port;
}

/** 8080 when it is free, any free port otherwise: a second `npm start` still starts. */
async function choosePort() {
  const asked = requestedPort();
  if (asked === 0) return freePort();
  if (asked) return asked;
  const { createServer } = await import('node:net');
  const free = await new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .listen(preferredPort, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
  return free ? preferredPort : freePort();
}

async function main() {
  const log = (line) => console.log(`[airlock] ${line}`);
  const started = Date.now();
  await ensureEditor({ log });
  log('building and packaging Airlock');
  const { path: vsix } = await packageExtension();
  const demo = generateDemo();
  log(`demo workspace generated in ${demo}`);
  const editor = await startEditor({ folder: demo, vsix, port: await choosePort(), log });

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping the editor`);
    await editor.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => stop('Ctrl-C'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  console.log(`
  Airlock demo ready in ${((Date.now() - started) / 1000).toFixed(0)} s: open this address in your browser

      ${editor.workbenchUrl()}

  VS Code with Airlock installed and the PocketOS demo workspace (${demo}).
  Click the Airlock shield in the Activity Bar; see the demo's README.md for what to try.
  Listening on 127.0.0.1 only, without a password. Press Ctrl-C to stop.
`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[airlock] npm start failed: ${error.message}`);
    process.exit(1);
  });
}
