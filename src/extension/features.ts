import { activityFeature } from './activity/activity-feature';
import type { Feature } from './feature';

/** Every feature, in activation order. Each issue adds its own line. */
export const features: Feature[] = [
  // First: every other feature records through api.activity.
  activityFeature,
];
