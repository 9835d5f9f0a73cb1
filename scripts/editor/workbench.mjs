// Drives the web workbench of a code-server started by ./server.mjs with Debian's Chromium
// through playwright-core (no browser download: Playwright's own CDN is unreachable here).
//
// code-server's command line rejects --extensionDevelopmentPath / --extensionTestsPath, but the
// workbench reads the same options from the page: `developmentOptions` inside the JSON of
// <meta id="vscode-workbench-web-configuration" data-settings="...">. Rewriting that meta as the
// page loads (page.route) loads Airlock unpacked and, for editor tests, runs a test module in the
// real extension host; the workbench reports the end by calling window.codeAutomationExit(code).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const chromiumFlags = [
  '--no-sandbox', // root in a container
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  // A page answered through page.route() counts as public; without this its WebSocket back to
  // 127.0.0.1 (the extension host connection) is blocked as a local-network request.
  '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights',
];

export function chromiumPath() {
  const candidates = [process.env.AIRLOCK_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error("no Chromium found: install Debian's `chromium` (apt-get install -y chromium) or set AIRLOCK_CHROMIUM");
  return found;
}

/** A headless Chromium; Playwright gives each context a fresh, empty profile. */
export function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumFlags });
}

/**
 * Opens the editor's workbench in a new page.
 * @param {import('playwright-core').Browser} browser
 * @param {{ workbenchUrl(folder?: string): string }} editor  from startEditor()
 * @param {object} [options]
 * @param {string} [options.folder]            workspace folder (defaults to the editor's)
 * @param {string} [options.developmentPath]   load this extension folder unpacked
 * @param {string} [options.testsPath]         run this compiled test module in the extension host
 * @param {(code: number) => void} [options.onAutomationExit]  called when the workbench reports the end of a test run
 * @param {{ width: number, height: number }} [options.viewport]
 */
export async function openWorkbench(browser, editor, options = {}) {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
  const page = await context.newPage();
  if (options.onAutomationExit) {
    await page.exposeFunction('codeAutomationExit', (code) => options.onAutomationExit(Number(code)));
  }
  if (options.developmentPath || options.testsPath) {
    await page.route(
      (url) => url.pathname === '/' || url.pathname === '',
      async (route) => {
        const response = await route.fetch();
        const html = await response.text();
        route.fulfill({ response, body: withDevelopmentOptions(html, options) });
      },
    );
  }
  await page.goto(editor.workbenchUrl(options.folder));
  return page;
}

/** The workbench HTML with developmentOptions naming the extension (and tests) on the server. */
export function withDevelopmentOptions(html, { developmentPath, testsPath }) {
  const meta = /(<meta id="vscode-workbench-web-configuration" data-settings=")([^"]*)(")/;
  const match = meta.exec(html);
  if (!match) throw new Error('the workbench page has no vscode-workbench-web-configuration meta: code-server changed its page');
  const config = JSON.parse(unescapeAttribute(match[2]));
  // Server paths as the workbench names them: vscode-remote URIs on this server's authority.
  const onServer = (path) => ({ scheme: 'vscode-remote', authority: config.remoteAuthority, path });
  config.developmentOptions = {
    ...config.developmentOptions,
    ...(developmentPath ? { extensions: [onServer(developmentPath)] } : {}),
    ...(testsPath ? { extensionTestsPath: onServer(testsPath) } : {}),
  };
  return html.replace(meta, `$1${escapeAttribute(JSON.stringify(config))}$3`);
}

function unescapeAttribute(text) {
  return text.replace(/&(quot|amp|lt|gt|#39|apos);/g, (_, name) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'", apos: "'" })[name]);
}

function escapeAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
