// Starts code-server (the real VS Code the tests and `npm start` use) on loopback, with a fresh
// profile each run: its own user-data and extensions folders, a user settings.json that keeps
// the first run quiet (no welcome page, walkthroughs, telemetry, update checks, workspace trust
// prompt), `--auth none` because it listens on 127.0.0.1 only.
//
// Airlock gets in one of two ways: installed from a .vsix (`vsix`, what a user gets) or loaded
// unpacked as an extension under development (`developmentPath`). The latter needs the
// workbench page to name it, which only a browser driven by ./workbench.mjs can do.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { withoutNpmVariables } from './common.mjs';
import { ensureEditor } from './install.mjs';

/** User settings every session starts with; callers add or override through `settings`. */
export const baseSettings = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  // The DOM renderer keeps terminal text in the page, so UI tests can read it.
  'terminal.integrated.gpuAcceleration': 'off',
};

/**
 * @param {object} options
 * @param {string} [options.folder]            workspace folder to open
 * @param {string} [options.vsix]              install this .vsix before starting
 * @param {string} [options.developmentPath]   extension folder to load unpacked (needs ./workbench.mjs)
 * @param {Record<string, unknown>} [options.settings]  extra user settings
 * @param {Record<string, string>} [options.env]  extra environment for the server, its extension host and terminals
 * @param {number} [options.port]              fixed port; a free one otherwise
 * @param {boolean} [options.keepProfile]      keep the temporary profile folder after stop()
 * @param {(line: string) => void} [options.log]
 */
export async function startEditor(options = {}) {
  const log = options.log ?? ((line) => process.stderr.write(`[editor] ${line}\n`));
  const paths = await ensureEditor({ log });
  const profile = mkdtempSync(join(tmpdir(), 'airlock-editor-'));
  const userDataDir = join(profile, 'user-data');
  const extensionsDir = join(profile, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({ ...baseSettings, ...options.settings }, null, 2));
  // Without --config code-server writes ~/.config/code-server/config.yaml with a password.
  const configFile = join(profile, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const logFile = join(profile, 'code-server.log');

  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const env = { ...withoutNpmVariables(), ...options.env };
  if (options.vsix) {
    log(`installing ${options.vsix}`);
    await runToEnd(paths.node, [paths.codeServer, ...common, '--install-extension', options.vsix], env, logFile);
  }

  const port = options.port ?? (await freePort());
  const args = [
    paths.codeServer,
    ...common,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (options.folder) args.push(options.folder);
  const out = createWriteStream(logFile, { flags: 'a' });
  // Its own process group, so stop() reaches the extension host, pty host and watchers too.
  const child = spawn(paths.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let exited = false;
  const exitedPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );
  const killOnExit = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', killOnExit);

  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHealth(url, () => exited, logFile);
  } catch (error) {
    killOnExit();
    throw error;
  }

  const editor = {
    url,
    port,
    profile,
    userDataDir,
    extensionsDir,
    logFile,
    folder: options.folder,
    developmentPath: options.developmentPath,
    /** The workbench address, opening `folder` (or the given one). */
    workbenchUrl(folder = options.folder) {
      return folder ? `${url}?folder=${encodeURIComponent(folder)}` : url;
    },
    /** The last lines of code-server's own log, for failure reports. */
    logTail(lines = 40) {
      try {
        return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
    /** Stops the server and everything it started; removes the profile unless kept. */
    async stop() {
      process.off('exit', killOnExit);
      if (!exited) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
        const finished = await Promise.race([exitedPromise, sleep(5000).then(() => null)]);
        if (!finished) killOnExit();
      }
      // Helpers (pty host, watchers) may outlive the main process briefly.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* all gone */
      }
      out.end();
      if (!options.keepProfile) rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  return editor;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, hasExited, logFile, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error(`code-server exited during start-up:\n${tail(logFile)}`);
    try {
      const response = await fetch(new URL('healthz', url), { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
}

function runToEnd(command, args, env, logFile) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      writeFileSync(logFile, output, { flag: 'a' });
      // code-server may exit 0 after reporting a failed install; only its success line counts.
      if (code === 0 && /successfully installed/i.test(output)) resolve(output);
      else reject(new Error(`${args.slice(-2).join(' ')} failed (exit ${code}):\n${output.slice(-3000)}`));
    });
  });
}

function tail(logFile) {
  try {
    return readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}
