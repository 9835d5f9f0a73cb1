import type * as vscode from 'vscode';
import type { ActivityApi } from './activity/activity-api';

/**
 * A piece of the extension (gates, views, scanner...). Each registers what it needs on
 * activation and may add to the API the extension returns, which the editor tests use.
 */
export interface Feature {
  readonly id: string;
  activate(context: vscode.ExtensionContext, api: AirlockApi): void | Promise<void>;
}

/** What `vscode.extensions.getExtension('airlock-dev.airlock').exports` returns. Features add members. */
export interface AirlockApi {
  readonly version: string;
  /** Features that activated, in order: the editor tests assert on it. */
  readonly activeFeatures: string[];
  /** Set by the activity feature (first to activate): see activity/activity-api.ts. */
  activity?: ActivityApi;
  [member: string]: unknown;
}
