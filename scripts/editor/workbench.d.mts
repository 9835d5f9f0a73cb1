// Types for workbench.mjs, so the TypeScript UI support library can use it.
import type { Browser, Page } from 'playwright-core';
import type { Editor } from './server.mjs';

export interface OpenWorkbenchOptions {
  folder?: string;
  developmentPath?: string;
  testsPath?: string;
  onAutomationExit?: (code: number) => void;
  viewport?: { width: number; height: number };
}

export declare function chromiumPath(): string;
export declare function launchBrowser(): Promise<Browser>;
export declare function openWorkbench(browser: Browser, editor: Pick<Editor, 'workbenchUrl'>, options?: OpenWorkbenchOptions): Promise<Page>;
export declare function withDevelopmentOptions(html: string, options: { developmentPath?: string; testsPath?: string }): string;
