// Types for server.mjs, so the TypeScript UI support library can use it.
export declare const baseSettings: Record<string, unknown>;

export interface StartEditorOptions {
  folder?: string;
  vsix?: string;
  developmentPath?: string;
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  port?: number;
  keepProfile?: boolean;
  log?: (line: string) => void;
}

export interface Editor {
  readonly url: string;
  readonly port: number;
  readonly profile: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly logFile: string;
  readonly folder?: string;
  readonly developmentPath?: string;
  workbenchUrl(folder?: string): string;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

export declare function startEditor(options?: StartEditorOptions): Promise<Editor>;
export declare function freePort(): Promise<number>;
