import * as vscode from 'vscode';
import { version } from '../core/version';
import type { AirlockApi } from './feature';
import { features } from './features';

export async function activate(context: vscode.ExtensionContext): Promise<AirlockApi> {
  const api: AirlockApi = { version, activeFeatures: [] };
  const output = vscode.window.createOutputChannel('Airlock', { log: true });
  context.subscriptions.push(output);
  for (const feature of features) {
    try {
      await feature.activate(context, api);
      api.activeFeatures.push(feature.id);
    } catch (error) {
      // One broken feature must not take the gates down with it.
      output.error(`feature ${feature.id} failed to activate: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  output.info(`Airlock ${version} active (${api.activeFeatures.join(', ') || 'no features'})`);
  return api;
}

export function deactivate(): void {
  // Features dispose through context.subscriptions.
}
