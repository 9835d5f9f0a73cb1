// A real VS Code workbench (code-server + headless Chromium) driven the way a person uses it:
// the Activity Bar, views, the command palette, integrated terminals, modal dialogs, input boxes.
// UI scripts (test/ui/*.ui.ts) start one per describe() and close it in after().
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
// The harness scripts are ES modules shared with the plain-Node runners; this file is CommonJS.
import type { Editor } from '../../../scripts/editor/server.mjs' with { 'resolution-mode': 'import' };
import { makeWorkspace } from './workspace';

export const projectRoot = resolve(__dirname, '../../..');
export const screenshotDir = join(projectRoot, 'test-results/ui');
export const airlockExtensionId = 'airlock-dev.airlock';

export interface WorkbenchOptions {
  /** An existing folder to open. */
  workspace?: string;
  /** Or: a fresh temporary folder with these files (path → content), removed on close(). */
  files?: Record<string, string>;
  /** User settings on top of the harness defaults (e.g. `{ 'airlock.gates.mode': 'strict' }`). */
  settings?: Record<string, unknown>;
  /** Install this .vsix (what users get) instead of loading this checkout unpacked. */
  vsix?: string;
  /** Extra environment for the server, hence the extension host and the integrated terminals. */
  env?: Record<string, string>;
  /** Wait for Airlock's Activity Bar icon before returning (default true). */
  waitForAirlock?: boolean;
}

type TextPattern = string | RegExp;

const matches = (text: string, pattern: TextPattern) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));

