import { activityFeature } from './activity/activity-feature';
import { environmentFeature } from './environment/environmentFeature';
import { exportFeature } from './team/exportFeature';
import type { Feature } from './feature';
import { gatesFeature } from './gates/gatesFeature';
import { protectionFeature } from './protection/protectionFeature';
import { sandboxFeature } from './sandbox/sandboxFeature';
import { tokensFeature } from './tokens/tokens-feature';
import { walkthroughFeature } from './walkthrough/walkthroughFeature';

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
