// Helpers for editor suites: reach the running Airlock extension and its API.
import * as vscode from 'vscode';
import type { AirlockApi } from '../../../src/extension/feature';

export const extensionId = 'airlock-dev.airlock';

/** The Airlock extension as the editor sees it; fails clearly when it is not loaded at all. */
export function airlockExtension(): vscode.Extension<AirlockApi> {
  const extension = vscode.extensions.getExtension<AirlockApi>(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded in this extension host`);
  return extension;
}

/** Activates Airlock if needed and returns the object its activate() returned. */
export async function airlockApi(): Promise<AirlockApi> {
  return airlockExtension().activate();
}

/** Polls until `check` returns a truthy value (or throws after `timeoutMs`): for state that settles asynchronously. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