/** Starts code-server on a workspace and opens its workbench; call close() when done. */
export async function startWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const temporary = options.workspace ? undefined : makeWorkspace(options.files ?? {});
  const workspace = options.workspace ?? temporary!;
  const { startEditor } = await import('../../../scripts/editor/server.mjs');
  const { launchBrowser, openWorkbench } = await import('../../../scripts/editor/workbench.mjs');
  // A home of its own unless the test gives one: the editor, its terminals and Airlock then never
  // read this machine's dotfiles (a ~/.bashrc that stalls would stall every terminal) nor write into
  // the real ~/.claude, ~/.config/airlock or ~/.local/share/airlock.
  const home = options.env?.HOME ? undefined : mkdtempSync(join(tmpdir(), 'airlock-ui-home-'));
  const editor = await startEditor({
    folder: workspace,
    vsix: options.vsix,
    settings: options.settings,
    env: { ...(home ? { HOME: home } : {}), ...options.env },
    log: () => {},
  });
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const page = await openWorkbench(browser, editor, options.vsix ? {} : { developmentPath: projectRoot });
    const workbench = new Workbench(page, editor, workspace, browser, temporary);
    await workbench.ready(options.waitForAirlock ?? true);
    return workbench;
  } catch (error) {
    await browser?.close().catch(() => {});
    const log = editor.logTail();
    await editor.stop();
    if (temporary) rmSync(temporary, { recursive: true, force: true });
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- code-server log (tail) ---\n${log}`);
  }
}

/**
 * Opens the workbench of an editor something else started (e.g. `npm start`) at `url`; close()
 * then closes only the browser: stopping that editor is its starter's business.
 */
export async function connectWorkbench(url: string, { workspace = '', waitForAirlock = true } = {}): Promise<Workbench> {
  const { launchBrowser, openWorkbench } = await import('../../../scripts/editor/workbench.mjs');
  const address = new URL(url);
  const editor: Editor = {
    url: address.origin + '/',
    port: Number(address.port),
    profile: '',
    userDataDir: '',
    extensionsDir: '',
    logFile: '',
    workbenchUrl: () => url,
    logTail: () => '',
    stop: async () => {},
  };
  const browser = await launchBrowser();
  try {
    const workbench = new Workbench(await openWorkbench(browser, editor), editor, workspace, browser);
    await workbench.ready(waitForAirlock);
    return workbench;
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}

export class Workbench {
  constructor(
    readonly page: Page,
    readonly editor: Editor,
    /** The folder the workbench has open. */
    readonly workspace: string,
    private readonly browser: Browser,
    private readonly temporaryWorkspace?: string,
  ) {}

  /**
   * Waits until the workbench is drawn and, by default, Airlock's icon is in the Activity Bar and
   * Airlock has finished activating (its log says so): a terminal opened earlier may be relaunched
   * when Airlock's features change the terminal environment, losing what a test typed.
   */
  async ready(waitForAirlock = true): Promise<void> {
    await this.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    if (!waitForAirlock) return;
    await this.activityBarItem('Airlock').waitFor({ timeout: 60_000 });
    if (this.editor.userDataDir) {
      await this.waitFor(
        () => /Airlock \S+ active/.test(this.extensionLog()),
        'Airlock to finish activating',
        60_000,
        () => this.extensionLog(),
      );
    }
  }

  // ── Activity Bar and views ──────────────────────────────────────────────

  /** An Activity Bar entry by its name (the tooltip: "Airlock", "Explorer"...). */
  activityBarItem(name: string): Locator {
    return this.page.locator('.part.activitybar').getByRole('tab', { name: new RegExp(`^${escapeRegExp(name)}\\b`) });
  }

  /** Shows the Airlock view container in the side bar (clicking its icon only if it is not shown already). */
  async openAirlockView(): Promise<void> {
    const item = this.activityBarItem('Airlock');
    if ((await item.getAttribute('aria-selected')) !== 'true' || !(await this.sideBarTitle().isVisible())) await item.click();
    await this.page.locator('.part.sidebar .composite.title', { hasText: 'Airlock' }).waitFor();
  }

  private sideBarTitle(): Locator {
    return this.page.locator('.part.sidebar .composite.title', { hasText: 'Airlock' });
  }

  /** A view section in the side bar by its title ("Activity", "Exposed Tokens", "Protection"). */
  viewPane(title: string): Locator {
    return this.page.locator('.part.sidebar .pane').filter({ has: this.page.locator('.pane-header', { hasText: title }) });
  }

  /** The section titles the side bar shows, in order. */
  async viewTitles(): Promise<string[]> {
    return this.page.locator('.part.sidebar .pane-header .title').allInnerTexts();
  }

  // ── Commands ────────────────────────────────────────────────────────────

  /** Runs a command from the palette by its full label, e.g. "Airlock: Scan Workspace for Tokens". */
  async runCommand(label: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${label}`);
    await this.chooseInQuickPick(label, 10_000);
  }

  /**
   * Whether the palette offers a command with exactly this label now (its `when` clause holds):
   * types the label and waits until the list shows it or says "No matching commands".
   */
  async paletteOffers(label: string): Promise<boolean> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${label}`);
    const names = this.inputBox().locator('.monaco-list-row .label-name');
    // Other commands may match the typed words too: the answer is in once the list stops changing.
    let seen: string[] = [];
    let previous = '';
    let found: boolean | undefined;
    await this.waitFor(
      async () => {
        seen = (await names.allInnerTexts()).map((t) => t.trim());
        const now = seen.join('\n');
        if (seen.includes(label)) found = true;
        else if (seen.some((t) => /^No matching commands/.test(t)) || (seen.length > 0 && now === previous)) found = false;
        previous = now;
        return found !== undefined;
      },
      `the palette to answer for "${label}"`,
      10_000,
      () => seen.join(' | '),
    );
    await this.page.keyboard.press('Escape');
    return found!;
  }

  /** Runs an entry of a view's "More Actions..." menu (its title bar "..."), e.g. an Activity filter. */
  async runViewMenuItem(viewTitle: string, label: string): Promise<void> {
    const header = this.viewPane(viewTitle).locator('.pane-header');
    await header.hover();
    await header
      .locator('.action-label.codicon-toolbar-more, .action-label[aria-label^="More Actions"], .action-label[aria-label^="Views and More Actions"]')
      .first()
      .click();
    const item = this.page
      .locator('.monaco-menu .action-item')
      .filter({ has: this.page.locator('.action-label', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) });
    await item.first().waitFor({ timeout: 10_000 });
    await item.first().click();
  }

  // ── Integrated terminal ─────────────────────────────────────────────────

  /** The active terminal's visible text (rows of the DOM renderer, which the harness settings select). */
  async terminalText(): Promise<string> {
    const rows = this.page.locator('.terminal-wrapper.active .xterm-rows');
    if ((await rows.count()) === 0) return '';
    return (await rows.first().innerText()).replace(/\u00a0/g, ' ');
  }

  /** Focuses the terminal panel, creating a terminal when there is none, and waits for its prompt. */
  async openTerminal(): Promise<void> {
    await this.runCommand('Terminal: Focus Terminal');
    await this.page.locator('.terminal-wrapper.active .xterm').waitFor({ timeout: 20_000 });
    await this.waitFor(async () => (await this.terminalText()).trim().length > 0, 'the terminal prompt', 20_000);
  }

  /**
   * Types a line into the active terminal (opening one if needed) and presses Enter. Waits for
   * the shell to echo the line first; keystrokes sent while a terminal is still starting or being
   * relaunched are lost, so a line that never echoes is typed once more before Enter.
   */
  async runInTerminal(text: string): Promise<void> {
    if ((await this.page.locator('.terminal-wrapper.active .xterm').count()) === 0) await this.openTerminal();
    const echo = text.slice(0, 40);
    for (let attempt = 1; ; attempt++) {
      await this.page.locator('.terminal-wrapper.active .xterm').click();
      await this.page.keyboard.type(text);
      try {
        // Rows are joined without their breaks: a long line wraps across rows.
        await this.waitFor(async () => (await this.terminalText()).replace(/\n/g, '').includes(echo), 'the terminal to echo the typed line', 5_000);
        break;
      } catch (error) {
        if (attempt === 2) throw error;
        await this.page.keyboard.press('Control+U'); // drop a partial echo before typing again
      }
    }
    await this.page.keyboard.press('Enter');
  }

  /** Waits until the active terminal shows text matching `pattern`; returns the whole terminal text. */
  async waitForTerminalText(pattern: TextPattern, timeoutMs = 20_000): Promise<string> {
    let text = '';
    await this.waitFor(
      async () => matches((text = await this.terminalText()), pattern),
      `terminal text ${pattern}`,
      timeoutMs,
      () => text,
    );
    return text;
  }

  // ── Modal dialogs, notifications, input boxes ───────────────────────────

  /** The modal dialog box (VS Code draws it in the page; only one is shown at a time). */
  modal(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  /** Waits for a modal (optionally one whose text matches) and returns it. */
  async waitForModal(text?: TextPattern, timeoutMs = 15_000): Promise<Locator> {
    const modal = text === undefined ? this.modal() : this.modal().filter({ hasText: text });
    await modal.first().waitFor({ timeout: timeoutMs });
    return modal.first();
  }

  /** The modal's message and detail text. */
  async modalText(): Promise<string> {
    return this.modal()
      .locator('.dialog-message-text, .dialog-message-detail')
      .allInnerTexts()
      .then((parts) => parts.join('\n'));
  }

  /** The labels of the modal's buttons, in order. */
  async modalButtons(): Promise<string[]> {
    return (await this.modal().locator('.dialog-buttons .monaco-button').allInnerTexts()).map((label) => label.trim());
  }

  /** Clicks the modal's button with exactly this label and waits for the modal to close. */
  async clickModalButton(label: string): Promise<void> {
    const modal = this.modal();
    const button = modal.locator('.dialog-buttons .monaco-button').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) });
    if ((await button.count()) === 0) {
      throw new Error(`the modal has no button "${label}"; it has: ${(await this.modalButtons()).join(', ')}`);
    }
    await button.first().click();
    await modal.waitFor({ state: 'hidden' });
  }

  /** A notification toast whose text matches. */
  notification(text: TextPattern): Locator {
    return this.page.locator('.notification-toast').filter({ hasText: text });
  }

  /** Waits for a notification and clicks one of its buttons by label. */
  async clickNotificationButton(text: TextPattern, label: string): Promise<void> {
    const toast = this.notification(text).first();
    await toast.waitFor({ timeout: 15_000 });
    await toast.getByRole('button', { name: label, exact: true }).click();
  }

  /** The open input box or quick pick (showInputBox / showQuickPick / the palette). */
  inputBox(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Types into the open input box and (by default) presses Enter. */
  async typeIntoInputBox(text: string, { submit = true } = {}): Promise<void> {
    const input = this.inputBox().locator('input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill(text);
    if (submit) await input.press('Enter');
  }

  /** Waits for the open quick pick to list an item with exactly this label and picks it. */
  async chooseInQuickPick(label: string, timeoutMs = 15_000): Promise<void> {
    const row = this.inputBox()
      .locator('.monaco-list-row')
      .filter({
        has: this.page.locator('.label-name').getByText(label, { exact: true }),
      });
    await row.first().waitFor({ timeout: timeoutMs });
    await row.first().click();
  }

  // ── Evidence ────────────────────────────────────────────────────────────

  /** Saves a full-window screenshot as test-results/ui/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(screenshotDir, { recursive: true });
    const path = join(screenshotDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** What an extension wrote to its log output channel (createOutputChannel(name, { log: true })). */
  extensionLog(extensionId = airlockExtensionId): string {
    const logs = join(this.editor.userDataDir, 'logs');
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.includes(`/${extensionId}/`) && entry.name.endsWith('.log')) found.push(path);
      }
    };
    try {
      walk(logs);
    } catch {
      return '';
    }
    return found
      .sort()
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
  }

  /** Polls `check` until it holds; the error names what was awaited and, if given, what was last seen. */
  async waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000, lastSeen?: () => string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await check()) return;
      await this.page.waitForTimeout(200);
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastSeen ? `; last seen:\n${lastSeen()}` : ''}`);
  }

  /** Closes the browser, stops code-server, removes a temporary workspace. */
  async close(): Promise<void> {
    await this.browser.close().catch(() => {});
    await this.editor.stop();
    if (this.temporaryWorkspace) rmSync(this.temporaryWorkspace, { recursive: true, force: true });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
