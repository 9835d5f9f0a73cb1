import { activityFeature } from './activity/activity-feature';
import { environmentFeature } from './environment/environment-feature';
import type { Feature } from './feature';
import { gatesFeature } from './gates/gates-feature';
import { protectionFeature } from './protection/protection-feature';
import { sandboxFeature } from './sandbox/sandbox-feature';
import { exportFeature } from './team/export-feature';
import { tokensFeature } from './tokens/tokens-feature';
import { walkthroughFeature } from './walkthrough/walkthrough-feature';

/** Every feature, in activation order. Each issue adds its own line. */
export const features: Feature[] = [
  // First: every other feature records through api.activity.
  activityFeature,
  // The IPC server and the modal: hooks and shims ask through it.
  gatesFeature,
  // Launcher, hook files, terminal gate and watching; needs api.gates.
  protectionFeature,
  // Exposed tokens: scans in the background, records new findings through api.activity.
  tokensFeature,
  // Target environments: the Show Workspace Environments command and shared-resource warnings.
  environmentFeature,
  // Egress sandbox: the "Airlock (sandboxed)" terminal profile and the hooks' wrap switch.
  sandboxFeature,
  // First run: the walkthrough's commands (a sample confirmation that runs nothing).
  walkthroughFeature,
  // Team export: ships the activity log's export queue to the configured OTLP collector.
  exportFeature,
];
